// The inspector for one request (a packet): who sent it where, when, the outcome and latency, and
// every hop: the DNS lookup (each query and its answer), kube-proxy on the node where it met the
// rules (the chain that matched, the verdict, the endpoint chosen, SNAT, a stale rule), the trip
// across the pod network, and what the pod did.
import type { Hop, RequestRecord } from '../../../engine/index';
import { useAppState } from '../../AppContext';
import type { MessageKey } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { useSeconds } from './parts';

/** The request with this id, if the mirror still has it. */
export function useRequest(id: number): RequestRecord | null {
  return useAppState(
    (s) =>
      s.engine.recent.find((r) => r.id === id) ??
      s.engine.recentFailed.find((r) => r.id === id) ??
      s.engine.packets.find((p) => p.id === id)?.req ??
      null,
  );
}

export function PacketDetails({ req }: { req: RequestRecord }) {
  const t = useT();
  const seconds = useSeconds();
  return (
    <>
      <dl className="inspector__fields">
        <dt>{t('packet.from')}</dt>
        <dd className="mono">{req.from}</dd>
        <dt>{t('packet.url')}</dt>
        <dd className="mono">{req.url}</dd>
        <dt>{t('packet.sent')}</dt>
        <dd className="mono">{seconds(req.t)}</dd>
        <dt>{t('packet.outcome')}</dt>
        <dd data-testid="packet-outcome" data-outcome={req.outcome}>
          <span className={`packet-swatch packet-swatch--${req.outcome}`} aria-hidden="true" />{' '}
          {t(`legend.${req.outcome}` as MessageKey)} <span className="mono">({req.outcome})</span>
        </dd>
        <dt>{t('packet.latency')}</dt>
        <dd className="mono">{req.latencyMs} ms</dd>
      </dl>
      <section className="inspector__section" aria-label={t('packet.hops')}>
        <h3 className="inspector__subtitle">{t('packet.hops')}</h3>
        <ol className="hops" data-testid="hops">
          {!req.hops.some((h) => h.kind === 'dns') && (
            <li className="hop hop--note">{t('packet.direct')}</li>
          )}
          {req.hops.map((h, i) => (
            <HopItem key={i} hop={h} />
          ))}
        </ol>
      </section>
    </>
  );
}

function HopItem({ hop: h }: { hop: Hop }) {
  const t = useT();
  if (h.kind === 'dns')
    return (
      <li className="hop hop--dns" data-kind="dns">
        <strong>{t('packet.dns')}</strong>
        <ul className="hop__queries">
          {h.queries.map((q, i) => (
            <li key={i} className="mono">
              {q.name} {q.type} → {q.rcode}
              {q.answers.length > 0 ? ` ${q.answers.join(', ')}` : ''}
            </li>
          ))}
        </ul>
      </li>
    );
  if (h.kind === 'proxy')
    return (
      <li className={`hop hop--proxy hop--${h.verdict}`} data-kind="proxy" data-verdict={h.verdict}>
        <strong>{t('packet.proxyHop', { node: h.node, mode: h.mode })}</strong>
        <dl className="hop__fields">
          <dt>{t('packet.chain')}</dt>
          <dd className="mono">{h.chains.length > 0 ? h.chains.join(' → ') : '—'}</dd>
          <dt>{t('packet.outcome')}</dt>
          <dd className="mono">{h.verdict.toUpperCase()}</dd>
          {h.endpoint && (
            <>
              <dt>{t('packet.endpoint')}</dt>
              <dd className="mono">{h.endpoint}</dd>
            </>
          )}
          <dt>{t('packet.masquerade')}</dt>
          <dd>{h.masquerade ? t('packet.yes') : t('packet.no')}</dd>
        </dl>
        {h.stale && <p className="hop__stale">{t('packet.staleNote')}</p>}
      </li>
    );
  if (h.kind === 'net')
    return (
      <li className="hop hop--net" data-kind="net">
        {t('packet.net', { from: h.fromNode, to: h.toNode })}{' '}
        <span className="mono">({h.dst})</span>
      </li>
    );
  return (
    <li className={`hop hop--pod hop--${h.result}`} data-kind="pod">
      {t('packet.podHop', { pod: h.pod, node: h.node })}:{' '}
      <strong>{t(`packet.result.${h.result}`)}</strong>
    </li>
  );
}
