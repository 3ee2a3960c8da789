// Where the inspector goes. Its code (tabs, tables, YAML, rules, chaos actions) loads on its own,
// after the page is up, so the first paint does not wait for it; by the time someone clicks, it
// is usually there already (and stays there, so it works offline from then on).
import { useEffect } from 'react';
import { useAppState } from '../../AppContext';
import { lazyPart } from '../../lazyPart';

const INSPECTOR = lazyPart(() => import('./Inspector').then((m) => m.Inspector));
const Inspector = INSPECTOR.Component;

export function InspectorSlot() {
  const open = useAppState((s) => s.ui.selectedPod !== null || (s.ui.inspect ?? null) !== null);
  useEffect(() => {
    // A busy page (hundreds of pods animating) may never be idle: fetch it within 2 s anyway.
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(INSPECTOR.preload, { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(INSPECTOR.preload, 1500);
    return () => window.clearTimeout(id);
  }, []);
  if (!open) return null;
  return <Inspector />;
}
