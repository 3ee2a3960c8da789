// The ReplicaSet controller: keeps `spec.replicas` active pods, creating replacements with new names
// (B.6) and deleting the pods real Kubernetes deletes first on scale-down (ActivePodsWithRanks).
import {
  clonePod,
  isPodAvailable,
  isPodReady,
  isPodTerminal,
  sameForCounting,
  podReadySince,
  podRestarts,
} from '../api/pods';
import { inWriteOrder } from '../api/store';
import type { Pod, ReplicaSet } from '../api/types';
import type { Cluster } from '../cluster';
import { SIM_LIMITS } from '../limits';
import { WorkQueue } from '../sim/workQueue';
import { deepFreeze } from '../util/freeze';
import { jsonEqual } from '../util/jsonEqual';
import { matchesSelector } from '../util/labels';
import { OwnedPodCounts } from './ownedPods';

/** Owned pods that count toward replicas: not terminal, not being deleted. */
export function activePods(c: Cluster, rs: ReplicaSet): Pod[] {
  const out: Pod[] = [];
  for (const p of c.store.podsByOwner.get(rs.metadata.uid)?.values() ?? [])
    if (p.metadata.deletionTimestamp === undefined && !isPodTerminal(p)) out.push(p);
  return out;
}

/** What all pods created from one ReplicaSet template share, frozen. */
interface TemplateParts {
  template: ReplicaSet['spec']['template'];
  name: string;
  generateName: string;
  labels: Record<string, string>;
  spec: Pod['spec'];
  ownerReferences: NonNullable<Pod['metadata']['ownerReferences']>;
}

/** The replicaset-controller. */
export class ReplicaSetController {
  readonly queue: WorkQueue;
  private readonly owned: OwnedPodCounts;
  /** Owner uid → the selector all its pods were last checked against (releaseUnmatched). */
  private readonly checkedSelector = new Map<string, ReplicaSet['spec']['selector']>();
  /** ReplicaSet uid → what its pods share (containers, tolerations, owner reference…). */
  private readonly templates = new Map<string, TemplateParts>();

  constructor(private readonly c: Cluster) {
    this.owned = new OwnedPodCounts(c.store);
    this.queue = new WorkQueue(
      c.queue,
      () => c.now,
      () => c.rng.between(1, 5),
      (k) => this.sync(k),
    );
    c.store.onChange((ch) => {
      if (ch.kind === 'ReplicaSet' && ch.obj) this.queue.add(ch.key);
      if (ch.kind === 'ReplicaSet' && !ch.obj && ch.old) {
        this.checkedSelector.delete(ch.old.metadata.uid);
        this.templates.delete(ch.old.metadata.uid);
      }
      if (ch.kind === 'Pod') {
        // A pod getting its node or IP changes nothing the ReplicaSet counts.
        if (ch.old && ch.obj && sameForCounting(ch.old as Pod, ch.obj as Pod)) return;
        const pod = (ch.obj ?? ch.old) as Pod;
        const owner = pod.metadata.ownerReferences?.find(
          (o) => o.kind === 'ReplicaSet' && o.controller,
        );
        if (owner) this.queue.add(`${pod.metadata.namespace}/${owner.name}`);
        else if (ch.obj) for (const rs of this.selecting(pod)) this.queue.add(this.c.key(rs));
      }
    });
  }

