// Nodes: their objects, their runtime (pod IPAM, image cache, failed or not), and the node lifecycle
// controller (B.5): a node that stops heartbeating turns NotReady after the monitor grace period, its
// pods are marked not ready, and when their NoExecute tolerations (300 s by default) run out they are
// evicted.
import type { Node, Pod } from '../api/types';
import { clonePod, ownContainerStatuses, setPodCondition } from '../api/pods';
import { inWriteOrder } from '../api/store';
import { KUBE_VERSION, type Cluster } from '../cluster';
import { HostLocalIpam, nodeInternalIp, nodePodCidrBase } from '../network/ipam';
import { intToIp } from '../util/ip';

/** node-monitor-grace-period since PR #126287 (was 40 s). */
export const NODE_MONITOR_GRACE_MS = 50_000;
/** node-monitor-period: how often the lifecycle controller looks. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';

/** What the machine behind a Node object is doing. */
export interface NodeRuntime {
  name: string;
  index: number;
  ip: string;
  ipam: HostLocalIpam;
  images: Set<string>;
  /** Powered off or cut off: no kubelet, no kube-proxy, pods unreachable. */
  failed: boolean;
  /** Bumped on every failure/recovery so stale timers know to stop. */
  epoch: number;
}

/** Owns node objects and node runtimes. */
export class Nodes {
  readonly runtime = new Map<string, NodeRuntime>();
  private readonly byIp = new Map<string, NodeRuntime>();
  private sorted: Node[] | null = null;

  constructor(private readonly c: Cluster) {
    c.store.onChange((ch) => {
      if (ch.kind === 'Node') this.sorted = null;
    });
  }

