// The page layout: a top bar (lesson, controls, language), then the "Manifests" region, the
// "Cluster" region (canvas, legend, pod inspector) and a side column (counters, events).
// With ?embed=1 only the canvas and the minimal controls remain.
import { AppProvider, useAppState, type AppInstance } from './AppContext';
import { ClusterCanvas } from './canvas/ClusterCanvas';
import { KubectlConsole } from './console/KubectlConsole';
import { Controls } from './controls/Controls';
import { CanvasBar } from './controls/CanvasBar';
import { LanguageSwitcher, useDocumentLang } from './controls/LanguageSwitcher';
import { useLang, useT } from './i18n/useT';
import { Alerts } from './panels/Alerts';
import { EventLog } from './panels/EventLog';
import { ClientStats, HitCounters } from './panels/HitCounters';
import { LessonPanel } from './lessons/LessonPanel';
import { Legend } from './panels/Legend';
import { ManifestsPanel } from './panels/ManifestsPanel';
import { InspectorSlot } from './panels/inspector/InspectorSlot';
import { StatsChart } from './panels/StatsChart';
import { useDisplay } from './layout/display';
import { OpenInApp } from './embed/OpenInApp';
import { ShareTools } from './share/ShareTools';

export function App({ instance }: { instance: AppInstance }) {
  return (
    <AppProvider instance={instance}>
      <Shell />
    </AppProvider>
  );
}

function Shell() {
  useDocumentLang();
  const t = useT();
  const embed = useAppState((s) => s.ui.embed);
  useDisplay(embed);
  const editorOpen = useAppState((s) => s.ui.editorOpen);
  const embedEditor = useAppState((s) => s.ui.embedEditor === true);
  return (
    <div className={`app${embed ? ' app--embed' : ''}${editorOpen ? '' : ' app--folded'}`}>
      <TopBar embed={embed} />
      <Alerts />
      <div className="workspace">
        {(!embed || embedEditor) && <ManifestsPanel />}
        <ClusterRegion embed={embed} />
        {!embed && (
          <aside className="side" aria-label={t('side.label')}>
            <LessonPanel />
            <InspectorSlot />
            <HitCounters />
            <StatsChart />
            <ClientStats />
            <EventLog />
          </aside>
        )}
      </div>
    </div>
  );
}

function TopBar({ embed }: { embed: boolean }) {
  const t = useT();
  const lang = useLang();
  const title = useAppState((s) => s.lesson.title[lang] ?? s.lesson.title.en ?? s.lesson.id);
  return (
    <header className="topbar">
      <div className="brand">
        <svg className="brand__logo" viewBox="0 0 32 32" aria-hidden="true">
          <path
            fill="currentColor"
            d="M16 2 28.1 8v16L16 30 3.9 24V8zm0 4.5L7.9 10.5v11L16 25.5l8.1-4v-11zM16 11a5 5 0 1 1 0 10 5 5 0 0 1 0-10z"
          />
        </svg>
        <h1 className="brand__heading">
          <span className="brand__name">{t('app.name')}</span>
          {!embed && <span className="brand__title">{title}</span>}
        </h1>
      </div>
      <Controls compact={embed} />
      {embed ? <OpenInApp /> : <ShareTools />}
      {!embed && <LanguageSwitcher />}
    </header>
  );
}

function ClusterRegion({ embed }: { embed: boolean }) {
  const t = useT();
  const status = useAppState((s) => s.engine.status);
  return (
    <main className={`cluster-main${embed ? '' : ' cluster-main--console'}`}>
      <section className="cluster" aria-label={t('cluster.title')}>
        <div className="cluster__stage">
          <div id="cluster-canvas" className="cluster__canvas" tabIndex={-1}>
            <ClusterCanvas />
          </div>
          {status === 'loading' && (
            <p className="cluster__loading" role="status">
              {t('app.loading')}
            </p>
          )}
          {embed && <InspectorSlot />}
        </div>
        <CanvasBar />
        {!embed && <Legend />}
      </section>
      {!embed && <KubectlConsole />}
    </main>
  );
}
