// The inspector for a Service: its spec, its EndpointSlices with each endpoint's conditions
// (ready, serving, terminating), the Deployments behind it (scale them), each node's kube-proxy
// rules for it (iptables chains, IPVS virtual servers or nftables maps) with packet counters that
// tick live, which nodes are behind, its live YAML and the requests it carried.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NodeRules, ServiceView } from '../../../engine/index';
import { useAppState } from '../../AppContext';
import { useT } from '../../i18n/useT';
import { selects, type EndpointRow } from '../../stores/serviceEndpoints';
import { CommandStatus, RequestList, Tabs, useCommand, useSeconds, YamlView } from './parts';
import { ScaleControl } from './PodDetails';
import { useEngineQuery } from './useQuery';

export function ServiceDetails({ svc }: { svc: ServiceView }) {
  const t = useT();
  const key = `${svc.namespace}/${svc.name}`;
  const recent = useAppState(
    useShallow((s) => s.engine.recent.filter((r) => r.service === key).slice(-12)),
  );
  return (
    <Tabs
      label={t('inspector.tabs')}
      tabs={[
        {
          id: 'details',
          label: t('inspector.tab.details'),
          render: () => <ServiceFacts svc={svc} />,
        },
        { id: 'rules', label: t('inspector.tab.rules'), render: () => <ServiceRules svc={svc} /> },
        {
          id: 'requests',
          label: t('inspector.tab.requests'),
          render: () => <RequestList requests={recent} />,
        },
        {
          id: 'yaml',
          label: t('inspector.tab.yaml'),
          render: () => <YamlView kind="Service" name={svc.name} namespace={svc.namespace} />,
        },
      ]}
    />
  );
}

