// kube-scheduler: binds each unassigned pod to a node. Filters (node Ready and schedulable, NoExecute/
// NoSchedule taints, nodeSelector) then scores like the default spreading: fewest pods of the same
// owner first, then fewest pods overall, ties broken at random (selectHost).
import { clonePod, setPodCondition } from '../api/pods';
import type { Node, Pod } from '../api/types';
import type { Cluster } from '../cluster';
import { matchesMap } from '../util/labels';

/** The default scheduler. */
export class Scheduler {
  private readonly unschedulable = new Set<string>();
  /** owner → node → pods of that owner bound to that node (the spreading score's input). */
  private readonly ownerOnNode = new Map<string, Map<string, number>>();
  private nextStartNodeIndex = 0;

  constructor(private readonly c: Cluster) {
    c.store.onChange((ch) => {
      if (ch.kind !== 'Pod') return;
      const slot = (p: Pod | undefined): [string, string] | null =>
        p?.spec.nodeName && p.metadata.deletionTimestamp === undefined
          ? [ownerOf(p), p.spec.nodeName]
          : null;
      const before = slot(ch.old as Pod | undefined);
      const after = slot(ch.obj as Pod | undefined);
      if (before?.[0] === after?.[0] && before?.[1] === after?.[1]) return;
      if (before) this.bump(before[0], before[1], -1);
      if (after) this.bump(after[0], after[1], 1);
    });
  }

  private bump(owner: string, node: string, by: number): void {
    let m = this.ownerOnNode.get(owner);
    if (!m) this.ownerOnNode.set(owner, (m = new Map()));
    const n = (m.get(node) ?? 0) + by;
    if (n > 0) m.set(node, n);
    else m.delete(node);
    if (m.size === 0) this.ownerOnNode.delete(owner);
  }

  /** A new pod exists: bind it shortly (or hand it straight to its kubelet when nodeName is set). */
  podCreated(pod: Pod): void {
    const key = this.c.key(pod);
    if (pod.spec.nodeName) {
      this.c.after(this.c.rng.between(2, 8), () => this.c.ctl.kubelet.podBound(key));
      return;
    }
    this.c.after(this.c.rng.between(3, 15), () => this.schedule(key));
  }

  /** Nodes changed (recovered, uncordoned, added): retry pods that could not be placed. */
  retryUnschedulable(): void {
    const keys = [...this.unschedulable];
    this.unschedulable.clear();
    keys.forEach((k, i) => this.c.after(5 + i, () => this.schedule(k)));
  }

  private schedule(key: string): void {
    const pod = this.c.store.get('Pod', key);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp !== undefined) return;
    const nodes = this.c.ctl.nodes.sortedNodes();
    const reasons = new Map<string, number>();
    const feasible: Node[] = [];
    const want = numFeasibleNodesToFind(nodes.length);
    for (let i = 0; i < nodes.length && feasible.length < want; i++) {
      const n = nodes[(this.nextStartNodeIndex + i) % nodes.length] as Node;
      const why = this.unfit(n, pod);
      if (why) reasons.set(why, (reasons.get(why) ?? 0) + 1);
      else feasible.push(n);
    }
    this.nextStartNodeIndex =
      (this.nextStartNodeIndex + feasible.length) % Math.max(1, nodes.length);
    if (feasible.length === 0) {
      this.unschedulable.add(key);
      const detail = [...reasons.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([why, n]) => `${n} ${why}`)
        .join(', ');
      const msg = `0/${nodes.length} nodes are available: ${detail}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`;
      const next = clonePod(pod);
      setPodCondition(next, 'PodScheduled', 'False', this.c.now, 'Unschedulable');
      this.c.store.put(next);
      this.c.recordEvent(
        pod,
        'Warning',
        'FailedScheduling',
        msg,
        'default-scheduler',
        'pod.failedScheduling',
        {
          pod: pod.metadata.name,
        },
      );
      return;
    }
    const node = this.pick(feasible, pod);
    const next = clonePod(pod);
    next.spec.nodeName = node.metadata.name;
    setPodCondition(next, 'PodScheduled', 'True', this.c.now);
    this.c.store.put(next);
    this.c.recordEvent(
      pod,
      'Normal',
      'Scheduled',
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.metadata.name}`,
      'default-scheduler',
      'pod.scheduled',
      { pod: pod.metadata.name, node: node.metadata.name },
    );
    this.c.ctl.kubelet.podBound(key);
  }

  private unfit(n: Node, pod: Pod): string | null {
    if (n.spec.unschedulable) return 'node(s) were unschedulable';
    const taint = n.spec.taints?.find((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
    if (pod.spec.nodeSelector && !matchesMap(pod.spec.nodeSelector, n.metadata.labels))
      return "node(s) didn't match Pod's node affinity/selector";
    return null;
  }

  private pick(feasible: Node[], pod: Pod): Node {
    const mine = this.ownerOnNode.get(ownerOf(pod));
    const score = (n: Node) => {
      const same = mine?.get(n.metadata.name) ?? 0;
      const total = this.c.store.podsByNode.get(n.metadata.name)?.size ?? 0;
      return same * 1_000_000 + total;
    };
    let best: Node[] = [];
    let bestScore = Infinity;
    for (const n of feasible) {
      const s = score(n);
      if (s < bestScore) {
        bestScore = s;
        best = [n];
      } else if (s === bestScore) best.push(n);
    }
    return best[this.c.rng.int(best.length)] ?? (feasible[0] as Node);
  }
}

/** kube-scheduler's numFeasibleNodesToFind: all nodes up to 100, then an adaptive percentage (min 5 %). */
function numFeasibleNodesToFind(n: number): number {
  if (n < 100) return n;
  const pct = Math.max(5, 50 - Math.floor(n / 125));
  return Math.max(100, Math.floor((n * pct) / 100));
}

/** Pods of one owner spread apart (a controller's uid, else the app label). */
function ownerOf(p: Pod): string {
  return p.metadata.ownerReferences?.[0]?.uid ?? p.metadata.labels?.app ?? '';
}
