// A Service box: name, type, ClusterIP, ports and the ready endpoints its EndpointSlices list
// (the pod IPs it sends traffic to right now).
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppState } from '../AppContext';
import { useT } from '../i18n/useT';

export type ServiceFlowNode = Node<{ name: string }, 'service'>;

/** Endpoint chips shown before "+N". */
const MAX_CHIPS = 6;

export const ServiceNode = memo(function ServiceNode({ data }: NodeProps<ServiceFlowNode>) {
  const t = useT();
  const svc = useAppState((s) => s.engine.services.find((x) => x.name === data.name));
  const endpoints = useAppState(useShallow((s) => s.engine.endpoints[data.name] ?? []));
  if (!svc) return null;
  const ready = endpoints.filter((e) => e.ready);
  const ip = svc.clusterIP === 'None' ? t('service.headless') : (svc.clusterIP ?? '—');
  return (
    <div
      className="service"
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
    >
      <div className="service__head">
        <span className="service__kind">Service</span>
        <span className="service__name">{svc.name}</span>
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
        <div className="service__row service__row--eps">
          <dt>
            {t('service.endpoints')} ({ready.length})
          </dt>
          <dd>
            {endpoints.length === 0 ? (
              <span className="service__none">{t('service.noEndpoints')}</span>
            ) : (
              <ul className="endpoints">
                {endpoints.slice(0, MAX_CHIPS).map((e) => (
                  <li
                    key={`${e.ip}:${e.port ?? ''}`}
                    className={`endpoint${e.ready ? '' : ' endpoint--unready'}`}
                  >
                    {e.ip}
                  </li>
                ))}
                {endpoints.length > MAX_CHIPS && (
                  <li className="endpoint endpoint--more">+{endpoints.length - MAX_CHIPS}</li>
                )}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
});
