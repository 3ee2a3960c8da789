// Display options for classrooms: large text for projectors, light or dark theme, reduced motion.
// They come from the URL (`?projector=1`, `?theme=dark|light`) or from the last choice kept in
// this browser, and show as attributes on <html> that the stylesheets key on (the system's colour
// scheme is resolved here, so the stylesheets have one dark theme, not two copies of it).
import { useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useAppState, useAppStore } from '../AppContext';
import { patchUi, type UiState } from '../stores/appStore';

export type Theme = NonNullable<UiState['theme']>;
const KEY = 'kubeplay:display';

interface Kept {
  projector?: boolean;
  theme?: Theme;
  motion?: 'system' | 'reduced';
}

function readKept(): Kept {
  try {
    const raw = window.localStorage.getItem(KEY);
    const v: unknown = raw ? JSON.parse(raw) : {};
    if (!v || typeof v !== 'object') return {};
    const o = v as Record<string, unknown>;
    return {
      ...(typeof o.projector === 'boolean' ? { projector: o.projector } : {}),
      ...(o.theme === 'light' || o.theme === 'dark' || o.theme === 'system'
        ? { theme: o.theme }
        : {}),
      ...(o.motion === 'reduced' || o.motion === 'system' ? { motion: o.motion } : {}),
    };
  } catch {
    return {};
  }
}

/** The display options a page opens with: the URL's, else the ones kept, else the system's. */
export function initialDisplay(search: string, kept: Kept): Required<Kept> {
  const q = new URLSearchParams(search);
  const projector = q.get('projector');
  const theme = q.get('theme');
  return {
    projector:
      projector === null ? (kept.projector ?? false) : ['1', 'true', 'yes', ''].includes(projector),
    theme: theme === 'dark' || theme === 'light' ? theme : (kept.theme ?? 'system'),
    motion: kept.motion ?? 'system',
  };
}

/**
 * Sets the display options from the URL (or what was kept) once, and mirrors them onto <html>
 * (`data-theme`, `data-projector`, `data-motion`) whenever they change.
 */
export function useDisplay(embed: boolean): void {
  const store = useAppStore();
  const projector = useAppState((s) => s.ui.projector ?? false);
  const theme = useAppState((s) => s.ui.theme ?? 'system');
  const motion = useAppState((s) => s.ui.motion ?? 'system');
  const systemDark = useMedia('(prefers-color-scheme: dark)');
  const [ready, setReady] = useState(false);
  useLayoutEffect(() => {
    patchUi(store, initialDisplay(window.location.search, embed ? {} : readKept()));
    setReady(true);
  }, [store, embed]);
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset.projector = String(projector);
    root.dataset.theme = theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
    root.dataset.motion = motion;
  }, [projector, theme, motion, systemDark]);
  useEffect(() => {
    if (!ready || embed) return;
    try {
      window.localStorage.setItem(KEY, JSON.stringify({ projector, theme, motion }));
    } catch {
      /* storage unavailable: the choice lasts for this page only */
    }
  }, [ready, embed, projector, theme, motion]);
}

function subscribeMedia(query: string) {
  return (cb: () => void) => {
    const m = window.matchMedia(query);
    m.addEventListener('change', cb);
    return () => m.removeEventListener('change', cb);
  };
}

/** Whether a media query matches, live. */
export function useMedia(query: string): boolean {
  const subscribe = useMemo(() => subscribeMedia(query), [query]);
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Reduced motion: the system asks for it, or the display options do. */
export function useReducedMotion(): boolean {
  const system = useMedia('(prefers-reduced-motion: reduce)');
  const forced = useAppState((s) => s.ui.motion === 'reduced');
  return system || forced;
}
