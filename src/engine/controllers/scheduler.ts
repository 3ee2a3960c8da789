// kube-scheduler: binds each unassigned pod to a node. Filters (node Ready and schedulable, NoExecute/
// NoSchedule taints, nodeSelector) then scores like the default spreading: fewest pods of the same
// owner first, then fewest pods overall, ties broken at random (selectHost).
import { clonePod, setPodCondition } from '../api/pods';
import type { Node, Pod } from '../api/types';
import type { Cluster } from '../cluster';
import { matchesMap } from '../util/labels';

/** The sorted node list with what the scheduler derives from it once, not per pod. */
interface NodeTable {
  nodes: Node[];
  /** Why each node is unfit for every pod (unschedulable, taint), or null. */
  blocked: (string | null)[];
  /** Each node's slot in the per-node counters. */
  slots: number[];
}

/** The default scheduler. */
export class Scheduler {
  private readonly unschedulable = new Set<string>();
  /** owner → node → pods of that owner bound to that node (the spreading score's input). */
  private readonly ownerOnNode = new Map<string, Map<string, number>>();
  private nextStartNodeIndex = 0;
  /** Node name → slot in `podsOnNode` / `sameOwner` (assigned on first sight, never reused). */
  private readonly slotOf = new Map<string, number>();
  /** Pods in the store bound to each node slot (as the store's podsByNode sizes). */
  private readonly podsOnNode: number[] = [];
  /** Scratch: the scheduling pod's owner's pods per node slot, zeroed after each pick. */
  private readonly sameOwner: number[] = [];
  private table: NodeTable | null = null;
  /** Scratch: node table indexes of the feasible nodes found for the pod being scheduled. */
  private feasible = new Int32Array(0);

  constructor(private readonly c: Cluster) {
    c.store.onChange((ch) => {
      if (ch.kind === 'Node') this.table = null;
      if (ch.kind !== 'Pod') return;
      const oldNode = (ch.old as Pod | undefined)?.spec.nodeName;
      const newNode = (ch.obj as Pod | undefined)?.spec.nodeName;
      if (oldNode !== newNode) {
        if (oldNode !== undefined) this.countPod(oldNode, -1);
        if (newNode !== undefined) this.countPod(newNode, 1);
      }
      // The spreading counts: bound pods not being deleted, by owner and node.
      const old = ch.old as Pod | undefined;
      const pod = ch.obj as Pod | undefined;
      const wasCounted = !!old?.spec.nodeName && old.metadata.deletionTimestamp === undefined;
      const isCounted = !!pod?.spec.nodeName && pod.metadata.deletionTimestamp === undefined;
      if (!wasCounted && !isCounted) return;
      const ownerBefore = wasCounted ? ownerOf(old as Pod) : undefined;
      const ownerAfter = isCounted ? ownerOf(pod as Pod) : undefined;
      const nodeBefore = wasCounted ? old?.spec.nodeName : undefined;
      const nodeAfter = isCounted ? pod?.spec.nodeName : undefined;
      if (ownerBefore === ownerAfter && nodeBefore === nodeAfter) return;
      if (wasCounted) this.bump(ownerBefore as string, nodeBefore as string, -1);
      if (isCounted) this.bump(ownerAfter as string, nodeAfter as string, 1);
    });
  }

  private slot(node: string): number {
    let s = this.slotOf.get(node);
    if (s === undefined) {
      s = this.slotOf.size;
      this.slotOf.set(node, s);
      this.podsOnNode.push(0);
      this.sameOwner.push(0);
    }
    return s;
  }

  private countPod(node: string, by: number): void {
    const s = this.slot(node);
    this.podsOnNode[s] = (this.podsOnNode[s] ?? 0) + by;
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

  private nodeTable(): NodeTable {
    const nodes = this.c.ctl.nodes.sortedNodes();
    if (this.table?.nodes !== nodes) {
      this.table = {
        nodes,
        blocked: nodes.map(nodeBlocked),
        slots: nodes.map((n) => this.slot(n.metadata.name)),
      };
    }
    return this.table;
  }

  private unfit(t: NodeTable, i: number, pod: Pod): string | null {
    const blocked = t.blocked[i] ?? null;
    if (blocked || !pod.spec.nodeSelector) return blocked;
    return matchesMap(pod.spec.nodeSelector, (t.nodes[i] as Node).metadata.labels)
      ? null
      : "node(s) didn't match Pod's node affinity/selector";
  }

  private schedule(key: string): void {
    const pod = this.c.store.get('Pod', key);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp !== undefined) return;
    const t = this.nodeTable();
    const nodes = t.nodes;
    if (this.feasible.length < nodes.length) this.feasible = new Int32Array(nodes.length);
    const feasible = this.feasible;
    let found = 0;
    const want = numFeasibleNodesToFind(nodes.length);
    const n = nodes.length;
    if (!pod.spec.nodeSelector) {
      // Only the per-node verdicts matter: a tight loop over the cached table.
      const blocked = t.blocked;
      let idx = n > 0 ? this.nextStartNodeIndex % n : 0;
      for (let i = 0; i < n && found < want; i++) {
        if (blocked[idx] === null) feasible[found++] = idx;
        if (++idx === n) idx = 0;
      }
    } else {
      for (let i = 0; i < n && found < want; i++) {
        const idx = (this.nextStartNodeIndex + i) % n;
        if (this.unfit(t, idx, pod) === null) feasible[found++] = idx;
      }
    }
    this.nextStartNodeIndex = (this.nextStartNodeIndex + found) % Math.max(1, nodes.length);
    if (found === 0) {
      this.unschedulable.add(key);
      const reasons = new Map<string, number>();
      for (let i = 0; i < nodes.length; i++) {
        const why = this.unfit(t, i, pod) as string;
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
      }
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
    const node = nodes[this.pick(t, found, pod)] as Node;
    const next = clonePod(pod);
    next.spec = { ...pod.spec, nodeName: node.metadata.name };
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

  /**
   * Scores feasible nodes (fewest pods of the same owner, then fewest pods) and picks one of the
   * best at random. Indexes into the node table; counters are arrays, so this is a tight loop.
   */
  private pick(t: NodeTable, found: number, pod: Pod): number {
    const feasible = this.feasible;
    const mine = this.ownerOnNode.get(ownerOf(pod));
    if (mine) for (const [node, n] of mine) this.sameOwner[this.slot(node)] = n;
    const score = (i: number) => {
      const slot = t.slots[i] as number;
      return (this.sameOwner[slot] as number) * 1_000_000 + (this.podsOnNode[slot] as number);
    };
    // Two passes instead of collecting the best: the lowest score and how many share it, then
    // the rng's pick among them in scan order.
    let bestScore = Infinity;
    let ties = 0;
    for (let k = 0; k < found; k++) {
      const s = score(feasible[k] as number);
      if (s < bestScore) {
        bestScore = s;
        ties = 1;
      } else if (s === bestScore) ties++;
    }
    let nth = this.c.rng.int(ties);
    let chosen = feasible[0] as number;
    for (let k = 0; k < found; k++) {
      const i = feasible[k] as number;
      if (score(i) === bestScore && nth-- === 0) {
        chosen = i;
        break;
      }
    }
    if (mine) for (const node of mine.keys()) this.sameOwner[this.slot(node)] = 0;
    return chosen;
  }
}

/** Why a node takes no pod at all: cordoned, or a NoSchedule/NoExecute taint (none tolerated). */
function nodeBlocked(n: Node): string | null {
  if (n.spec.unschedulable) return 'node(s) were unschedulable';
  const taint = n.spec.taints?.find((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
  if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  return null;
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