  private sync(key: string): void {
    const rs = this.c.store.get('ReplicaSet', key);
    if (!rs || rs.metadata.deletionTimestamp !== undefined) return;
    this.releaseUnmatched(rs);
    this.adoptOrphans(rs);
    const activeCount = this.owned.get(rs.metadata.uid).active;
    const want = rs.spec.replicas ?? 1;
    const diff = want - activeCount;
    if (diff > 0) {
      const room = SIM_LIMITS.maxPods - this.c.store.map('Pod').size;
      const n = Math.min(diff, 500, room, SIM_LIMITS.maxReplicas - activeCount);
      for (let i = 0; i < n; i++) this.createPod(rs);
      if (n < Math.min(diff, 500)) {
        const msg = `Error creating: kubeplay simulates at most ${SIM_LIMITS.maxReplicas} replicas per workload and ${SIM_LIMITS.maxPods} pods per cluster`;
        this.c.recordEvent(
          rs,
          'Warning',
          'FailedCreate',
          msg,
          'replicaset-controller',
          'rs.limit',
          { rs: rs.metadata.name },
        );
      } else if (diff > 500) this.queue.add(key);
    }
    if (diff < 0) {
      const victims = rankForDeletion(this.c, activePods(this.c, rs)).slice(0, -diff);
      for (const p of victims) {
        this.c.ctl.api.deletePod(this.c.key(p), {});
        this.c.recordEvent(
          rs,
          'Normal',
          'SuccessfulDelete',
          `Deleted pod: ${p.metadata.name}`,
          'replicaset-controller',
          'rs.deletedPod',
          {
            pod: p.metadata.name,
          },
        );
      }
    }
    this.updateStatus(rs);
  }

  /** ReleasePod (controller_ref_manager.go): an owned pod whose labels stop matching is orphaned. */
  private releaseUnmatched(rs: ReplicaSet): void {
    const uid = rs.metadata.uid;
    // Nothing to release unless a pod joined or changed labels, or the selector changed, since the last check.
    if (!this.owned.labelsMayHaveChanged(uid) && this.checkedSelector.get(uid) === rs.spec.selector)
      return;
    this.owned.clearLabelCheck(uid);
    this.checkedSelector.set(uid, rs.spec.selector);
    const unmatched: Pod[] = [];
    for (const p of inWriteOrder(this.c.store.podsByOwner.get(rs.metadata.uid)))
      if (!matchesSelector(rs.spec.selector, p.metadata.labels)) unmatched.push(p);
    for (const p of unmatched) {
      const next = clonePod(p);
      const refs = (p.metadata.ownerReferences ?? []).filter((o) => o.uid !== rs.metadata.uid);
      if (refs.length > 0) next.metadata.ownerReferences = refs;
      else delete next.metadata.ownerReferences;
      this.c.store.put(next);
    }
  }

  /** ReplicaSets in the pod's namespace whose selector matches its labels (getPodReplicaSets). */
  private selecting(pod: Pod): ReplicaSet[] {
    return this.c.store
      .list('ReplicaSet', pod.metadata.namespace)
      .filter((rs) => matchesSelector(rs.spec.selector, pod.metadata.labels));
  }

  /** AdoptPod (controller_ref_manager.go): a matching pod with no controller becomes this one's. */
  private adoptOrphans(rs: ReplicaSet): void {
    if (this.c.store.orphanPods.size === 0) return;
    const ns = rs.metadata.namespace ?? 'default';
    for (const key of this.c.store.podsMatching(ns, rs.spec.selector.matchLabels ?? {})) {
      const p = this.c.store.get('Pod', key);
      if (!p || p.metadata.deletionTimestamp !== undefined || isPodTerminal(p)) continue;
      if (p.metadata.ownerReferences?.some((o) => o.controller)) continue;
      if (!matchesSelector(rs.spec.selector, p.metadata.labels)) continue;
      const next = clonePod(p);
      next.metadata.ownerReferences = [
        ...(p.metadata.ownerReferences ?? []),
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs.metadata.name,
          uid: rs.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ];
      this.c.store.put(next);
    }
  }

  /** The parts of a new pod that only depend on the ReplicaSet's template (built once per template). */
  private templateParts(rs: ReplicaSet): TemplateParts {
    const cached = this.templates.get(rs.metadata.uid);
    if (cached?.template === rs.spec.template && cached.name === rs.metadata.name) return cached;
    const parts: TemplateParts = {
      template: rs.spec.template,
      name: rs.metadata.name,
      generateName: `${rs.metadata.name}-`,
      labels: deepFreeze({ ...(rs.spec.template.metadata?.labels ?? {}) }),
      spec: deepFreeze(structuredClone(rs.spec.template.spec)),
      ownerReferences: deepFreeze([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs.metadata.name,
          uid: rs.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]),
    };
    this.templates.set(rs.metadata.uid, parts);
    return parts;
  }