function ServiceFacts({ svc }: { svc: ServiceView }) {
  const t = useT();
  const endpoints = useAppState(useShallow((s) => s.engine.endpoints[svc.name] ?? []));
  const allDeployments = useAppState((s) => s.engine.deployments);
  const deployments = useMemo(
    () => allDeployments.filter((d) => selects(svc, { labels: d.selector })),
    [allDeployments, svc],
  );
  const { run, done, busy } = useCommand();
  const slices = useMemo(() => {
    const m = new Map<string, EndpointRow[]>();
    for (const e of endpoints) m.set(e.slice, [...(m.get(e.slice) ?? []), e]);
    return [...m.entries()];
  }, [endpoints]);
  const sel = svc.selector ? Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`) : [];
  return (
    <>
      <dl className="inspector__fields">
        <dt>{t('inspector.type')}</dt>
        <dd>{svc.type}</dd>
        <dt>{t('service.clusterIP')}</dt>
        <dd className="mono">{svc.clusterIP ?? t('inspector.none')}</dd>
        {(svc.type === 'LoadBalancer' || svc.externalIP) && (
          <>
            <dt>{t('service.externalIP')}</dt>
            <dd className="mono">{svc.externalIP ?? t('service.pending')}</dd>
          </>
        )}
        <dt>{t('inspector.selector')}</dt>
        <dd className="mono">{sel.length > 0 ? sel.join(',') : t('inspector.none')}</dd>
        <dt>{t('inspector.ports')}</dt>
        <dd className="mono">
          {svc.ports
            .map(
              (p) =>
                `${p.name ? `${p.name} ` : ''}${p.port}${p.nodePort ? `:${p.nodePort}` : ''} → ${p.targetPort}/${p.protocol}`,
            )
            .join(', ')}
        </dd>
      </dl>
      <section className="inspector__section" aria-label={t('inspector.slices')}>
        <h3 className="inspector__subtitle">{t('inspector.slices')}</h3>
        {slices.length === 0 ? (
          <p className="inspector__note">{t('inspector.noSlices')}</p>
        ) : (
          slices.map(([slice, rows]) => (
            <table key={slice} className="eptable" data-testid="endpointslice" data-name={slice}>
              <caption className="mono">{slice}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inspector.address')}</th>
                  <th scope="col">{t('pod.kind')}</th>
                  <th scope="col">{t('inspector.conditions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr
                    key={`${e.ip}:${e.port ?? ''}`}
                    data-testid="endpoint"
                    data-ip={e.ip}
                    data-ready={String(e.ready)}
                    data-serving={String(e.serving)}
                    data-terminating={String(e.terminating)}
                  >
                    <td className="mono">
                      {e.ip}
                      {e.port !== null ? `:${e.port}` : ''}
                    </td>
                    <td className="mono">
                      {e.pod ?? t('inspector.none')}
                      {e.node ? <span className="eptable__node"> ({e.node})</span> : null}
                    </td>
                    <td>
                      <Condition name="ready" value={e.ready} />
                      <Condition name="serving" value={e.serving} />
                      <Condition name="terminating" value={e.terminating} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))
        )}
      </section>
      {deployments.length > 0 && (
        <section className="inspector__section" aria-label={t('inspector.actions')}>
          <h3 className="inspector__subtitle">{t('inspector.actions')}</h3>
          {deployments.map((d) => (
            <ScaleControl
              key={d.name}
              name={d.name}
              replicas={d.replicas}
              ready={d.ready}
              run={run}
              busy={busy}
            />
          ))}
          <CommandStatus done={done} />
        </section>
      )}
    </>
  );
}

/** An EndpointSlice condition as Kubernetes names it, with a mark that is not only colour. */
function Condition({ name, value }: { name: string; value: boolean }) {
  return (
    <span className={`cond cond--${value ? 'true' : 'false'}`}>
      <span aria-hidden="true">{value ? '✓' : '✕'}</span> {name}={String(value)}
    </span>
  );
}

function ServiceRules({ svc }: { svc: ServiceView }) {
  const t = useT();
  const seconds = useSeconds();
  const key = `${svc.namespace}/${svc.name}`;
  const { data, loading } = useEngineQuery(`rules:${key}`, (api) => api.serviceRules(key), 1000);
  const behind = useAppState(
    useShallow((s) => s.engine.nodes.filter((n) => n.proxy.behind).map((n) => n.name)),
  );
  return (
    <>
      <p className="inspector__note" role="status" data-testid="nodes-behind">
        {behind.length > 0
          ? t('inspector.nodesBehind', { nodes: behind.join(', ') })
          : t('inspector.allSynced')}
      </p>
      {loading || !data ? (
        <p className="inspector__note">{t('inspector.loading')}</p>
      ) : (
        data.map((r) => <NodeRulesTable key={r.node} rules={r} seconds={seconds} />)
      )}
    </>
  );
}

function NodeRulesTable({
  rules: r,
  seconds,
}: {
  rules: NodeRules;
  seconds: (ms: number) => string;
}) {
  const t = useT();
  const behind = r.syncedVersion < r.currentVersion;
  const lines = r.lines;
  return (
    <section
      className="rules"
      aria-label={t('inspector.rulesOn', { node: r.node })}
      data-testid="node-rules"
      data-node={r.node}
      data-behind={String(behind)}
    >
      <h3 className="inspector__subtitle">
        {t('inspector.rulesOn', { node: r.node })}{' '}
        <span className={`chip ${behind ? 'chip--notready' : 'chip--ready'}`}>
          {behind
            ? t('inspector.rulesBehind', { synced: r.syncedVersion, current: r.currentVersion })
            : t('inspector.rulesSynced', { synced: r.syncedVersion })}
        </span>
      </h3>
      <p className="inspector__note">
        {r.mode} ·{' '}
        {t('inspector.lastSync', {
          seconds: seconds(r.lastSyncAt).replace(/ s$/, ''),
          ms: Math.round(r.lastSyncDurationMs),
        })}
      </p>
      {lines.length === 0 ? (
        <p className="inspector__note">{t('inspector.noRules')}</p>
      ) : (
        <div
          className="rules__scroll"
          tabIndex={0}
          aria-label={t('inspector.rulesOn', { node: r.node })}
        >
          <table className="rules__table">
            <thead>
              <tr>
                <th scope="col">{t('inspector.packets')}</th>
                <th scope="col">{t('inspector.rule')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr
                  key={`${l.chain}-${i}`}
                  className={l.packets > 0 ? 'is-hit' : ''}
                  data-testid="rule"
                  data-chain={l.chain}
                  data-packets={l.packets}
                >
                  <td className="mono rules__count">{l.packets}</td>
                  <td className="mono rules__text">{l.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
