// Small pieces the inspector's views share: tabs, the live YAML view, the recent-requests list,
// an action button that runs an engine command and says when it is done. All text is rendered as
// text (React escapes it); nothing from the engine is ever parsed as HTML.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { RequestRecord } from '../../../engine/index';
import { useAppStore, useRunner } from '../../AppContext';
import { formatSeconds } from '../../i18n/i18n';
import { useLang, useT } from '../../i18n/useT';
import { inspect } from '../../stores/appStore';
import { useEngineQuery } from './useQuery';

export interface Tab {
  id: string;
  label: string;
  render: () => ReactNode;
}

/** WAI-ARIA tabs: arrow keys move between tabs, the panel follows. */
export function Tabs({ tabs, label }: { tabs: Tab[]; label: string }) {
  const base = useId();
  const [current, setCurrent] = useState(tabs[0]?.id ?? '');
  const active = tabs.find((x) => x.id === current) ?? tabs[0];
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((x) => x.id === active?.id);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    setCurrent(tab.id);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(`${base}-tab-${tab.id}`)}`)?.focus();
  };
  if (!active) return null;
  return (
    <div className="tabs">
      <div
        ref={list}
        className="tabs__list"
        role="tablist"
        aria-label={label}
        onKeyDown={onKeyDown}
      >
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`${base}-tab-${tab.id}`}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={tab.id === active.id}
            aria-controls={`${base}-panel`}
            tabIndex={tab.id === active.id ? 0 : -1}
            onClick={() => setCurrent(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        id={`${base}-panel`}
        className="tabs__panel"
        role="tabpanel"
        aria-labelledby={`${base}-tab-${active.id}`}
      >
        {active.render()}
      </div>
    </div>
  );
}

/** An object's live YAML (`kubectl get -o yaml`), refreshed every second. */
export function YamlView({
  kind,
  name,
  namespace,
}: {
  kind: string;
  name: string;
  namespace: string;
}) {
  const t = useT();
  const { data, loading } = useEngineQuery(
    `yaml:${kind}/${namespace}/${name}`,
    (api) => api.inspect(kind, name, namespace),
    1000,
  );
  if (loading) return <p className="inspector__note">{t('inspector.loading')}</p>;
  if (data === null) return <p className="inspector__note">{t('inspector.missing')}</p>;
  return (
    <pre
      className="yaml"
      tabIndex={0}
      aria-label={t('inspector.yamlLabel', { name })}
      data-testid="yaml"
    >
      {data}
    </pre>
  );
}

/** Recent requests as buttons that open the packet inspector. */
export function RequestList({ requests }: { requests: RequestRecord[] }) {
  const t = useT();
  const store = useAppStore();
  if (requests.length === 0) return <p className="inspector__note">{t('requests.empty')}</p>;
  return (
    <ul className="reqlist">
      {requests
        .slice(-12)
        .reverse()
        .map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className={`reqlist__item reqlist__item--${r.outcome}`}
              onClick={() => inspect(store, { kind: 'packet', id: r.id })}
            >
              <span className={`packet-swatch packet-swatch--${r.outcome}`} aria-hidden="true" />
              <span className="reqlist__text">
                {t('requests.row', { id: r.id, from: r.from, url: r.url, outcome: r.outcome })}
              </span>
            </button>
          </li>
        ))}
    </ul>
  );
}

/**
 * Runs an engine command (kubectl or chaos) through the runner, so it enters the command log;
 * says "Done: …" in a status line. A failure is announced by the runner (role=alert).
 */
export function useCommand(): { run: (line: string) => void; done: string | null; busy: boolean } {
  const runner = useRunner();
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = (line: string) => {
    setBusy(true);
    void runner.exec(line).then((ok) => {
      setBusy(false);
      setDone(ok ? line : null);
    });
  };
  return { run, done, busy };
}

/** The status line under the actions ("Done: chaos crash …"). */
export function CommandStatus({ done }: { done: string | null }) {
  const t = useT();
  return (
    <p className="inspector__done" role="status">
      {done ? t('chaos.done', { command: done }) : ''}
    </p>
  );
}

/** Virtual time as "12.3 s". */
export function useSeconds(): (ms: number) => string {
  const lang = useLang();
  return (ms) => `${formatSeconds(lang, ms)} s`;
}
