// `kubectl apply --prune`: after an apply, the objects an earlier apply made (they carry the
// last-applied-configuration annotation) that the applied text no longer lists are deleted —
// only kubectl's default prune kinds, only in the namespaces the text touched (namespaced kinds
// first, then Namespaces), in kubectl's order. Never touches objects made by controllers or by
// `kubectl create`/`run`, which carry no annotation.
import type { Cluster } from '../cluster';
import { objectKey } from './store';
import type { KubeObject } from './types';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * kubectl's default prune allowlist (apply/prune.go) restricted to the kinds kubeplay simulates,
 * in kubectl's order. EndpointSlices are not on it.
 */
const NAMESPACED_PRUNE_KINDS = ['Pod', 'Service', 'Deployment', 'ReplicaSet'] as const;

/** The objects `--prune` would delete after applying `applied`, in the order kubectl visits them. */
export function pruneCandidates(c: Cluster, applied: readonly KubeObject[]): KubeObject[] {
  const keep = new Set(
    applied.map((o) => `${o.kind}|${objectKey(o.metadata.namespace, o.metadata.name)}`),
  );
  const namespaces = [
    ...new Set(
      applied.filter((o) => o.kind !== 'Namespace').map((o) => o.metadata.namespace ?? 'default'),
    ),
  ].sort();
  const prunable = (o: KubeObject) =>
    o.metadata.annotations?.[LAST_APPLIED] !== undefined &&
    o.metadata.deletionTimestamp === undefined &&
    !keep.has(`${o.kind}|${objectKey(o.metadata.namespace, o.metadata.name)}`);
  const out: KubeObject[] = [];
  for (const ns of namespaces)
    for (const kind of NAMESPACED_PRUNE_KINDS)
      for (const o of byName(c.store.list(kind, ns) as KubeObject[])) if (prunable(o)) out.push(o);
  if (applied.length > 0)
    for (const o of byName(c.store.list('Namespace') as KubeObject[])) if (prunable(o)) out.push(o);
  return out;
}

function byName(list: KubeObject[]): KubeObject[] {
  return [...list].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}
