// Creates one app instance (store + engine runner + session keeper) from the URL, a shared link or
// the session kept in this browser (sessions/boot.ts), and renders it into an element.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startEmbedBridge } from './embed/bridge';
import { embedEditorFlag } from './embed/options';
import { detectLang, loadLang, type Lang } from './i18n/i18n';
import { findLesson, lessonInfo } from './lessons/catalog';
import { guardedClients } from './runtime/guard';
import { EngineRunner } from './runtime/runner';
import { planBoot } from './sessions/boot';
import { SessionsProvider } from './sessions/context';
import { SessionController } from './sessions/controller';
import { browserStorage } from './sessions/storage';
import { listenForLinks, navigationType } from './share/linkListener';
import { createAppStore, pushAlert } from './stores/appStore';
import { prewarmEngineWorker } from '../worker/client';
import { prefetchWhenStarted } from './prefetch';
import { parseUrlOptions } from './url';

/**
 * Mounts kubeplay into `root`, configured by `search` (the page's query string). Resolves once
 * the lesson (its own chunk) and the session to open are known and the app is rendering.
 */
export async function mountApp(root: HTMLElement, search: string): Promise<() => void> {
  // The engine worker boots while the lesson chunk and the session are read.
  prewarmEngineWorker();
  const opts = parseUrlOptions(search);
  const { lesson, unknownId } = await findLesson(opts.lesson);
  const info = lessonInfo(lesson);
  const browserLangs = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  const defaultLesson = { id: lesson.id, title: info.title, scenario: lesson.scenario };
  const storage = opts.embed ? null : browserStorage();
  const plan = await planBoot({
    search,
    hash: window.location.hash,
    navigation: navigationType(),
    embed: opts.embed,
    lesson: defaultLesson,
    storage,
  });
  const store = createAppStore({
    lesson: plan.lesson,
    manifests: plan.editorText ?? info.manifests,
    ui: {
      selectedPod: null,
      speed: opts.speed,
      playing: opts.autoplay,
      view: opts.view,
      lang: detectLang(opts.lang, browserLangs),
      embed: opts.embed,
      editorOpen: true,
      embedEditor: opts.embed && embedEditorFlag(search),
      ...plan.ui,
    },
  });
  // Strings of a language other than English are fetched before the first render, and again
  // whenever the page switches to a language it has not spoken yet.
  const speak = (lang: Lang) =>
    loadLang(lang).catch((e: unknown) =>
      pushAlert(store, 'errors.langLoad', { lang, message: e instanceof Error ? e.message : '' }),
    );
  const stopLang = store.subscribe((s, prev) => {
    if (s.ui.lang !== prev.ui.lang) void speak(s.ui.lang);
  });
  // A stalled network must not keep the page blank: after 1.5 s it starts in English.
  await Promise.race([
    speak(store.getState().ui.lang),
    new Promise((resolve) => window.setTimeout(resolve, 1500)),
  ]);
  if (unknownId !== null) pushAlert(store, 'errors.unknownLesson', { id: unknownId });
  for (const a of plan.alerts) pushAlert(store, a.key, a.params);
  const runner = new EngineRunner(store, { createClient: guardedClients(store, search) });
  const sessions = new SessionController({
    store,
    runner,
    storage,
    scope: plan.scope,
    defaultLesson,
  });
  const stops = [
    stopLang,
    prefetchWhenStarted(store),
    sessions.start(),
    opts.embed
      ? startEmbedBridge({ win: window, runner, store, referrer: document.referrer })
      : listenForLinks(window, sessions),
  ];
  // A link or a kept session that does not start: the default lesson opens instead.
  void runner
    .start(plan.load, plan.source === 'link' ? 'link.loadFailed' : 'errors.load')
    .then((ok) => {
      if (!ok && plan.source !== 'lesson') void sessions.openDefault(plan.source === 'restored');
    });
  const reactRoot = createRoot(root);
  reactRoot.render(
    <StrictMode>
      <SessionsProvider controller={sessions}>
        <App instance={{ store, runner }} />
      </SessionsProvider>
    </StrictMode>,
  );
  return () => {
    for (const stop of stops) stop();
    reactRoot.unmount();
    runner.dispose();
  };
}
