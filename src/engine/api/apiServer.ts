// The API server's write paths that controllers and commands share: create with generateName,
// graceful and forced pod deletion (B.2), and final removal that frees the pod's IP.
import type { Cluster } from '../cluster';
import { deepFreeze } from '../util/freeze';
import { randomSuffix } from '../util/hash';
import { objectKey } from './store';
import { clonePod } from './pods';
import type { Pod, Toleration } from './types';

/** Options of a delete call (kubectl delete --grace-period / --force). */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  force?: boolean;
}

/** Write operations with API-server semantics. */
export class ApiServer {
  constructor(private readonly c: Cluster) {}

  /** A name `<generateName><5 random chars>` that no object of the kind has. */
  generateName(kind: 'Pod' | 'EndpointSlice', namespace: string, base: string): string {
    const prefix = base.length > 58 ? base.slice(0, 58) : base;
    for (;;) {
      const name = prefix + randomSuffix(this.c.rng);
      if (!this.c.store.get(kind, objectKey(namespace, name))) return name;
    }
  }

  /** Stores a new pod (with the DefaultTolerationSeconds admission) and hands it to the scheduler. */
  createPod(pod: Pod): void {
    addDefaultTolerations(pod);
    this.c.store.put(pod);
    this.c.podHistory.set(pod.metadata.uid, { pod, deletedAt: null });
    this.c.ctl.scheduler.podCreated(pod);
  }

  /**
   * Deletes a pod. Graceful: sets deletionTimestamp and lets the kubelet stop it. Forced (or grace 0,
   * or a pod never bound to a node): the object disappears at once.
   */
  deletePod(key: string, opts: DeleteOptions): boolean {
    const pod = this.c.store.get('Pod', key);
    if (!pod) return false;
    const grace = opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    if (opts.force || grace === 0 || !pod.spec.nodeName) {
      this.removePod(key);
      return true;
    }
    if (pod.metadata.deletionTimestamp !== undefined) {
      const remaining =
        (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000 -
        (this.c.now - pod.metadata.deletionTimestamp);
      if (grace * 1000 >= remaining) return true;
    }
    const next = clonePod(pod);
    next.metadata.deletionTimestamp = this.c.now;
    next.metadata.deletionGracePeriodSeconds = grace;
    this.c.store.put(next);
    this.c.ctl.kubelet.podDeleting(key);
    return true;
  }

  /** Removes the pod object for good (kubelet finished, or forced) and frees its IP. */
  removePod(key: string): void {
    const pod = this.c.store.get('Pod', key);
    if (!pod) return;
    this.c.store.remove('Pod', key);
    const h = this.c.podHistory.get(pod.metadata.uid);
    if (h) {
      h.pod = pod;
      h.deletedAt = this.c.now;
    }
    this.c.ctl.kubelet.podGone(key, pod.metadata.uid);
    const ip = pod.status.podIP;
    if (ip && pod.spec.nodeName) this.c.ctl.nodes.get(pod.spec.nodeName)?.ipam.release(ip);
  }
}

/** The taints DefaultTolerationSeconds covers (B.5), tolerated for 300 s. */
export const DEFAULT_TOLERATED_TAINTS = [
  'node.kubernetes.io/not-ready',
  'node.kubernetes.io/unreachable',
];

/**
 * The DefaultTolerationSeconds admission plugin: a pod that does not already tolerate the
 * not-ready / unreachable NoExecute taints gets `operator: Exists, tolerationSeconds: 300` for each.
 */
function addDefaultTolerations(pod: Pod): void {
  const own = pod.spec.tolerations ?? [];
  const added: Toleration[] = DEFAULT_TOLERATED_TAINTS.filter(
    (key) =>
      !own.some(
        (t) =>
          (t.key === key || (t.key === undefined && t.operator === 'Exists')) &&
          (t.effect === 'NoExecute' || t.effect === undefined),
      ),
  ).map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }));
  if (added.length === DEFAULT_TOLERATIONS.length && own.length === 0)
    pod.spec.tolerations = DEFAULT_TOLERATIONS;
  else if (added.length > 0) pod.spec.tolerations = [...own, ...added];
}

/** The two default tolerations, shared (frozen) by every pod that has no tolerations of its own. */
const DEFAULT_TOLERATIONS: Toleration[] = deepFreeze(
  DEFAULT_TOLERATED_TAINTS.map((key) => ({
    key,
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  })),
);
