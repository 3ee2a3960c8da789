// A Kubernetes Node as a group box (name, IP, Ready, pod CIDR); its pods are drawn inside it as
// child flow nodes. Also the lane of pods waiting to be scheduled.
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useAppState } from '../AppContext';
import { useT } from '../i18n/useT';

export type K8sNodeFlowNode = Node<{ name: string }, 'k8sNode'>;
export type LaneFlowNode = Node<Record<string, never>, 'lane'>;

export const K8sNodeBox = memo(function K8sNodeBox({ data }: NodeProps<K8sNodeFlowNode>) {
  const t = useT();
  const node = useAppState((s) => s.engine.nodes.find((n) => n.name === data.name));
  if (!node) return null;
  const state = node.ready ? t('node.ready') : t('node.notReady');
  return (
    <div
      className={`k8snode${node.ready ? '' : ' is-notready'}`}
      role="group"
      aria-label={t('node.label', { name: node.name, ip: node.ip, state, cidr: node.podCIDR })}
      data-testid="node"
      data-name={node.name}
      data-ready={String(node.ready)}
    >
      <div className="k8snode__head">
        <svg className="k8snode__icon" viewBox="0 0 24 24" aria-hidden="true">
          <path
            fill="currentColor"
            d="M3 4h18v6H3zm2 2v2h2V6zm-2 6h18v6H3zm2 2v2h2v-2zm5-8v2h9V6zm0 8v2h9v-2z"
          />
        </svg>
        <span className="k8snode__name">{node.name}</span>
        <span className={`chip ${node.ready ? 'chip--ready' : 'chip--notready'}`}>
          <span aria-hidden="true">{node.ready ? '✓' : '✕'}</span> {state}
        </span>
      </div>
      <dl className="k8snode__meta">
        <div>
          <dt>{t('node.ip')}</dt>
          <dd className="mono">{node.ip}</dd>
        </div>
        <div>
          <dt>{t('node.podCIDR')}</dt>
          <dd className="mono">{node.podCIDR}</dd>
        </div>
      </dl>
    </div>
  );
});

export const LaneBox = memo(function LaneBox() {
  const t = useT();
  return (
    <div className="k8snode k8snode--lane">
      <div className="k8snode__head">
        <span className="k8snode__name">{t('cluster.unscheduled')}</span>
      </div>
    </div>
  );
});
