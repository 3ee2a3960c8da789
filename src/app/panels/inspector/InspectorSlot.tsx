// Where the inspector goes. Its code (tabs, tables, YAML, rules, chaos actions) loads on its own,
// after the page is up, so the first paint does not wait for it; by the time someone clicks, it
// is usually there already (and stays there, so it works offline from then on).
import { lazy, Suspense, useEffect } from 'react';
import { useAppState } from '../../AppContext';

const load = () => import('./Inspector');
const Inspector = lazy(() => load().then((m) => ({ default: m.Inspector })));

export function InspectorSlot() {
  const open = useAppState((s) => s.ui.selectedPod !== null || (s.ui.inspect ?? null) !== null);
  useEffect(() => {
    // A busy page (hundreds of pods animating) may never be idle: fetch it within 2 s anyway.
    if (typeof window.requestIdleCallback === 'function')
      window.requestIdleCallback(() => void load(), { timeout: 2000 });
    else window.setTimeout(() => void load(), 1500);
  }, []);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <Inspector />
    </Suspense>
  );
}
