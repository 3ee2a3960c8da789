// What a frame's trace adds to the mirror besides the cluster's state: the events log, answers
// per backend pod and per client, kube-proxy's last verdict per node, DNS lookups and the recent
// requests. Pure functions that return the previous objects when a frame adds nothing.
import type { ClusterEvent, Hop, Outcome, PodView, RequestRecord } from '../../engine/index';
import { podGroup } from './podMemory';

/** Rows kept in the events log. */
export const MAX_EVENTS = 500;
/** Requests kept for the inspectors (the latest, and the latest failures). */
export const MAX_RECENT = 80;

/** A cluster event as the events log lists it, numbered in the order it arrived. */
export interface EventRow extends ClusterEvent {
  seq: number;
}

/** What kube-proxy's rules on a node last did with a packet (the data-plane view shows it). */
export interface ProxyVerdict {
  t: number;
  from: string;
  service: string;
  verdict: Extract<Hop, { kind: 'proxy' }>['verdict'];
  endpoint: string | null;
  /** The chain (or virtual server) that chose the endpoint, or why nothing matched. */
  chain: string | null;
  masquerade: boolean;
  stale: boolean;
  mode: string;
}

/** A recent DNS lookup (the DNS box lists the latest). */
export interface DnsLookup {
  t: number;
  from: string;
  name: string;
  rcode: string;
  answer: string | null;
}

/** The answers a client pod has had since the lesson opened, and the last one's outcome. */
export interface ClientStats {
  ok: number;
  failed: number;
  last: Outcome;
}

/** What the requests of the frames so far say (see `noteRequests`). */
export interface RequestNotes {
  /** Per node, what its kube-proxy rules last did. */
  verdicts: Record<string, ProxyVerdict>;
  dnsLookups: DnsLookup[];
  /** The latest requests, and the latest failed ones (the packet inspector reads them). */
  recent: RequestRecord[];
  recentFailed: RequestRecord[];
}

/** Who talked to whom (see `countTraffic`). */
export interface TrafficCounts {
  /** Successful answers per backend pod since the lesson opened. */
  hits: Record<string, number>;
  clients: Record<string, ClientStats>;
  /** Deployment-ish groups (owner without its pod-template-hash) whose pods sent requests. */
  clientGroups: Record<string, true>;
}

/**
 * Appends a frame's events to the log, numbering them after `seq`, and keeps the latest
 * MAX_EVENTS rows. Returns `prev` itself when there is nothing new.
 */
export function appendEvents(prev: EventRow[], seq: number, incoming: ClusterEvent[]): EventRow[] {
  if (incoming.length === 0) return prev;
  const rows = incoming.map((e, i) => ({ ...e, seq: seq + i + 1 }));
  const all = prev.concat(rows);
  return all.length > MAX_EVENTS ? all.slice(all.length - MAX_EVENTS) : all;
}

/**
 * What the latest requests say: kube-proxy verdicts per node (under the proxy `mode` in use),
 * the last four DNS lookups, and the recent (and recently failed) requests. Returns the previous
 * objects when no request came.
 */
export function noteRequests(
  base: RequestNotes,
  requests: RequestRecord[],
  mode: string,
): RequestNotes {
  if (requests.length === 0)
    return {
      verdicts: base.verdicts,
      dnsLookups: base.dnsLookups,
      recent: base.recent,
      recentFailed: base.recentFailed,
    };
  let verdicts = base.verdicts;
  const lookups: DnsLookup[] = [];
  for (const r of requests) {
    for (const h of r.hops) {
      if (h.kind === 'proxy') {
        if (verdicts === base.verdicts) verdicts = { ...verdicts };
        const chosen = h.chains[h.chains.length - 1] ?? null;
        verdicts[h.node] = {
          t: r.t,
          from: r.from,
          service: h.service,
          verdict: h.verdict,
          endpoint: h.endpoint ?? null,
          chain: chosen,
          masquerade: h.masquerade,
          stale: h.stale,
          mode,
        };
      } else if (h.kind === 'dns') {
        const last = h.queries[h.queries.length - 1];
        if (last)
          lookups.push({
            t: r.t,
            from: r.from,
            name: last.name,
            rcode: last.rcode,
            answer: last.answers[0] ?? null,
          });
      }
    }
  }
  const failed = requests.filter((r) => r.outcome !== 'ok');
  return {
    verdicts,
    dnsLookups: lookups.length > 0 ? base.dnsLookups.concat(lookups).slice(-4) : base.dnsLookups,
    recent: base.recent.concat(requests.slice(-MAX_RECENT)).slice(-MAX_RECENT),
    recentFailed:
      failed.length > 0
        ? base.recentFailed.concat(failed.slice(-MAX_RECENT)).slice(-MAX_RECENT / 2)
        : base.recentFailed,
  };
}

/**
 * Counts a frame's requests: successful answers per backend pod, outcomes per client pod, and
 * the groups of the pods that sent them (`pods` are the frame's pods, to name the senders).
 * Returns `base` itself when no request came.
 */
export function countTraffic(
  base: TrafficCounts,
  requests: RequestRecord[],
  pods: Record<string, PodView>,
): TrafficCounts {
  if (requests.length === 0) return base;
  const hits = { ...base.hits };
  const clients = { ...base.clients };
  let clientGroups = base.clientGroups;
  for (const r of requests) {
    if (r.outcome === 'ok' && r.pod) hits[r.pod] = (hits[r.pod] ?? 0) + 1;
    const c = clients[r.from] ?? { ok: 0, failed: 0, last: r.outcome };
    clients[r.from] =
      r.outcome === 'ok'
        ? { ok: c.ok + 1, failed: c.failed, last: r.outcome }
        : { ok: c.ok, failed: c.failed + 1, last: r.outcome };
    const sender = pods[r.from];
    const group = sender ? podGroup(sender) : null;
    if (group !== null && !clientGroups[group]) clientGroups = { ...clientGroups, [group]: true };
  }
  return { hits, clients, clientGroups };
}
