// Events as the API stores them: the recorder folds identical events (same object, type, reason,
// message and source) into one Event whose count and lastTimestamp grow; the API server drops
// events an hour after their last update (--event-ttl=1h). Names are `<object>.<hex nanoseconds>`,
// so `kubectl get events` lists them grouped by object, the server's (name) order.
import type { Cluster } from '../cluster';
import type { ObjectMeta } from '../api/types';
import { CLUSTER_EPOCH_MS } from '../util/time';

/** kube-apiserver's default --event-ttl. */
export const EVENT_TTL_MS = 3_600_000;

/** A v1 Event. */
export interface EventObject {
  apiVersion: 'v1';
  kind: 'Event';
  metadata: ObjectMeta;
  involvedObject: { apiVersion: string; kind: string; name: string; namespace?: string };
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  source: { component: string; host?: string };
  count: number;
  firstTimestamp: number;
  lastTimestamp: number;
}

const KINDS: Record<string, [string, string]> = {
  pod: ['Pod', 'v1'],
  service: ['Service', 'v1'],
  node: ['Node', 'v1'],
  deployment: ['Deployment', 'apps/v1'],
  replicaset: ['ReplicaSet', 'apps/v1'],
  endpointslice: ['EndpointSlice', 'discovery.k8s.io/v1'],
  scenario: ['Scenario', 'kubeplay.dev/v1'],
};

/** All live events (deduplicated, TTL applied), in the API server's name order. */
export function listEvents(c: Cluster, namespace: string | undefined): EventObject[] {
  const groups = new Map<string, EventObject>();
  let nodes: Map<string, string> | null = null;
  const podNode = (pod: string) => (nodes ??= podNodes(c)).get(pod);
  c.events.forEach((e, seq) => {
    if (namespace !== undefined && e.namespace !== namespace) return;
    const key = [e.namespace, e.object, e.type, e.reason, e.message, e.source].join('\u0000');
    const prev = groups.get(key);
    if (prev) {
      prev.count++;
      prev.lastTimestamp = e.t;
      return;
    }
    const slash = e.object.indexOf('/');
    const kindLower = e.object.slice(0, slash);
    const name = e.object.slice(slash + 1);
    const [kind, apiVersion] = KINDS[kindLower] ?? [kindLower, 'v1'];
    const nanos = BigInt(CLUSTER_EPOCH_MS + Math.floor(e.t)) * 1_000_000n + BigInt(seq % 1_000_000);
    const host = e.source === 'kubelet' && kind === 'Pod' ? podNode(name) : undefined;
    groups.set(key, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${name}.${nanos.toString(16)}`,
        namespace: e.namespace,
        uid: `event-${seq}`,
        resourceVersion: String(seq + 1),
        creationTimestamp: e.t,
      },
      involvedObject: {
        apiVersion,
        kind,
        name,
        ...(kind === 'Node' ? {} : { namespace: e.namespace }),
      },
      type: e.type,
      reason: e.reason,
      message: e.message,
      source: host ? { component: e.source, host } : { component: e.source },
      count: 1,
      firstTimestamp: e.t,
      lastTimestamp: e.t,
    });
  });
  return [...groups.values()]
    .filter((e) => c.now - e.lastTimestamp <= EVENT_TTL_MS)
    .sort((a, b) => {
      const ka = `${a.metadata.namespace}/${a.metadata.name}`;
      const kb = `${b.metadata.namespace}/${b.metadata.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}

/** Events about one object (describe's searchEvents), oldest last-seen first. */
export function eventsAbout(
  c: Cluster,
  kind: string,
  name: string,
  namespace: string | undefined,
): EventObject[] {
  return listEvents(c, namespace ?? 'default')
    .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.lastTimestamp - b.e.lastTimestamp || a.i - b.i)
    .map(({ e }) => e);
}

/** Pod name → the node it ran on, for the kubelet's event source host. */
function podNodes(c: Cluster): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of c.podHistory.values())
    if (h.pod.spec.nodeName) out.set(h.pod.metadata.name, h.pod.spec.nodeName);
  return out;
}
