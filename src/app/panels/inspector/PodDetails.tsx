// The inspector for a pod: its fields and labels, its IP history across replacements (each
// replacement got a new IP), its probes, its events, its live YAML, the requests it sent or
// answered, and chaos: delete, kill, crash, fail/pass readiness, scale its Deployment, change a
// label (it leaves the Service; its ReplicaSet makes a new pod).
import { useMemo, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PodView } from '../../../engine/index';
import { useAppState } from '../../AppContext';
import { Icon } from '../../controls/Icon';
import { useT } from '../../i18n/useT';
import type { PodMemo } from '../../stores/podMemory';
import { deploymentOf, labelCommand, podCommands, scaleCommand } from './commands';
import { describeProbes } from './probes';
import { CommandStatus, RequestList, Tabs, useCommand, useSeconds, YamlView } from './parts';
import { useEngineQuery } from './useQuery';

export function PodDetails({ pod }: { pod: PodView }) {
  const t = useT();
  const events = useAppState(
    useShallow((s) => s.engine.events.filter((e) => e.object === `pod/${pod.name}`)),
  );
  const recent = useAppState(
    useShallow((s) =>
      s.engine.recent.filter((r) => r.from === pod.name || r.pod === pod.name).slice(-12),
    ),
  );
  const seconds = useSeconds();
  return (
    <Tabs
      label={t('inspector.tabs')}
      tabs={[
        { id: 'details', label: t('inspector.tab.details'), render: () => <PodFacts pod={pod} /> },
        {
          id: 'events',
          label: t('inspector.tab.events'),
          render: () =>
            events.length === 0 ? (
              <p className="inspector__note">{t('inspector.noEvents')}</p>
            ) : (
              <ul className="inspector__events">
                {events.slice(-15).map((e) => (
                  <li key={e.seq} className={e.type === 'Warning' ? 'is-warning' : ''}>
                    <span className="mono">{seconds(e.t)}</span> <strong>{e.reason}</strong>{' '}
                    {e.message}
                  </li>
                ))}
              </ul>
            ),
        },
        {
          id: 'requests',
          label: t('inspector.tab.requests'),
          render: () => <RequestList requests={recent} />,
        },
        {
          id: 'yaml',
          label: t('inspector.tab.yaml'),
          render: () => <YamlView kind="Pod" name={pod.name} namespace={pod.namespace} />,
        },
      ]}
    />
  );
}

