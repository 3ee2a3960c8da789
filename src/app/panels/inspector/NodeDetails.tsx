// The inspector for a node: its addresses, pod CIDR, readiness, its kube-proxy's sync state and
// time, its pods (each opens its own inspector), its live YAML, and chaos: fail or recover it.
import { useShallow } from 'zustand/react/shallow';
import type { NodeView } from '../../../engine/index';
import { useAppState, useAppStore } from '../../AppContext';
import { useT } from '../../i18n/useT';
import { inspect } from '../../stores/appStore';
import { nodeCommands } from './commands';
import { CommandStatus, Tabs, useCommand, useSeconds, YamlView } from './parts';

export function NodeDetails({ node }: { node: NodeView }) {
  const t = useT();
  return (
    <Tabs
      label={t('inspector.tabs')}
      tabs={[
        {
          id: 'details',
          label: t('inspector.tab.details'),
          render: () => <NodeFacts node={node} />,
        },
        {
          id: 'yaml',
          label: t('inspector.tab.yaml'),
          render: () => <YamlView kind="Node" name={node.name} namespace="" />,
        },
      ]}
    />
  );
}

function NodeFacts({ node }: { node: NodeView }) {
  const t = useT();
  const store = useAppStore();
  const seconds = useSeconds();
  const { run, done, busy } = useCommand();
  const pods = useAppState(
    useShallow((s) =>
      Object.values(s.engine.pods)
        .filter((p) => p.node === node.name)
        .map((p) => p.name)
        .sort(),
    ),
  );
  const p = node.proxy;
  return (
    <>
      <dl className="inspector__fields">
        <dt>{t('inspector.nodeIP')}</dt>
        <dd className="mono">{node.ip}</dd>
        <dt>{t('inspector.podCIDR')}</dt>
        <dd className="mono">{node.podCIDR}</dd>
        <dt>{t('inspector.ready')}</dt>
        <dd>{node.ready ? t('node.ready') : t('node.notReady')}</dd>
        <dt>{t('inspector.proxy')}</dt>
        <dd data-testid="node-sync" data-behind={String(p.behind)}>
          {p.behind ? t('node.behind') : t('node.synced')} ·{' '}
          {t('inspector.syncedAt', {
            seconds: seconds(p.lastSyncAt).replace(/ s$/, ''),
            syncs: p.syncs,
          })}
        </dd>
      </dl>
      <section className="inspector__section" aria-label={t('inspector.podsOn')}>
        <h3 className="inspector__subtitle">{t('inspector.podsOn')}</h3>
        {pods.length === 0 ? (
          <p className="inspector__note">{t('inspector.noPods')}</p>
        ) : (
          <ul className="inspector__podlist">
            {pods.slice(0, 60).map((name) => (
              <li key={name}>
                <button
                  type="button"
                  className="linkish mono"
                  onClick={() => inspect(store, { kind: 'pod', name })}
                >
                  {name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section
        className="inspector__section inspector__actions"
        aria-label={t('inspector.actions')}
      >
        <h3 className="inspector__subtitle">{t('inspector.actions')}</h3>
        <div className="actions">
          <button
            type="button"
            className="btn btn--danger"
            onClick={() => run(nodeCommands.fail(node.name))}
            disabled={busy || node.failed}
            title={nodeCommands.fail(node.name)}
          >
            {t('chaos.failNode')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => run(nodeCommands.recover(node.name))}
            disabled={busy || !node.failed}
            title={nodeCommands.recover(node.name)}
          >
            {t('chaos.recoverNode')}
          </button>
        </div>
        <CommandStatus done={done} />
      </section>
    </>
  );
}
