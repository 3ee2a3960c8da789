// What the engine reports: events (like `kubectl get events`) and requests (every hop and outcome).
// Events carry a code plus parameters for the UI's translations, and Kubernetes' own English message.

export type Outcome = 'ok' | 'refused' | 'timeout' | 'nxdomain' | 'reset';

/** One cluster event, as the CLI's `events` and the embed API's `kubeplay:event` carry it. */
export interface ClusterEvent {
  t: number;
  type: 'Normal' | 'Warning';
  reason: string;
  /** `kind/name` with the kind lower-cased, as kubectl's OBJECT column. */
  object: string;
  message: string;
  namespace: string;
  source: string;
  /** Stable code for translation, e.g. `pod.scheduled`. */
  code: string;
  params: Record<string, string | number>;
}

/** One step of a request's path, for the inspector and the data-plane view. */
export type Hop =
  | {
      kind: 'dns';
      queries: { name: string; type: 'A'; rcode: 'NOERROR' | 'NXDOMAIN'; answers: string[] }[];
    }
  | {
      kind: 'proxy';
      node: string;
      mode: 'iptables' | 'ipvs' | 'nftables';
      service: string;
      /** The rule chain that chose the endpoint, e.g. KUBE-SVC-… / KUBE-SEP-…; empty when none matched. */
      chains: string[];
      verdict: 'dnat' | 'reject' | 'drop' | 'nomatch';
      endpoint?: string;
      masquerade: boolean;
      stale: boolean;
    }
  | { kind: 'net'; fromNode: string; toNode: string; dst: string }
  | { kind: 'pod'; pod: string; node: string; result: 'answered' | 'refused' | 'unreachable' };

/** One request from a client to a URL, decided when it is sent. */
export interface RequestRecord {
  id: number;
  t: number;
  /** Client pod name, or `external`. */
  from: string;
  fromNode: string | null;
  url: string;
  /** The IP the name resolved to (or the URL's own IP); null on NXDOMAIN. */
  resolved: string | null;
  /** `ip:port` after DNAT (or the original destination when nothing rewrote it). */
  dst: string | null;
  /** Backend pod that answered, or null. */
  pod: string | null;
  podNode: string | null;
  service: string | null;
  outcome: Outcome;
  latencyMs: number;
  hops: Hop[];
  generator: string;
}
