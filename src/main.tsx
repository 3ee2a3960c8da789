// Placeholder entry written by the tooling so the build and the smoke test have a page; the app's
// real entry replaces this file.
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root) createRoot(root).render(<main>kubeplay</main>);
