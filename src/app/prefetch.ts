// After the cluster's first frame, when the browser is idle: fetch the parts a visitor may use
// later (dialogs, the gallery, the scenario parser, the lesson tools, the other languages), so
// they open at once and keep working if the connection drops after the page has loaded. A part
// that fails here is simply fetched again on first use.
import { LANGS, loadLang } from './i18n/i18n';
import { preloadScenarioParser } from './lessons/catalog';
import { LESSON_GALLERY } from './lessons/LessonPanel';
import { EMBED_DIALOG, SESSIONS_DIALOG, SHARE_DIALOG } from './share/ShareTools';
import type { AppStore } from './stores/appStore';

export function prefetchWhenStarted(store: AppStore): () => void {
  let timer: number | null = null;
  const run = () => {
    for (const part of [SHARE_DIALOG, EMBED_DIALOG, SESSIONS_DIALOG, LESSON_GALLERY])
      part.preload();
    preloadScenarioParser();
    void import('./lessons/mergeManifests').catch(() => undefined);
    void import('./lessons/skeleton').catch(() => undefined);
    for (const lang of LANGS) void loadLang(lang).catch(() => undefined);
  };
  const schedule = () => {
    if (typeof window.requestIdleCallback === 'function')
      timer = window.requestIdleCallback(run, { timeout: 5000 });
    else timer = window.setTimeout(run, 2000);
  };
  if (store.getState().engine.status === 'running') {
    schedule();
    return () => cancel(timer);
  }
  const stop = store.subscribe((s) => {
    if (s.engine.status !== 'running') return;
    stop();
    schedule();
  });
  return () => {
    stop();
    cancel(timer);
  };
}

function cancel(timer: number | null): void {
  if (timer === null) return;
  if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(timer);
  window.clearTimeout(timer);
}
