// The boxes around the cluster's pods: the cluster DNS (CoreDNS behind the kube-dns Service, with
// the latest lookups: name, answer, NXDOMAIN) and, when traffic comes from outside, the clients
// outside the cluster (NodePort and LoadBalancer traffic enters a node from there).
import type { Node } from '@xyflow/react';
import { memo } from 'react';
import { useAppState, useAppStore } from '../AppContext';
import { useT } from '../i18n/useT';
import { focusInspector } from '../panels/inspector/focus';
import { inspect } from '../stores/appStore';

export type DnsFlowNode = Node<Record<string, never>, 'dns'>;
export type ExternalFlowNode = Node<Record<string, never>, 'external'>;

export const DnsNode = memo(function DnsNode() {
  const t = useT();
  const store = useAppStore();
  const lookups = useAppState((s) => s.engine.dnsLookups);
  const server = useAppState((s) => s.engine.dnsIP);
  const selected = useAppState(
    (s) => s.ui.inspect?.kind === 'object' && s.ui.inspect.name === 'kube-dns',
  );
  return (
    <div className="dnsbox" role="group" aria-label={t('dns.title')} data-testid="dns">
      <div className="dnsbox__head">
        <span className="service__kind">DNS</span>
        <button
          type="button"
          className="dnsbox__name canvas-link"
          onClick={(e) => {
            inspect(store, {
              kind: 'object',
              objectKind: 'Service',
              name: 'kube-dns',
              namespace: 'kube-system',
            });
            if (e.detail === 0) focusInspector();
          }}
          aria-label={t('dns.details')}
          aria-expanded={selected}
        >
          {t('dns.title')}
        </button>
      </div>
      <p className="dnsbox__server">
        {t('dns.server')} <span className="mono">{server}:53</span>
      </p>
      {lookups.length === 0 ? (
        <p className="dnsbox__none">{t('dns.none')}</p>
      ) : (
        <ul className="dnsbox__lookups">
          {lookups
            .slice(-3)
            .reverse()
            .map((l, i) => (
              <li key={`${l.t}-${i}`} className={l.rcode === 'NOERROR' ? '' : 'is-nxdomain'}>
                <span className="mono dnsbox__q">{l.name}</span>
                <span className="mono dnsbox__a">
                  {l.rcode === 'NOERROR' ? `→ ${l.answer ?? ''}` : l.rcode}
                </span>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
});

export const ExternalNode = memo(function ExternalNode() {
  const t = useT();
  return (
    <div
      className="externalbox"
      role="group"
      aria-label={t('external.title')}
      data-testid="external"
    >
      <div className="externalbox__head">
        <svg className="externalbox__icon" viewBox="0 0 24 24" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 9h-3a15 15 0 0 0-1.3-5.6A8 8 0 0 1 18.9 11zM12 4.1c.9 1.2 1.8 3.5 2 6.9h-4c.2-3.4 1.1-5.7 2-6.9zM5.1 13h3a15 15 0 0 0 1.3 5.6A8 8 0 0 1 5.1 13z"
          />
        </svg>
        <span className="externalbox__title">{t('external.title')}</span>
      </div>
      <p className="externalbox__client">
        {t('external.client')} <span className="mono">203.0.113.7</span>
      </p>
    </div>
  );
});
