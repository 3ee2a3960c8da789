// A pod on the canvas: name, IP, STATUS, readiness, role, labels on hover or focus. Focusable:
// Enter or Space opens the inspector, Delete removes the pod (`kubectl delete pod`), Escape closes.
// A replacement shows its new IP against the old one for a few seconds; a gone pod fades out.
import type { NodeProps, Node } from '@xyflow/react';
import { motion } from 'framer-motion';
import { memo, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { PodView } from '../../engine/index';
import { useAppState, useAppStore, useRunner } from '../AppContext';
import { useT } from '../i18n/useT';
import { patchUi } from '../stores/appStore';
import { GHOST_MS } from '../stores/mirror';
import { podRole, statusTone } from './roles';

/** `tipsLeft`: the pod is in the rightmost column, so its labels open towards the left. */
export type PodFlowNode = Node<{ name: string; tipsLeft?: boolean }, 'pod'>;

export const PodNode = memo(function PodNode({ data }: NodeProps<PodFlowNode>) {
  const pod = useAppState((s) => s.engine.pods[data.name]);
  const ghost = useAppState((s) =>
    s.engine.pods[data.name] ? undefined : s.engine.ghosts[data.name],
  );
  if (pod) return <PodCard pod={pod} tipsLeft={data.tipsLeft ?? false} />;
  if (ghost) return <GhostCard pod={ghost.pod} />;
  return null;
});

function PodCard({ pod, tipsLeft }: { pod: PodView; tipsLeft: boolean }) {
  const t = useT();
  const store = useAppStore();
  const runner = useRunner();
  const ref = useRef<HTMLDivElement>(null);
  const selected = useAppState((s) => s.ui.selectedPod === pod.name);
  const role = useAppState((s) => podRole(s.engine, pod));
  const replacement = useAppState((s) => s.engine.replacements[pod.name]);
  const tone = statusTone(pod.status);
  const select = () => patchUi(store, { selectedPod: pod.name });

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
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void runner.deletePod(pod.name);
    } else if (e.key === 'Escape' && selected) {
      e.preventDefault();
      patchUi(store, { selectedPod: null });
    }
  };

  const labelsId = `pod-labels-${pod.uid}`;
  const readyText = pod.ready ? t('pod.ready') : t('pod.notReady');
  return (
    <motion.div
      ref={ref}
      className={`pod pod--${role} pod--${tone}${selected ? ' is-selected' : ''}${pod.terminating ? ' is-terminating' : ''}`}
      initial={{ opacity: 0, scale: 0.9 }}
      animate={{ opacity: pod.terminating ? 0.72 : 1, scale: 1 }}
      transition={{ duration: 0.35 }}
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
      {replacement ? (
        <div className="pod__was">{t('pod.wasIP', { ip: replacement.oldIp })}</div>
      ) : null}
      <div className="pod__meta">
        <span className={`status status--${tone}`}>{pod.status}</span>
        <span className="pod__readytext">{pod.readyText}</span>
        {role !== 'other' && <span className={`chip chip--${role}`}>{t(`pod.${role}`)}</span>}
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
    </motion.div>
  );
}

/** A pod that no longer exists, fading out where it was. Not part of the DOM contract. */
function GhostCard({ pod }: { pod: PodView }) {
  return (
    <motion.div
      className="pod pod--ghost"
      aria-hidden="true"
      initial={{ opacity: 0.7, scale: 1 }}
      animate={{ opacity: 0, scale: 0.94 }}
      transition={{ duration: GHOST_MS / 1000, ease: 'easeIn' }}
    >
      <div className="pod__top">
        <span className="dot dot--unready" />
        <PodName name={pod.name} />
      </div>
      <div className="pod__ip">
        <s className="mono">{pod.ip}</s>
      </div>
    </motion.div>
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
