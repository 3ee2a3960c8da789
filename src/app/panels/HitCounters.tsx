// How many requests each backend pod answered since the lesson opened, as bars, so a learner sees
// the Service spread traffic and a new pod start taking its share. Also each client's ok/failed
// tally, where the hard-coded pod IP's failures show up.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Outcome } from '../../engine/index';
import { useAppState } from '../AppContext';
import { podRole } from '../canvas/roles';
import { useT } from '../i18n/useT';
import type { EngineMirror } from '../stores/mirror';

interface HitRow {
  pod: string;
  ip: string | null;
  count: number;
  gone: boolean;
}

/** Gone pods listed (the most recently gone), and live backends listed at most. */
const MAX_GONE_ROWS = 3;
const MAX_LIVE_ROWS = 40;

/** Live backend pods (oldest first), then the latest gone pods that answered something. */
function hitRows(
  m: Pick<EngineMirror, 'pods' | 'hits' | 'services' | 'clientGroups' | 'memo'>,
): HitRow[] {
  const rows: HitRow[] = [];
  const seen = new Set<string>();
  const live = Object.values(m.pods).sort(
    (a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name),
  );
  for (const pod of live) {
    if (rows.length >= MAX_LIVE_ROWS) break;
    if (podRole(m, pod) !== 'backend' && !m.hits[pod.name]) continue;
    seen.add(pod.name);
    rows.push({ pod: pod.name, ip: pod.ip, count: m.hits[pod.name] ?? 0, gone: false });
  }
  const gone = Object.entries(m.hits)
    .filter(([pod]) => !seen.has(pod))
    .map(([pod, count]) => ({ pod, count, memo: m.memo[pod] }))
    .sort((a, b) => (b.memo?.departedAt ?? 0) - (a.memo?.departedAt ?? 0))
    .slice(0, MAX_GONE_ROWS);
  for (const g of gone)
    rows.push({ pod: g.pod, ip: g.memo?.ip ?? null, count: g.count, gone: true });
  return rows;
}

export function HitCounters() {
  const t = useT();
  const picked = useAppState(
    useShallow((s) => ({
      pods: s.engine.pods,
      hits: s.engine.hits,
      services: s.engine.services,
      clientGroups: s.engine.clientGroups,
      memo: s.engine.memo,
    })),
  );
  const rows = useMemo(() => hitRows(picked), [picked]);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const total = useMemo(() => Object.values(picked.hits).reduce((n, c) => n + c, 0), [picked.hits]);
  return (
    <section className="panel panel--hits" aria-labelledby="hits-title">
      <h2 className="panel__title" id="hits-title" title={t('hits.hint')}>
        {t('hits.title')}
      </h2>
      {rows.length === 0 ? (
        <p className="panel__empty">{t('hits.empty')}</p>
      ) : (
        <ul className="hits">
          {rows.map((r) => (
            <li
              key={r.pod}
              className={`hit${r.gone ? ' hit--gone' : ''}`}
              data-testid="hits"
              data-pod={r.pod}
              data-count={r.count}
            >
              <span className="hit__name" title={r.pod}>
                {r.pod}
              </span>
              <span className="hit__ip mono">{r.ip ?? ''}</span>
              <svg
                className="hit__bar"
                viewBox="0 0 100 8"
                preserveAspectRatio="none"
                aria-hidden="true"
              >
                <rect className="hit__track" width="100" height="8" rx="2" />
                <rect className="hit__fill" width={(100 * r.count) / max} height="8" rx="2" />
              </svg>
              <span className="hit__count">
                <span className="visually-hidden">{t('hits.count', { count: r.count })}</span>
                <span aria-hidden="true">{r.count}</span>
                <span className="hit__share">
                  {t('hits.share', {
                    share: total === 0 ? 0 : Math.round((100 * r.count) / total),
                  })}
                </span>
                {r.gone && <span className="hit__gone">{t('hits.gone')}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface ClientRow {
  pod: string;
  ok: number;
  failed: number;
  last: Outcome;
  gone: boolean;
}

export function ClientStats() {
  const t = useT();
  const { clients, pods } = useAppState(
    useShallow((s) => ({ clients: s.engine.clients, pods: s.engine.pods })),
  );
  const rows = useMemo(
    () =>
      Object.entries(clients)
        .map(([pod, c]): ClientRow => ({ pod, ...c, gone: !pods[pod] }))
        .sort((a, b) => a.pod.localeCompare(b.pod)),
    [clients, pods],
  );
  return (
    <section className="panel panel--clients" aria-labelledby="clients-title">
      <h2 className="panel__title" id="clients-title">
        {t('clients.title')}
      </h2>
      {rows.length === 0 ? (
        <p className="panel__empty">{t('clients.empty')}</p>
      ) : (
        <ul className="clients">
          {rows.map((c) => (
            <li
              key={c.pod}
              className={`client${c.last === 'ok' ? '' : ' client--failing'}${c.gone ? ' client--gone' : ''}`}
              data-testid="client"
              data-pod={c.pod}
              data-ok={c.ok}
              data-failed={c.failed}
              data-last={c.last}
            >
              <span className={`packet-swatch packet-swatch--${c.last}`} aria-hidden="true" />
              <span className="client__name" title={c.pod}>
                {c.pod}
              </span>
              <span className="client__tally">
                {t('clients.okFailed', { ok: c.ok, failed: c.failed })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
