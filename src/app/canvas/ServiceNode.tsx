// A Service box: name (a button that opens its inspector), type, ClusterIP, DNS name, ports, the
// load balancer's IP for type LoadBalancer, and the endpoints its EndpointSlices list (the pod
// IPs it sends traffic to right now) as chips, then "+N". Its height follows what it shows
// (layout.ts serviceHeight); boxes only grow, so nothing below them moves when pods come and go.
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppState, useAppStore } from '../AppContext';
import { useT } from '../i18n/useT';
import { focusInspector } from '../panels/inspector/focus';
import { inspect } from '../stores/appStore';
import { SERVICE_CHIPS } from './layout';

export type ServiceFlowNode = Node<{ name: string }, 'service'>;

/** Endpoint chips shown before "+N". */
const MAX_CHIPS = SERVICE_CHIPS.perRow * SERVICE_CHIPS.maxRows - 1;

export const ServiceNode = memo(function ServiceNode({ data }: NodeProps<ServiceFlowNode>) {
  const t = useT();
  const store = useAppStore();
  const svc = useAppState((s) => s.engine.services.find((x) => x.name === data.name));
  const endpoints = useAppState(useShallow((s) => s.engine.endpoints[data.name] ?? []));
  const selected = useAppState(
    (s) => s.ui.inspect?.kind === 'service' && s.ui.inspect.name === data.name,
  );
  if (!svc) return null;
  const ready = endpoints.filter((e) => e.ready);
  const ip = svc.clusterIP === 'None' ? t('service.headless') : (svc.clusterIP ?? '—');
  const lb = svc.type === 'LoadBalancer' || svc.externalIP !== null;
  const shown = endpoints.length > MAX_CHIPS + 1 ? endpoints.slice(0, MAX_CHIPS) : endpoints;
  return (
    <div
      className={`service${selected ? ' is-selected' : ''}`}
      role="group"
      aria-label={t('service.label', {
        name: svc.name,
        type: svc.type,
        ip,
        count: svc.readyEndpoints,
      })}
      data-testid="service"
      data-name={svc.name}
      data-cluster-ip={svc.clusterIP ?? ''}
      data-type={svc.type}
      data-external-ip={svc.externalIP ?? ''}
    >
      <div className="service__head">
        <span className="service__kind">Service</span>
        <button
          type="button"
          className="service__name canvas-link"
          onClick={(e) => {
            inspect(store, { kind: 'service', name: svc.name, namespace: svc.namespace });
            if (e.detail === 0) focusInspector();
          }}
          aria-label={t('service.details', { name: svc.name })}
          aria-expanded={selected}
        >
          {svc.name}
        </button>
        <span className="chip chip--type">{svc.type}</span>
      </div>
      <dl className="service__body">
        <div className="service__row">
          <dt>{t('service.clusterIP')}</dt>
          <dd className="mono service__ip">{ip}</dd>
        </div>
        <div className="service__row">
          <dt>{t('service.dns')}</dt>
          <dd
            className="mono service__dns"
            title={`${svc.name}.${svc.namespace}.svc.cluster.local`}
          >
            {svc.name}.{svc.namespace}.svc
          </dd>
        </div>
        <div className="service__row">
          <dt>{t('service.ports')}</dt>
          <dd className="mono">
            {svc.ports
              .map(
                (p) =>
                  `${p.port}${p.nodePort ? `:${p.nodePort}` : ''} → ${p.targetPort}/${p.protocol}`,
              )
              .join(', ')}
          </dd>
        </div>
        {lb && (
          <div className="service__row service__row--lb">
            <dt>{t('service.externalIP')}</dt>
            <dd className="mono service__ip">{svc.externalIP ?? t('service.pending')}</dd>
          </div>
        )}
        <div className="service__row service__row--eps">
          <dt>
            {t('service.endpoints')} ({ready.length})
          </dt>
          <dd>
            {endpoints.length === 0 ? (
              <span className="service__none">{t('service.noEndpoints')}</span>
            ) : (
              <ul className="endpoints">
                {shown.map((e) => (
                  <li
                    key={`${e.ip}:${e.port ?? ''}`}
                    className={`endpoint${e.ready ? '' : ' endpoint--unready'}${e.terminating ? ' endpoint--terminating' : ''}`}
                  >
                    {e.ip}
                  </li>
                ))}
                {endpoints.length > shown.length && (
                  <li className="endpoint endpoint--more">
                    {t('service.more', { count: endpoints.length - shown.length })}
                  </li>
                )}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
});
