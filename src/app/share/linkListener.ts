// Links followed inside an open page: a new `#s=` in the address bar (pasted, or a link on the
// same page) opens as its own session without a reload. Also how the page was reached, which
// decides whether a link's kept session is restored (only on reload).
import type { SessionController } from '../sessions/controller';
import { readShareCode } from './link';

/** Opens every `#s=` the page navigates to; returns the function that stops listening. */
export function listenForLinks(win: Window, sessions: SessionController): () => void {
  const onHash = () => {
    const code = readShareCode(win.location.hash);
    if (code !== null) void sessions.openLink(code, win.location.search);
  };
  win.addEventListener('hashchange', onHash);
  return () => win.removeEventListener('hashchange', onHash);
}

/** 'navigate', 'reload', 'back_forward' or 'prerender' (PerformanceNavigationTiming.type). */
export function navigationType(): string {
  const entry = performance.getEntriesByType('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  return entry?.type ?? 'navigate';
}
