// The deployment-controller: one ReplicaSet per pod template (named by pod-template-hash, B.6),
// rolling updates with maxSurge rounded up and maxUnavailable rounded down (C), Recreate, revisions.
import { isPodAvailable } from '../api/pods';
import type { Deployment, IntOrString, Pod, ReplicaSet } from '../api/types';
import type { Cluster } from '../cluster';
import { WorkQueue } from '../sim/workQueue';
import { podTemplateHash } from '../util/hash';
import { jsonEqual } from '../util/jsonEqual';
import { activePods } from './replicaset';

const REVISION = 'deployment.kubernetes.io/revision';

const PERCENT = /^\d+%$/;

/** GetScaledValueFromIntOrPercent. */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  if (!PERCENT.test(v)) return Number(v) || 0;
  const x = (Number(v.slice(0, -1)) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** ResolveFenceposts: [maxSurge, maxUnavailable] for a deployment. */
export function resolveFenceposts(d: Deployment): [number, number] {
  const replicas = d.spec.replicas ?? 1;
  const ru = d.spec.strategy?.rollingUpdate;
  const surge = scaledValue(ru?.maxSurge ?? '25%', replicas, true);
  let unavailable = scaledValue(ru?.maxUnavailable ?? '25%', replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

/** The deployment-controller. */
export class DeploymentController {
  readonly queue: WorkQueue;

  constructor(private readonly c: Cluster) {
    this.queue = new WorkQueue(
      c.queue,
      () => c.now,
      () => c.rng.between(1, 5),
      (k) => this.sync(k),
    );
    c.store.onChange((ch) => {
      if (ch.kind === 'Deployment' && ch.obj) this.queue.add(ch.key);
      if (ch.kind === 'ReplicaSet') {
        const rs = (ch.obj ?? ch.old) as ReplicaSet;
        const owner = rs.metadata.ownerReferences?.find((o) => o.kind === 'Deployment');
        if (owner) this.queue.add(`${rs.metadata.namespace}/${owner.name}`);
      }
      // deletePod: a Recreate rollout waits for the old pods to be gone, so their removal wakes it.
      if (ch.kind === 'Pod' && !ch.obj) this.podDeleted(ch.old as Pod);
    });
  }

  private podDeleted(pod: Pod): void {
    const ns = pod.metadata.namespace ?? 'default';
    const rsName = pod.metadata.ownerReferences?.find((o) => o.kind === 'ReplicaSet')?.name;
    const rs = rsName ? this.c.store.get('ReplicaSet', `${ns}/${rsName}`) : undefined;
    const owner = rs?.metadata.ownerReferences?.find((o) => o.kind === 'Deployment');
    const d = owner ? this.c.store.get('Deployment', `${ns}/${owner.name}`) : undefined;
    if (d?.spec.strategy?.type === 'Recreate') this.queue.add(`${ns}/${d.metadata.name}`);
  }

  /** Deployment object → its only ReplicaSet, as a sync left them (see isSettled). */
  private readonly settled = new WeakMap<Deployment, ReplicaSet>();

  private readonly hashes = new Map<
    string,
    { generation: number; collisions: number; hash: string }
  >();

  /** pod-template-hash of the deployment's template, computed once per generation. */
  templateHash(d: Deployment): string {
    const generation = d.metadata.generation ?? 1;
    const collisions = d.status.collisionCount ?? 0;
    const cached = this.hashes.get(d.metadata.uid);
    if (cached && cached.generation === generation && cached.collisions === collisions)
      return cached.hash;
    const hash = podTemplateHash(d.spec.template, collisions);
    this.hashes.set(d.metadata.uid, { generation, collisions, hash });
    return hash;
  }

  /** ReplicaSets this deployment owns, oldest first. */
  ownedReplicaSets(d: Deployment): ReplicaSet[] {
    return [...(this.c.store.replicaSetsByOwner.get(d.metadata.uid) ?? [])]
      .map((k) => this.c.store.get('ReplicaSet', k))
      .filter((rs): rs is ReplicaSet => rs !== undefined)
      .sort(
        (a, b) =>
          a.metadata.creationTimestamp - b.metadata.creationTimestamp ||
          a.metadata.name.localeCompare(b.metadata.name),
      );
  }

  private sync(key: string): void {
    const d = this.c.store.get('Deployment', key);
    if (!d || d.metadata.deletionTimestamp !== undefined || this.isSettled(d)) return;
    this.reconcile(d);
    this.remember(key);
  }

  /**
   * The Deployment and its only ReplicaSet (the current template's) are the very objects a sync
   * left behind: syncing them again would change nothing. Typically the wake-up from the sync's
   * own status write.
   */
  private isSettled(d: Deployment): boolean {
    const rs = this.settled.get(d);
    if (!rs) return false;
    const owned = this.c.store.replicaSetsByOwner.get(d.metadata.uid);
    return owned?.size === 1 && this.c.store.get('ReplicaSet', this.c.key(rs)) === rs;
  }

  private remember(key: string): void {
    const d = this.c.store.get('Deployment', key);
    const owned = d && this.c.store.replicaSetsByOwner.get(d.metadata.uid);
    if (!d || owned?.size !== 1) return;
    const rs = this.c.store.get('ReplicaSet', [...owned][0] ?? '');
    if (rs?.metadata.labels?.['pod-template-hash'] === this.templateHash(d))
      this.settled.set(d, rs);
  }

  private reconcile(d: Deployment): void {
    const all = this.ownedReplicaSets(d);
    const hash = this.templateHash(d);
    let newRS = all.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    if (newRS) newRS = this.bumpRevision(d, newRS, all);
    const olds = all.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
    if (d.spec.paused) return this.updateStatus(d, newRS, olds);
    if (d.spec.strategy?.type === 'Recreate') {
      const oldActive = olds.some(
        (rs) =>
          (rs.spec.replicas ?? 0) > 0 ||
          (this.c.store.podsByOwner.get(rs.metadata.uid)?.size ?? 0) > 0,
      );
      for (const rs of olds) if ((rs.spec.replicas ?? 0) > 0) this.scale(d, rs, 0);
      if (!oldActive) {
        newRS ??= this.createReplicaSet(d, hash, all, d.spec.replicas ?? 1);
        if ((newRS.spec.replicas ?? 0) !== (d.spec.replicas ?? 1))
          this.scale(d, newRS, d.spec.replicas ?? 1);
      }
    } else {
      newRS ??= this.createReplicaSet(d, hash, all, olds.length === 0 ? (d.spec.replicas ?? 1) : 0);
      this.rollingUpdate(d, newRS, olds);
    }
    this.cleanupHistory(d, olds);
    this.updateStatus(d, newRS, olds);
  }

  /**
   * A template that matches an older ReplicaSet (rollback, or going back by hand) makes that
   * ReplicaSet the newest revision again, as getNewReplicaSet does: revision = max + 1.
   */
  private bumpRevision(d: Deployment, rs: ReplicaSet, all: ReplicaSet[]): ReplicaSet {
    const rev = (r: ReplicaSet) => Number(r.metadata.annotations?.[REVISION] ?? 0);
    const max = Math.max(0, ...all.map(rev));
    if (rev(rs) === max) return rs;
    const revision = String(max + 1);
    const next = {
      ...rs,
      metadata: {
        ...rs.metadata,
        annotations: { ...rs.metadata.annotations, [REVISION]: revision },
      },
    };
    this.c.store.put(next);
    const dep = this.c.store.get('Deployment', this.c.key(d)) ?? d;
    this.c.store.put({
      ...dep,
      metadata: {
        ...dep.metadata,
        annotations: { ...dep.metadata.annotations, [REVISION]: revision },
      },
    });
    return next;
  }

  private rollingUpdate(d: Deployment, newRS: ReplicaSet, olds: ReplicaSet[]): void {
    const replicas = d.spec.replicas ?? 1;
    const [surge, maxUnavailable] = resolveFenceposts(d);
    const total = (rs: ReplicaSet) => rs.spec.replicas ?? 0;
    const oldTotal = olds.reduce((n, rs) => n + total(rs), 0);
    // NewRSNewReplicas
    const current = total(newRS) + oldTotal;
    if (oldTotal === 0 && total(newRS) !== replicas) {
      this.scale(d, newRS, replicas);
      return;
    }
    const maxTotal = replicas + surge;
    if (current < maxTotal && total(newRS) < replicas) {
      this.scale(d, newRS, total(newRS) + Math.min(maxTotal - current, replicas - total(newRS)));
    }
    // Nothing old to scale down (the steady state): the rest only ever acts on old ReplicaSets.
    if (olds.length === 0) return;
    // reconcileOldReplicaSets
    const minReady = d.spec.minReadySeconds ?? 0;
    const podsOf = (rs: ReplicaSet) => activePods(this.c, rs);
    const allPods = total(newRS) + oldTotal;
    const newAvailable = podsOf(newRS).filter((p) =>
      isPodAvailable(p, minReady, this.c.now),
    ).length;
    const newUnavailable = total(newRS) - newAvailable;
    let maxScaledDown = allPods - (replicas - maxUnavailable) - newUnavailable;
    if (maxScaledDown <= 0) return;
    // cleanupUnhealthyReplicas: old pods that are not available go first.
    for (const rs of olds) {
      if (maxScaledDown <= 0) break;
      const unhealthy = podsOf(rs).filter((p) => !isPodAvailable(p, minReady, this.c.now)).length;
      const drop = Math.min(unhealthy, maxScaledDown, total(rs));
      if (drop > 0) {
        this.scale(d, rs, total(rs) - drop);
        maxScaledDown -= drop;
      }
    }
    // scaleDownOldReplicaSetsForRollingUpdate: keep minAvailable available pods.
    const availableAll = [newRS, ...olds].reduce(
      (n, rs) => n + podsOf(rs).filter((p) => isPodAvailable(p, minReady, this.c.now)).length,
      0,
    );
    let canDrop = Math.min(maxScaledDown, availableAll - (replicas - maxUnavailable));
    for (const rs of olds) {
      if (canDrop <= 0) break;
      const drop = Math.min(total(rs), canDrop);
      if (drop > 0) {
        this.scale(d, rs, total(rs) - drop);
        canDrop -= drop;
      }
    }
  }

  private createReplicaSet(
    d: Deployment,
    hash: string,
    all: ReplicaSet[],
    replicas: number,
  ): ReplicaSet {
    const name = `${d.metadata.name}-${hash}`;
    const revision =
      1 + Math.max(0, ...all.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)));
    const labels = { ...(d.spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash };
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        ...this.c.newMeta(name, d.metadata.namespace, labels),
        generation: 1,
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(d.spec.replicas ?? 1),
          'deployment.kubernetes.io/max-replicas': String(
            (d.spec.replicas ?? 1) + resolveFenceposts(d)[0],
          ),
          [REVISION]: String(revision),
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: d.metadata.name,
            uid: d.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        replicas: 0,
        minReadySeconds: d.spec.minReadySeconds ?? 0,
        selector: {
          matchLabels: { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash },
        },
        template: {
          metadata: { ...d.spec.template.metadata, labels },
          spec: structuredClone(d.spec.template.spec),
        },
      },
      status: { replicas: 0 },
    };
    this.c.store.put(rs);
    const dep = {
      ...d,
      metadata: {
        ...d.metadata,
        annotations: { ...d.metadata.annotations, [REVISION]: String(revision) },
      },
    };
    this.c.store.put(dep);
    if (replicas > 0) this.scale(dep, rs, replicas);
    return this.c.store.get('ReplicaSet', this.c.key(rs)) ?? rs;
  }

  private scale(d: Deployment, rs: ReplicaSet, to: number): void {
    const cur = this.c.store.get('ReplicaSet', this.c.key(rs)) ?? rs;
    const from = cur.spec.replicas ?? 0;
    if (from === to) return;
    this.c.store.put({
      ...cur,
      spec: { ...cur.spec, replicas: to },
      metadata: { ...cur.metadata, generation: (cur.metadata.generation ?? 1) + 1 },
    });
    const dir = to > from ? 'up' : 'down';
    this.c.recordEvent(
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${dir} replica set ${rs.metadata.name} from ${from} to ${to}`,
      'deployment-controller',
      'deploy.scaled',
      {
        rs: rs.metadata.name,
        from,
        to,
      },
    );
  }

  private cleanupHistory(d: Deployment, olds: ReplicaSet[]): void {
    const limit = d.spec.revisionHistoryLimit ?? 10;
    const idle = olds.filter(
      (rs) =>
        (rs.spec.replicas ?? 0) === 0 &&
        (this.c.store.podsByOwner.get(rs.metadata.uid)?.size ?? 0) === 0,
    );
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit)))
      this.c.store.remove('ReplicaSet', this.c.key(rs));
  }

  private updateStatus(d: Deployment, newRS: ReplicaSet | undefined, olds: ReplicaSet[]): void {
    const fresh = this.c.store.get('Deployment', this.c.key(d)) ?? d;
    const all = [...olds, ...(newRS ? [newRS] : [])].map(
      (rs) => this.c.store.get('ReplicaSet', this.c.key(rs)) ?? rs,
    );
    const sum = (f: (rs: ReplicaSet) => number | undefined) =>
      all.reduce((n, rs) => n + (f(rs) ?? 0), 0);
    const replicas = fresh.spec.replicas ?? 1;
    const available = sum((rs) => rs.status.availableReplicas);
    const newCur = newRS ? this.c.store.get('ReplicaSet', this.c.key(newRS)) : undefined;
    const status = {
      observedGeneration: fresh.metadata.generation ?? 1,
      replicas: sum((rs) => rs.status.replicas),
      updatedReplicas: newCur?.status.replicas ?? 0,
      readyReplicas: sum((rs) => rs.status.readyReplicas),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, replicas - available),
      ...(fresh.status.collisionCount !== undefined
        ? { collisionCount: fresh.status.collisionCount }
        : {}),
    };
    const [, maxUnavailable] = resolveFenceposts(fresh);
    const isAvailable = available >= replicas - maxUnavailable;
    const complete =
      status.updatedReplicas === replicas && status.replicas === replicas && available === replicas;
    const prev = fresh.status.conditions ?? [];
    const cond = (
      type: 'Available' | 'Progressing',
      ok: boolean,
      reason: string,
      message: string,
    ) => {
      const old = prev.find((c) => c.type === type);
      const st = ok ? 'True' : 'False';
      const same = old && old.status === st && old.reason === reason;
      // Unchanged: the same object (the status write that follows shares it).
      if (same && old.message === message) return old;
      return {
        type,
        status: st as 'True' | 'False',
        reason,
        message,
        lastUpdateTime: same ? old.lastUpdateTime : this.c.now,
        lastTransitionTime: old && old.status === st ? old.lastTransitionTime : this.c.now,
      };
    };
    const rsName = newRS?.metadata.name ?? '';
    const conditions = [
      cond(
        'Available',
        isAvailable,
        isAvailable ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
        isAvailable
          ? 'Deployment has minimum availability.'
          : 'Deployment does not have minimum availability.',
      ),
      cond(
        'Progressing',
        true,
        complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
        complete
          ? `ReplicaSet "${rsName}" has successfully progressed.`
          : `ReplicaSet "${rsName}" is progressing.`,
      ),
    ];
    const next = { ...status, conditions };
    if (jsonEqual(next, fresh.status)) return;
    this.c.store.put({ ...fresh, status: next });
  }
}
