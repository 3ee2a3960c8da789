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
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 1500));
    idle(() => void load());
  }, []);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <Inspector />
    </Suspense>
  );
}
