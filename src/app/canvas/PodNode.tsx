// A pod on the canvas: name, IP, STATUS, readiness, role, labels on hover or focus; a compact card
// (name, IP, status) when many pods share the canvas. Focusable: Enter or Space opens the
// inspector (and moves focus there, to its actions), Delete removes the pod (`kubectl delete
// pod`), Escape closes. A replacement shows its new IP against the old one for a few seconds; a
// gone pod fades out (CSS animations, off with reduced motion).
import type { NodeProps, Node } from '@xyflow/react';
import { memo, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { PodView } from '../../engine/index';
import { useAppState, useAppStore, useRunner } from '../AppContext';
import { useT } from '../i18n/useT';
import { focusInspector } from '../panels/inspector/focus';
import { inspect } from '../stores/appStore';
import { podRole, statusTone } from './roles';

/** `tipsLeft`: the pod is in the rightmost column, so its labels open towards the left. */
export type PodFlowNode = Node<{ name: string; tipsLeft?: boolean }, 'pod'>;

export const PodNode = memo(function PodNode({ data }: NodeProps<PodFlowNode>) {
  const pod = useAppState((s) => s.engine.pods[data.name]);
  const ghost = useAppState((s) =>
    s.engine.pods[data.name] ? undefined : s.engine.ghosts[data.name],
  );
  const compact = useAppState((s) => s.engine.density !== 'full');
  if (pod) return <PodCard pod={pod} tipsLeft={data.tipsLeft ?? false} compact={compact} />;
  if (ghost) return <GhostCard pod={ghost.pod} compact={compact} />;
  return null;
});

function PodCard({
  pod,
  tipsLeft,
  compact,
}: {
  pod: PodView;
  tipsLeft: boolean;
  compact: boolean;
}) {
  const t = useT();
  const store = useAppStore();
  const runner = useRunner();
  const ref = useRef<HTMLDivElement>(null);
  const selected = useAppState((s) => s.ui.selectedPod === pod.name);
  const role = useAppState((s) => podRole(s.engine, pod));
  const replacement = useAppState((s) => s.engine.replacements[pod.name]);
  const tone = statusTone(pod.status);
  const select = () => inspect(store, { kind: 'pod', name: pod.name });

  // If the focused card goes away, hand focus to the canvas instead of dropping it on <body>.
  useLayoutEffect(() => {
    const el = ref.current;
    return () => {
      if (el && document.activeElement === el)
        document.getElementById('cluster-canvas')?.focus({ preventScroll: true });
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select();
      focusInspector();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void runner.deletePod(pod.name);
    } else if (e.key === 'Escape' && selected) {
      e.preventDefault();
      inspect(store, null);
    }
  };

  const labelsId = `pod-labels-${pod.uid}`;
  const readyText = pod.ready ? t('pod.ready') : t('pod.notReady');
  return (
    <div
      ref={ref}
      className={`pod pod--${role} pod--${tone}${compact ? ' pod--compact' : ''}${selected ? ' is-selected' : ''}${pod.terminating ? ' is-terminating' : ''}`}
      role="button"
      tabIndex={0}
      aria-describedby={labelsId}
      aria-expanded={selected}
      aria-controls={selected ? 'pod-inspector' : undefined}
      data-testid="pod"
      data-name={pod.name}
      data-ip={pod.ip ?? ''}
      data-status={pod.status}
      data-ready={String(pod.ready)}
      data-node={pod.node ?? ''}
      data-role={role}
      aria-keyshortcuts="Enter Delete"
      onKeyDown={onKeyDown}
    >
      <div className="pod__top">
        <span className={`dot ${pod.ready ? 'dot--ready' : 'dot--unready'}`} aria-hidden="true" />
        <span className="visually-hidden">{t('pod.kind')} </span>
        <PodName name={pod.name} />
      </div>
      <div className={`pod__ip${replacement ? ' pod__ip--new' : ''}`}>
        {replacement ? (
          <>
            <span className="pod__new">{t('pod.newIP')}</span>{' '}
            <span className="mono">{pod.ip}</span>
          </>
        ) : (
          <span className={pod.ip ? 'mono' : 'pod__noip'}>{pod.ip ?? t('pod.noIP')}</span>
        )}
        {pod.ip && pod.ports.length > 0 && (
          <span className="pod__port mono">:{pod.ports.join(',')}</span>
        )}
      </div>
      {replacement && !compact ? (
        <div className="pod__was">{t('pod.wasIP', { ip: replacement.oldIp })}</div>
      ) : null}
      <div className="pod__meta">
        <span className={`status status--${tone}`}>{pod.status}</span>
        <span className="pod__readytext">{pod.readyText}</span>
        {role !== 'other' && !compact && (
          <span className={`chip chip--${role}`}>{t(`pod.${role}`)}</span>
        )}
        <span className="visually-hidden">
          {' '}
          {t('pod.where', { ready: readyText, node: pod.node ?? t('cluster.unscheduled') })}
        </span>
      </div>
      <div className={`pod__labels${tipsLeft ? ' pod__labels--left' : ''}`} id={labelsId}>
        <span className="pod__labels-title">{t('pod.labels')}</span>
        {Object.entries(pod.labels).map(([k, v]) => (
          <span key={k} className="label-chip">
            {k}={v}
          </span>
        ))}
      </div>
    </div>
  );
}

/** A pod that no longer exists, fading out where it was. Not part of the DOM contract. */
function GhostCard({ pod, compact }: { pod: PodView; compact: boolean }) {
  return (
    <div className={`pod pod--ghost${compact ? ' pod--compact' : ''}`} aria-hidden="true">
      <div className="pod__top">
        <span className="dot dot--unready" />
        <PodName name={pod.name} />
      </div>
      <div className="pod__ip">
        <s className="mono">{pod.ip}</s>
      </div>
    </div>
  );
}

/** A pod name that may shorten its middle but always shows its unique suffix. */
function PodName({ name }: { name: string }) {
  const cut = name.lastIndexOf('-');
  if (cut <= 0) return <span className="pod__name">{name}</span>;
  return (
    <span className="pod__name" title={name}>
      <span className="pod__name-head">{name.slice(0, cut + 1)}</span>
      <span className="pod__name-tail">{name.slice(cut + 1)}</span>
    </span>
  );
}
