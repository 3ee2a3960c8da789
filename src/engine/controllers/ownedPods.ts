// Running counts of each owner's pods (by the store's podsByOwner rule: the first ownerReference),
// kept up to date from store changes so the ReplicaSet controller's status needs no pod scan. Also
// remembers which owners gained a pod or saw an owned pod's labels change since their last
// selector check. Reads the store's change feed only; never writes.
import { isPodReady, isPodTerminal, podReadySince, sameStringMap } from '../api/pods';
import type { Pod } from '../api/types';
import type { ObjectStore } from '../api/store';

/** What a ReplicaSet's status counts among its pods. */
export interface OwnedCounts {
  /** Not terminal and not being deleted (activePods). */
  active: number;
  /** Active with the Ready condition True. */
  ready: number;
  /** Active and ready since some time (IsPodAvailable with minReadySeconds 0). */
  readySince: number;
}

/** Per-owner pod counts, maintained incrementally. */
export class OwnedPodCounts {
  private readonly counts = new Map<string, OwnedCounts>();
  /** Owner uids that gained a pod, or whose pod's labels changed, since `clearLabelCheck`. */
  private readonly labelsDirty = new Set<string>();

  constructor(store: ObjectStore) {
    store.onChange((ch) => {
      if (ch.kind !== 'Pod') return;
      const old = ch.old as Pod | undefined;
      const pod = ch.obj as Pod | undefined;
      const from = ownerUid(old);
      const to = ownerUid(pod);
      if (from !== undefined && old) this.add(from, old, -1);
      if (to !== undefined && pod) {
        this.add(to, pod, 1);
        if (from !== to || !sameStringMap(old?.metadata.labels, pod.metadata.labels))
          this.labelsDirty.add(to);
      }
    });
  }

  get(ownerUid: string): OwnedCounts {
    return this.counts.get(ownerUid) ?? { active: 0, ready: 0, readySince: 0 };
  }

  /** The owner's pods may include one whose labels no longer match its selector. */
  labelsMayHaveChanged(ownerUid: string): boolean {
    return this.labelsDirty.has(ownerUid);
  }

  /** Every pod of the owner has just been checked against its selector. */
  clearLabelCheck(ownerUid: string): void {
    this.labelsDirty.delete(ownerUid);
  }

  private add(uid: string, p: Pod, by: number): void {
    if (p.metadata.deletionTimestamp !== undefined || isPodTerminal(p)) return;
    let c = this.counts.get(uid);
    if (!c) this.counts.set(uid, (c = { active: 0, ready: 0, readySince: 0 }));
    c.active += by;
    if (isPodReady(p)) c.ready += by;
    if (podReadySince(p) !== null) c.readySince += by;
    if (c.active === 0 && c.ready === 0 && c.readySince === 0) this.counts.delete(uid);
  }
}

function ownerUid(p: Pod | undefined): string | undefined {
  return p?.metadata.ownerReferences?.[0]?.uid;
}