  /** Creates the scenario's nodes at cluster start. */
  boot(): void {
    this.c.config.nodes.forEach((spec, index) => {
      const base = nodePodCidrBase(this.c.config.podCIDR, index);
      const rt: NodeRuntime = {
        name: spec.name,
        index,
        ip: nodeInternalIp(index),
        ipam: new HostLocalIpam(base),
        images: new Set(),
        failed: false,
        epoch: 0,
      };
      this.runtime.set(spec.name, rt);
      this.byIp.set(rt.ip, rt);
      const cidr = `${intToIp(base)}/24`;
      const node: Node = {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: this.c.newMeta(spec.name, undefined, {
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': spec.name,
          'kubernetes.io/os': 'linux',
          ...spec.labels,
        }),
        spec: { podCIDR: cidr, podCIDRs: [cidr] },
        status: {
          addresses: [
            { type: 'InternalIP', address: rt.ip },
            { type: 'Hostname', address: spec.name },
          ],
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              reason: 'KubeletReady',
              message: 'kubelet is posting ready status',
              lastHeartbeatTime: 0,
              lastTransitionTime: 0,
            },
          ],
          nodeInfo: {
            kubeletVersion: KUBE_VERSION,
            kubeProxyVersion: KUBE_VERSION,
            containerRuntimeVersion: 'containerd://2.1.1',
            osImage: 'Debian GNU/Linux 12 (bookworm)',
            kernelVersion: '6.8.0-60-generic',
            operatingSystem: 'linux',
            architecture: 'amd64',
          },
        },
      };
      this.c.store.put(node);
    });
  }

  /** Nodes sorted by name (cached). */
  sortedNodes(): Node[] {
    if (!this.sorted) {
      this.sorted = this.c.store
        .list('Node')
        .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    }
    return this.sorted;
  }

  get(name: string): NodeRuntime | undefined {
    return this.runtime.get(name);
  }

  /** `ready` as kubectl shows it: the Ready condition is True. */
  isReady(name: string): boolean {
    const n = this.c.store.get('Node', name);
    return n?.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  }

  nodeByIp(ip: string): NodeRuntime | undefined {
    return this.byIp.get(ip);
  }

  /** chaos fail-node: the machine stops answering now; the control plane notices later. */
  fail(name: string): boolean {
    const rt = this.runtime.get(name);
    if (!rt || rt.failed) return false;
    rt.failed = true;
    rt.epoch++;
    const epoch = rt.epoch;
    this.c.ctl.kubelet.nodeFailed(name);
    // The lifecycle controller checks every 5 s; the node is declared lost once 50 s pass without heartbeat.
    const lastHeartbeat = Math.floor(this.c.now / 10_000) * 10_000;
    const detectAt =
      Math.ceil((lastHeartbeat + NODE_MONITOR_GRACE_MS) / NODE_MONITOR_PERIOD_MS) *
      NODE_MONITOR_PERIOD_MS;
    this.c.after(Math.max(1, detectAt - this.c.now), () => {
      if (rt.epoch === epoch) this.markUnreachable(name, epoch);
    });
    return true;
  }

  /** chaos recover-node: the kubelet comes back and posts Ready again. */
  recover(name: string): boolean {
    const rt = this.runtime.get(name);
    if (!rt || !rt.failed) return false;
    rt.failed = false;
    rt.epoch++;
    this.c.after(this.c.rng.between(500, 1500), () => {
      const node = this.c.store.get('Node', name);
      if (!node) return;
      const next: Node = structuredCloneNode(node);
      const ready = next.status.conditions.find((c) => c.type === 'Ready');
      if (ready) {
        ready.status = 'True';
        ready.reason = 'KubeletReady';
        ready.message = 'kubelet is posting ready status';
        ready.lastHeartbeatTime = this.c.now;
        ready.lastTransitionTime = this.c.now;
      }
      const taints = (next.spec.taints ?? []).filter(
        (t) => !t.key.startsWith('node.kubernetes.io/unreachable'),
      );
      if (taints.length) next.spec.taints = taints;
      else delete next.spec.taints;
      this.c.store.put(next);
      this.c.recordEvent(
        next,
        'Normal',
        'NodeReady',
        `Node ${name} status is now: NodeReady`,
        'kubelet',
        'node.ready',
        {
          node: name,
        },
      );
      this.c.ctl.kubelet.nodeRecovered(name);
      this.c.ctl.scheduler.retryUnschedulable();
      this.c.ctl.proxy.nodeRecovered(name);
    });
    return true;
  }

  private markUnreachable(name: string, epoch: number): void {
    const node = this.c.store.get('Node', name);
    if (!node) return;
    const next = structuredCloneNode(node);
    const ready = next.status.conditions.find((c) => c.type === 'Ready');
    if (ready) {
      ready.status = 'Unknown';
      ready.reason = 'NodeStatusUnknown';
      ready.message = 'Kubelet stopped posting node status.';
      ready.lastTransitionTime = this.c.now;
    }
    next.spec.taints = [
      ...(next.spec.taints ?? []),
      { key: UNREACHABLE_TAINT, effect: 'NoSchedule', timeAdded: this.c.now },
      { key: UNREACHABLE_TAINT, effect: 'NoExecute', timeAdded: this.c.now },
    ];
    this.c.store.put(next);
    this.c.recordEvent(
      next,
      'Normal',
      'NodeNotReady',
      `Node ${name} status is now: NodeNotReady`,
      'node-controller',
      'node.notReady',
      {
        node: name,
      },
    );
    // MarkPodsNotReady: the pods' Ready condition turns False, so their endpoints stop being ready.
    for (const key of inWriteOrder(this.c.store.podsByNode.get(name)).map((p) => this.c.key(p))) {
      const pod = this.c.store.get('Pod', key);
      if (!pod) continue;
      const p = clonePod(pod);
      setPodCondition(p, 'Ready', 'False', this.c.now);
      for (const s of ownContainerStatuses(p)) s.ready = false;
      this.c.store.put(p);
      this.c.recordEvent(
        p,
        'Warning',
        'NodeNotReady',
        'Node is not ready',
        'node-controller',
        'pod.nodeNotReady',
        {
          pod: p.metadata.name,
        },
      );
    }
    // Taint-based eviction: each pod goes when its toleration of the unreachable NoExecute taint
    // runs out (300 s from DefaultTolerationSeconds), at once without one, never if unlimited.
    for (const key of inWriteOrder(this.c.store.podsByNode.get(name)).map((p) => this.c.key(p))) {
      const pod = this.c.store.get('Pod', key);
      const ms = pod ? tolerationMs(pod, UNREACHABLE_TAINT) : null;
      if (!pod || ms === null) continue;
      this.c.after(ms, () => {
        if (this.runtime.get(name)?.epoch === epoch) this.evict(key, pod.metadata.uid);
      });
    }
  }

  private evict(key: string, uid: string): void {
    const pod = this.c.store.get('Pod', key);
    if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp !== undefined) return;
    this.c.recordEvent(
      pod,
      'Normal',
      'TaintManagerEviction',
      `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`,
      'taint-eviction-controller',
      'pod.evicted',
      { pod: pod.metadata.name },
    );
    this.c.ctl.api.deletePod(key, {});
  }
}

/** How long a pod tolerates a NoExecute taint: ms, 0 when it does not, null when forever. */
export function tolerationMs(pod: Pod, taintKey: string): number | null {
  const t = (pod.spec.tolerations ?? []).find(
    (x) =>
      (x.key === taintKey || (x.key === undefined && x.operator === 'Exists')) &&
      (x.effect === 'NoExecute' || x.effect === undefined),
  );
  if (!t) return 0;
  return t.tolerationSeconds === undefined ? null : Math.max(0, t.tolerationSeconds) * 1000;
}

function structuredCloneNode(n: Node): Node {
  return {
    ...n,
    metadata: { ...n.metadata },
    spec: { ...n.spec, ...(n.spec.taints ? { taints: n.spec.taints.map((t) => ({ ...t })) } : {}) },
    status: { ...n.status, conditions: n.status.conditions.map((c) => ({ ...c })) },
  };
}
