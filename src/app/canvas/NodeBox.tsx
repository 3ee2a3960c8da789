// A Kubernetes Node as a group box: name (a button that opens its inspector), Ready, IP, pod
// CIDR, and its kube-proxy strip: the proxy mode, whether its rules are up to date, and (in the
// data-plane view) what the rules last did with a packet: DNAT to an endpoint, SNAT, REJECT or
// DROP. Its pods are child flow nodes, or, at the aggregate density, drawn here as counts and a
// grid of cells (each one still a `[data-testid=pod]`). Also the lane of unscheduled pods.
import type { Node, NodeProps } from '@xyflow/react';
import { memo, useMemo, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NodeView, PodView } from '../../engine/index';
import { useAppState, useAppStore, useRunner } from '../AppContext';
import { useT } from '../i18n/useT';
import { focusInspector } from '../panels/inspector/focus';
import { inspect } from '../stores/appStore';
import type { ProxyVerdict } from '../stores/traceNotes';
import { POD_GEOMETRY, slotOffset } from './layout';
import { statusTone } from './roles';

export type K8sNodeFlowNode = Node<{ name: string }, 'k8sNode'>;
export type LaneFlowNode = Node<Record<string, never>, 'lane'>;

export const K8sNodeBox = memo(function K8sNodeBox({ data }: NodeProps<K8sNodeFlowNode>) {
  const t = useT();
  const store = useAppStore();
  const node = useAppState((s) => s.engine.nodes.find((n) => n.name === data.name));
  const density = useAppState((s) => s.engine.density);
  const aggregate = density === 'aggregate';
  const selected = useAppState(
    (s) => s.ui.inspect?.kind === 'node' && s.ui.inspect.name === data.name,
  );
  if (!node) return null;
  const state = node.ready ? t('node.ready') : t('node.notReady');
  return (
    <div
      className={`k8snode${density === 'full' ? '' : ' k8snode--small'}${node.ready ? '' : ' is-notready'}${selected ? ' is-selected' : ''}`}
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
        <button
          type="button"
          className="k8snode__name canvas-link"
          onClick={(e) => {
            inspect(store, { kind: 'node', name: node.name });
            if (e.detail === 0) focusInspector();
          }}
          aria-label={t('node.details', { name: node.name })}
          aria-expanded={selected}
        >
          {node.name}
        </button>
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
      <RulesStrip node={node} />
      {aggregate && <AggregateBody node={node.name} />}
    </div>
  );
});

/** The node's kube-proxy: mode, sync state, and what its rules last did (data-plane view). */
function RulesStrip({ node }: { node: NodeView }) {
  const t = useT();
  const mode = useAppState((s) => s.engine.proxyMode);
  const dataplane = useAppState((s) => s.ui.view === 'dataplane');
  const verdict = useAppState((s) => s.engine.verdicts[node.name]);
  const sync = node.failed
    ? { cls: 'down', text: t('node.down') }
    : node.proxy.behind
      ? { cls: 'behind', text: t('node.behind') }
      : { cls: 'synced', text: t('node.synced') };
  return (
    <div
      className={`rules-strip rules-strip--${sync.cls}${dataplane ? ' rules-strip--dataplane' : ''}`}
      data-testid="rules"
      data-node={node.name}
      data-behind={String(node.proxy.behind)}
      data-verdict={verdict?.verdict ?? ''}
    >
      <div className="rules-strip__head">
        <span className="rules-strip__mode">{t('node.proxy', { mode })}</span>
        <span className={`rules-strip__sync rules-strip__sync--${sync.cls}`}>
          <span aria-hidden="true">
            {sync.cls === 'synced' ? '✓' : sync.cls === 'behind' ? '⟳' : '✕'}
          </span>{' '}
          {sync.text}
        </span>
      </div>
      {dataplane && <Verdict verdict={verdict} />}
    </div>
  );
}

function Verdict({ verdict: v }: { verdict: ProxyVerdict | undefined }) {
  const t = useT();
  if (!v)
    return <div className="rules-strip__verdict rules-strip__verdict--idle">{t('node.idle')}</div>;
  const text =
    v.verdict === 'dnat'
      ? t('proxy.dnat', { endpoint: v.endpoint ?? '' })
      : v.verdict === 'reject'
        ? t('proxy.reject')
        : v.verdict === 'drop'
          ? t('proxy.drop')
          : t('proxy.nomatch');
  return (
    <div
      className={`rules-strip__verdict rules-strip__verdict--${v.verdict}`}
      title={[v.service, v.chain].filter(Boolean).join(' · ')}
    >
      <span className="rules-strip__badge" aria-hidden="true">
        {v.verdict === 'dnat'
          ? '⇄'
          : v.verdict === 'reject'
            ? '⛔'
            : v.verdict === 'drop'
              ? '⊘'
              : '?'}
      </span>
      <span className="mono rules-strip__text">{text}</span>
      {v.masquerade && <span className="rules-strip__snat">{t('proxy.snat')}</span>}
      {v.stale && <span className="rules-strip__stale">{t('proxy.stale')}</span>}
    </div>
  );
}