  private createPod(rs: ReplicaSet): void {
    const ns = rs.metadata.namespace ?? 'default';
    const parts = this.templateParts(rs);
    const name = this.c.ctl.api.generateName('Pod', ns, parts.generateName);
    const tpl = rs.spec.template;
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...this.c.newMeta(name, ns),
        labels: parts.labels,
        generateName: parts.generateName,
        ownerReferences: parts.ownerReferences,
      },
      // The pod's own spec object (the scheduler sets nodeName) over the template's frozen parts.
      spec: { ...parts.spec },
      status: { phase: 'Pending', conditions: [] },
    };
    if (tpl.metadata?.annotations) pod.metadata.annotations = { ...tpl.metadata.annotations };
    this.c.ctl.api.createPod(pod);
    this.c.recordEvent(
      rs,
      'Normal',
      'SuccessfulCreate',
      `Created pod: ${name}`,
      'replicaset-controller',
      'rs.createdPod',
      { pod: name },
    );
  }

  private updateStatus(rs: ReplicaSet): void {
    const minReady = rs.spec.minReadySeconds ?? 0;
    // Without minReadySeconds every count is kept up to date as pods change: no pod scan.
    const counts = this.owned.get(rs.metadata.uid);
    const active = minReady > 0 ? activePods(this.c, rs) : [];
    const status = {
      replicas: counts.active,
      fullyLabeledReplicas: counts.active,
      readyReplicas: counts.ready,
      availableReplicas:
        minReady > 0
          ? active.filter((p) => isPodAvailable(p, minReady, this.c.now)).length
          : counts.readySince,
      observedGeneration: rs.metadata.generation ?? 1,
    };
    if (minReady > 0) {
      // Pods that are ready but not yet available become available later: look again then.
      for (const p of active) {
        const since = podReadySince(p);
        if (since !== null && since + minReady * 1000 > this.c.now) {
          this.c.after(since + minReady * 1000 - this.c.now + 1, () =>
            this.queue.add(this.c.key(rs)),
          );
        }
      }
    }
    if (jsonEqual(status, rs.status)) return;
    this.c.store.put({ ...rs, status });
  }
}

/** Pods in the order ActivePodsWithRanks deletes them (most deletable first). */
export function rankForDeletion(c: Cluster, pods: Pod[]): Pod[] {
  const perNode = new Map<string, number>();
  for (const p of pods)
    if (p.spec.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  const phaseRank = (p: Pod) =>
    p.status.phase === 'Pending' ? 0 : p.status.phase === 'Unknown' ? 1 : 2;
  const log2 = (ms: number) => Math.floor(Math.log2(Math.max(1, ms / 1000)));
  return [...pods].sort((a, b) => {
    const au = a.spec.nodeName ? 1 : 0;
    const bu = b.spec.nodeName ? 1 : 0;
    if (au !== bu) return au - bu;
    if (phaseRank(a) !== phaseRank(b)) return phaseRank(a) - phaseRank(b);
    const ar = isPodReady(a) ? 1 : 0;
    const br = isPodReady(b) ? 1 : 0;
    if (ar !== br) return ar - br;
    const cost = (p: Pod) =>
      Number(p.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'] ?? 0);
    if (cost(a) !== cost(b)) return cost(a) - cost(b);
    const an = perNode.get(a.spec.nodeName ?? '') ?? 0;
    const bn = perNode.get(b.spec.nodeName ?? '') ?? 0;
    if (an !== bn) return bn - an;
    const ra = podReadySince(a);
    const rb = podReadySince(b);
    if (ra !== null && rb !== null && log2(c.now - ra) !== log2(c.now - rb))
      return log2(c.now - ra) - log2(c.now - rb);
    if (podRestarts(a) !== podRestarts(b)) return podRestarts(b) - podRestarts(a);
    if (a.metadata.creationTimestamp !== b.metadata.creationTimestamp)
      return b.metadata.creationTimestamp - a.metadata.creationTimestamp;
    return a.metadata.uid < b.metadata.uid ? -1 : 1;
  });
}
