// Deleting objects through the API with the garbage collector's follow-up: a Deployment's
// ReplicaSets and their pods go too (background propagation, a few milliseconds later), a deleted
// Service frees its ClusterIP and node ports (its EndpointSlices are then removed by the
// endpointslice controller), `--cascade=orphan` only drops the owner references.
import type { Cluster } from '../cluster';
import { releaseService } from '../api/services';
import { inWriteOrder, objectKey } from '../api/store';
import type { KubeObject, ReplicaSet } from '../api/types';

/** How dependents are treated (kubectl --cascade). */
export type Cascade = 'background' | 'foreground' | 'orphan';

export interface DeleteRequest {
  gracePeriodSeconds?: number;
  force: boolean;
  cascade: Cascade;
}

/** The delay before the garbage collector notices deleted owners. */
const GC_DELAY_MS = 5;

function dependents(c: Cluster, owner: KubeObject): KubeObject[] {
  const out: KubeObject[] = [];
  const ns = owner.metadata.namespace;
  if (owner.kind === 'Deployment')
    for (const rs of c.store.list('ReplicaSet', ns))
      if (rs.metadata.ownerReferences?.some((o) => o.uid === owner.metadata.uid)) out.push(rs);
  if (owner.kind === 'ReplicaSet')
    for (const p of inWriteOrder(c.store.podsByOwner.get(owner.metadata.uid))) out.push(p);
  return out;
}

function orphan(c: Cluster, owner: KubeObject): void {
  for (const d of dependents(c, owner)) {
    const refs = (d.metadata.ownerReferences ?? []).filter((o) => o.uid !== owner.metadata.uid);
    const meta = { ...d.metadata };
    if (refs.length) meta.ownerReferences = refs;
    else delete meta.ownerReferences;
    c.store.put({ ...d, metadata: meta } as KubeObject);
  }
}

/** Deletes one object now; dependents follow through the garbage collector. */
export function deleteObject(c: Cluster, obj: KubeObject, req: DeleteRequest): void {
  const key = objectKey(obj.metadata.namespace, obj.metadata.name);
  if (obj.kind === 'Pod') {
    c.ctl.api.deletePod(key, {
      force: req.force,
      ...(req.gracePeriodSeconds !== undefined
        ? { gracePeriodSeconds: req.gracePeriodSeconds }
        : {}),
    });
    return;
  }
  if (obj.kind === 'Namespace') {
    const ns = obj.metadata.name;
    for (const kind of ['Deployment', 'ReplicaSet', 'Service', 'Pod'] as const)
      for (const o of c.store.list(kind, ns))
        if (c.store.get(kind, objectKey(ns, o.metadata.name)))
          deleteObject(c, o, { force: false, cascade: 'background' });
  }
  if (req.cascade === 'orphan') orphan(c, obj);
  const owned = req.cascade === 'orphan' ? [] : dependents(c, obj);
  c.store.remove(obj.kind, key);
  if (obj.kind === 'Service') releaseService(c, obj, undefined);
  if (owned.length === 0) return;
  const uid = obj.metadata.uid;
  c.after(GC_DELAY_MS, () => collect(c, owned, uid));
}

function collect(c: Cluster, owned: KubeObject[], ownerUid: string): void {
  for (const d of owned) {
    const key = objectKey(d.metadata.namespace, d.metadata.name);
    const cur = c.store.get(d.kind, key);
    if (!cur || !cur.metadata.ownerReferences?.some((o) => o.uid === ownerUid)) continue;
    if (cur.kind === 'Pod') {
      c.ctl.api.deletePod(key, {});
      continue;
    }
    const next = dependents(c, cur);
    c.store.remove(cur.kind, key);
    if (cur.kind === 'ReplicaSet' && next.length > 0)
      c.after(GC_DELAY_MS, () => collect(c, next, (cur as ReplicaSet).metadata.uid));
  }
}