/** Hundreds of pods: counts by STATUS and by app, and a grid of cells, one per pod slot. */
function AggregateBody({ node }: { node: string }) {
  const t = useT();
  const slots = useAppState((s) => s.engine.slots[node]);
  const pods = useAppState(
    useShallow((s) => (slots ?? []).map((name) => (name ? s.engine.pods[name] : undefined))),
  );
  const live = pods.filter((p): p is PodView => p !== undefined);
  const counts = useMemo(() => {
    const byStatus = new Map<string, number>();
    const byApp = new Map<string, number>();
    for (const p of live) {
      byStatus.set(p.status, (byStatus.get(p.status) ?? 0) + 1);
      const app = p.labels.app ?? p.owner ?? p.name;
      byApp.set(app, (byApp.get(app) ?? 0) + 1);
    }
    const top = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
    return { status: top(byStatus), app: top(byApp).slice(0, 3) };
  }, [live]);
  return (
    <div className="k8snode__aggregate">
      <p className="k8snode__counts">
        <strong>{t('node.pods', { count: live.length })}</strong>
        {counts.status.map(([status, n]) => (
          <span key={status} className={`status status--${statusTone(status)}`}>
            {status} {n}
          </span>
        ))}
      </p>
      <p className="k8snode__counts k8snode__counts--apps">
        <span>{t('node.apps')}:</span>
        {counts.app.map(([app, n]) => (
          <span key={app} className="label-chip">
            app={app} · {n}
          </span>
        ))}
      </p>
      <PodGrid node={node} pods={pods} />
    </div>
  );
}

/**
 * One cell per slot, at the same places layout.ts gives them (packets aim at them). A single tab
 * stop per node: arrow keys move between cells, Enter opens a pod's inspector, Delete deletes it.
 */
function PodGrid({ node, pods }: { node: string; pods: (PodView | undefined)[] }) {
  const t = useT();
  const store = useAppStore();
  const runner = useRunner();
  const selected = useAppState((s) => s.ui.selectedPod);
  const ref = useRef<HTMLDivElement>(null);
  const g = POD_GEOMETRY.aggregate;
  const first = pods.findIndex((p) => p !== undefined);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const cells = [...(ref.current?.querySelectorAll<HTMLElement>('[data-testid=pod]') ?? [])];
    const i = cells.indexOf(document.activeElement as HTMLElement);
    if (i < 0) return;
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: g.cols,
      ArrowUp: -g.cols,
    };
    const d = step[e.key];
    const name = cells[i]?.dataset.name ?? '';
    if (d !== undefined) {
      e.preventDefault();
      cells[Math.min(cells.length - 1, Math.max(0, i + d))]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      cells[e.key === 'Home' ? 0 : cells.length - 1]?.focus();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void runner.deletePod(name);
    }
  };
  return (
    <div
      ref={ref}
      className="podgrid"
      role="group"
      aria-label={t('node.grid', { name: node })}
      onKeyDown={onKeyDown}
    >
      {pods.map((p, i) => {
        if (!p) return null;
        const o = slotOffset('aggregate', i);
        const tone = statusTone(p.status);
        return (
          <button
            key={p.name}
            type="button"
            className={`podcell podcell--${tone}${p.ready ? ' is-ready' : ''}${selected === p.name ? ' is-selected' : ''}`}
            style={{ left: o.x, top: o.y, width: g.w, height: g.h }}
            tabIndex={i === first ? 0 : -1}
            aria-label={`${t('pod.kind')} ${p.name}, ${p.status}, ${p.ready ? t('pod.ready') : t('pod.notReady')}`}
            aria-expanded={selected === p.name}
            data-testid="pod"
            data-name={p.name}
            data-ip={p.ip ?? ''}
            data-status={p.status}
            data-ready={String(p.ready)}
            data-node={p.node ?? ''}
            onClick={(e) => {
              inspect(store, { kind: 'pod', name: p.name });
              if (e.detail === 0) focusInspector();
            }}
          />
        );
      })}
    </div>
  );
}

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
