// Creates one app instance (store + engine runner) from the URL and renders it into an element.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createEngineClient } from '../worker/client';
import { App } from './App';
import { detectLang } from './i18n/i18n';
import { findLesson, scenarioInfo } from './lessons/catalog';
import { EngineRunner } from './runtime/runner';
import { createAppStore, pushAlert } from './stores/appStore';
import { parseUrlOptions } from './url';

/** Mounts kubeplay into `root`, configured by `search` (the page's query string). */
export function mountApp(root: HTMLElement, search: string): () => void {
  const opts = parseUrlOptions(search);
  const { lesson, unknownId } = findLesson(opts.lesson);
  const info = scenarioInfo(lesson.scenario);
  const browserLangs = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  const store = createAppStore({
    lesson: { id: lesson.id, title: info.title, scenario: lesson.scenario },
    manifests: info.manifests,
    ui: {
      selectedPod: null,
      speed: opts.speed,
      playing: opts.autoplay,
      view: opts.view,
      lang: detectLang(opts.lang, browserLangs),
      embed: opts.embed,
      editorOpen: true,
    },
  });
  if (unknownId !== null) pushAlert(store, 'errors.unknownLesson', { id: unknownId });
  const runner = new EngineRunner(store, { createClient: createEngineClient });
  runner.start();
  const reactRoot = createRoot(root);
  reactRoot.render(
    <StrictMode>
      <App instance={{ store, runner }} />
    </StrictMode>,
  );
  return () => {
    reactRoot.unmount();
    runner.dispose();
  };
}
