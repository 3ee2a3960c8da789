// The page's entry: styles, then one kubeplay app in #root configured by the URL.
import '@xyflow/react/dist/base.css';
import './app/styles/app.css';
import { mountApp } from './app/mount';

const root = document.getElementById('root');
if (root)
  mountApp(root, window.location.search).catch((e: unknown) => {
    // Only a chunk that cannot be fetched gets here (the site changed or went away mid-load).
    console.error('kubeplay: could not start', e);
    const p = document.createElement('p');
    p.className = 'boot-error';
    p.setAttribute('role', 'alert');
    p.textContent = `kubeplay could not start: ${e instanceof Error ? e.message : String(e)}. Reload the page to try again.`;
    root.replaceChildren(p);
  });