function PodFacts({ pod }: { pod: PodView }) {
  const t = useT();
  const none = t('inspector.none');
  const memo = useAppState((s) => s.engine.memo);
  const history = useMemo(() => ipHistory(memo, pod.name), [memo, pod.name]);
  const probe = useEngineQuery(`pod:${pod.namespace}/${pod.name}`, (api) =>
    api.object('Pod', pod.name, pod.namespace),
  );
  const probes = useMemo(() => describeProbes(probe.data), [probe.data]);
  return (
    <>
      <dl className="inspector__fields">
        <dt>{t('inspector.name')}</dt>
        <dd className="mono">{pod.name}</dd>
        <dt>{t('inspector.ip')}</dt>
        <dd className="mono">{pod.ip ?? none}</dd>
        <dt>{t('inspector.node')}</dt>
        <dd className="mono">{pod.node ?? none}</dd>
        <dt>{t('inspector.status')}</dt>
        <dd>{pod.status}</dd>
        <dt>{t('inspector.ready')}</dt>
        <dd>{pod.readyText}</dd>
        <dt>{t('inspector.restarts')}</dt>
        <dd>{pod.restarts}</dd>
        <dt>{t('inspector.owner')}</dt>
        <dd className="mono">{pod.owner ? `ReplicaSet/${pod.owner}` : none}</dd>
        <dt>{t('inspector.labels')}</dt>
        <dd>
          <ul className="inspector__labels">
            {Object.entries(pod.labels).map(([k, v]) => (
              <li key={k} className="label-chip">
                {k}={v}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {history.length > 1 && (
        <section className="inspector__section" aria-label={t('inspector.ipHistory')}>
          <h3 className="inspector__subtitle">{t('inspector.ipHistory')}</h3>
          <ol className="iphistory" data-testid="ip-history">
            {history.map((h, i) => (
              <li key={h.name} className={i === history.length - 1 ? 'is-now' : ''}>
                <span className="mono">{h.ip ?? none}</span>{' '}
                <span className="iphistory__pod">{h.name}</span>
                {i === history.length - 1 && (
                  <span className="chip chip--ready">{t('inspector.ipNow')}</span>
                )}
              </li>
            ))}
          </ol>
          <p className="inspector__note">{t('inspector.ipHistoryHint')}</p>
        </section>
      )}
      <section className="inspector__section" aria-label={t('inspector.probes')}>
        <h3 className="inspector__subtitle">{t('inspector.probes')}</h3>
        {probe.loading ? (
          <p className="inspector__note">{t('inspector.loading')}</p>
        ) : probes.length === 0 ? (
          <p className="inspector__note">{t('inspector.noProbes')}</p>
        ) : (
          <ul className="inspector__probes">
            {probes.map((p) => (
              <li key={p} className="mono">
                {p}
              </li>
            ))}
          </ul>
        )}
      </section>
      <PodActions pod={pod} />
    </>
  );
}

/** The pods this one replaced, oldest first, then itself: name and IP of each. */
function ipHistory(
  memo: Record<string, PodMemo>,
  name: string,
): { name: string; ip: string | null }[] {
  const chain: { name: string; ip: string | null }[] = [];
  let m: PodMemo | undefined = memo[name];
  const seen = new Set<string>();
  while (m && !seen.has(m.name) && chain.length < 12) {
    seen.add(m.name);
    chain.unshift({ name: m.name, ip: m.ip });
    m = m.replaces ? memo[m.replaces] : undefined;
  }
  return chain;
}

function PodActions({ pod }: { pod: PodView }) {
  const t = useT();
  const { run, done, busy } = useCommand();
  const deployments = useAppState((s) => s.engine.deployments);
  const deployment = deploymentOf(pod, deployments);
  const dep = deployments.find((d) => d.name === deployment);
  const gone = pod.terminating;
  return (
    <section className="inspector__section inspector__actions" aria-label={t('inspector.actions')}>
      <h3 className="inspector__subtitle">{t('inspector.actions')}</h3>
      <div className="actions">
        <button
          type="button"
          className="btn btn--danger"
          onClick={() => run(podCommands.delete(pod.name))}
          disabled={gone || busy}
          title={t('inspector.deleteHint', { name: pod.name })}
        >
          <Icon name="trash" />
          <span>{t('inspector.delete')}</span>
        </button>
        <button
          type="button"
          className="btn btn--danger"
          onClick={() => run(podCommands.kill(pod.name))}
          disabled={gone || busy}
          title={t('chaos.killHint', { name: pod.name })}
        >
          {t('chaos.kill')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => run(podCommands.crash(pod.name))}
          disabled={gone || busy}
          title={t('chaos.crashHint', { name: pod.name })}
        >
          {t('chaos.crash')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => run(podCommands.failReadiness(pod.name))}
          disabled={gone || busy}
          title={t('chaos.readinessHint', { name: pod.name })}
        >
          {t('chaos.failReadiness')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => run(podCommands.passReadiness(pod.name))}
          disabled={gone || busy}
          title={t('chaos.readinessHint', { name: pod.name })}
        >
          {t('chaos.passReadiness')}
        </button>
      </div>
      {dep && (
        <ScaleControl
          name={dep.name}
          replicas={dep.replicas}
          ready={dep.ready}
          run={run}
          busy={busy}
        />
      )}
      <LabelForm pod={pod} run={run} busy={busy || gone} />
      <CommandStatus done={done} />
    </section>
  );
}

/** A Deployment's replicas with − and + (kubectl scale). */
export function ScaleControl({
  name,
  replicas,
  ready,
  run,
  busy,
}: {
  name: string;
  replicas: number;
  ready: number;
  run: (line: string) => void;
  busy: boolean;
}) {
  const t = useT();
  return (
    <div className="scale" role="group" aria-label={t('inspector.deployment', { name })}>
      <span className="scale__name">{t('inspector.deployment', { name })}</span>
      <button
        type="button"
        className="btn btn--icon scale__btn"
        onClick={() => run(scaleCommand(name, replicas - 1))}
        disabled={busy || replicas <= 0}
        aria-label={t('chaos.scaleDown', { name })}
        title={scaleCommand(name, replicas - 1)}
      >
        −
      </button>
      <span className="scale__value" data-testid="replicas" data-deployment={name}>
        {replicas}
      </span>
      <button
        type="button"
        className="btn btn--icon scale__btn"
        onClick={() => run(scaleCommand(name, replicas + 1))}
        disabled={busy}
        aria-label={t('chaos.scaleUp', { name })}
        title={scaleCommand(name, replicas + 1)}
      >
        +
      </button>
      <span className="scale__ready">{t('inspector.replicas', { ready, replicas })}</span>
    </div>
  );
}

function LabelForm({
  pod,
  run,
  busy,
}: {
  pod: PodView;
  run: (line: string) => void;
  busy: boolean;
}) {
  const t = useT();
  const keys = Object.keys(pod.labels).filter((k) => k !== 'pod-template-hash');
  const [key, setKey] = useState(keys[0] ?? 'app');
  const [value, setValue] = useState(`${pod.labels[keys[0] ?? 'app'] ?? 'app'}-debug`);
  const line = labelCommand(pod.name, key, value);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (line) run(line);
  };
  return (
    <form className="labelform" onSubmit={submit} aria-label={t('chaos.label')}>
      <h4 className="labelform__title">{t('chaos.label')}</h4>
      <label className="labelform__field">
        <span>{t('chaos.labelKey')}</span>
        <select className="select" value={key} onChange={(e) => setKey(e.target.value)}>
          {keys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label className="labelform__field">
        <span>{t('chaos.labelValue')}</span>
        <input
          className="input mono"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          spellCheck={false}
          autoCapitalize="off"
        />
      </label>
      <button type="submit" className="btn" disabled={busy || !line} title={line ?? ''}>
        {t('chaos.labelApply')}
      </button>
      <p className="inspector__note">{t('chaos.labelHint')}</p>
    </form>
  );
}
