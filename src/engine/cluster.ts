// The cluster's shared state: virtual clock, PRNG, event queue, object store, trace, and the
// controllers wired to it. Controllers live in their own files and reach each other through `ctl`.
import { ObjectStore, objectKey } from './api/store';
import type { KubeObject, ObjectMeta, StringMap } from './api/types';
import type { Controllers } from './controllers/wire';
import { EventQueue } from './sim/queue';
import { Rng } from './sim/rng';
import type { ClusterEvent, RequestRecord } from './trace';
import type { Cidr } from './util/ip';

export type ProxyMode = 'iptables' | 'ipvs' | 'nftables';

/** Cluster-wide settings from the scenario's `cluster:` block, after defaulting. */
export interface ClusterConfig {
  nodes: { name: string; labels: StringMap }[];
  proxyMode: ProxyMode;
  seed: number;
  serviceCIDR: Cidr;
  podCIDR: Cidr;
  clusterDomain: string;
  nodePortRange: { base: number; size: number };
  /** IPVS scheduler when proxyMode is ipvs. */
  ipvsScheduler: 'rr' | 'lc' | 'sh';
}

const lowerKinds = new Map<string, string>();

/** `Pod` → `pod`, remembered (every event names its object's kind). */
function lowerKind(kind: string): string {
  let k = lowerKinds.get(kind);
  if (k === undefined) lowerKinds.set(kind, (k = kind.toLowerCase()));
  return k;
}

/** Kubernetes version the simulated cluster reports (kubectl get nodes VERSION). */
export const KUBE_VERSION = 'v1.33.1';

/** The whole simulated cluster. */
export class Cluster {
  now = 0;
  readonly rng: Rng;
  readonly queue = new EventQueue();
  readonly store = new ObjectStore();
  readonly events: ClusterEvent[] = [];
  readonly requests: RequestRecord[] = [];
  /** Every pod that ever existed: uid → its last known object (kept after deletion). */
  readonly podHistory = new Map<
    string,
    { pod: KubeObject & { kind: 'Pod' }; deletedAt: number | null }
  >();
  ctl!: Controllers;
  private requestSeq = 0;

  constructor(readonly config: ClusterConfig) {
    this.rng = new Rng(config.seed);
  }

  /** Schedules `fn` after `delayMs` of virtual time. */
  after(delayMs: number, fn: () => void): void {
    this.queue.push(Math.round(this.now + Math.max(0, delayMs)), fn);
  }

  /** Runs every queued action up to and including time `t`, then sets the clock to `t`. */
  runUntil(t: number): void {
    while (this.queue.peekTime() <= t) {
      const e = this.queue.pop();
      if (!e) break;
      this.now = e.t;
      e.run();
    }
    this.now = Math.max(this.now, t);
  }

  nextRequestId(): number {
    return ++this.requestSeq;
  }

  /** Fresh metadata for an object created now. */
  newMeta(name: string, namespace: string | undefined, labels?: StringMap): ObjectMeta {
    const meta: ObjectMeta = {
      name,
      uid: this.store.nextUid(name),
      resourceVersion: '0',
      creationTimestamp: this.now,
    };
    if (namespace !== undefined) meta.namespace = namespace;
    if (labels) meta.labels = { ...labels };
    return meta;
  }

  /** Records an event about an object, as `kubectl get events` would list it. */
  recordEvent(
    obj: { kind: string; metadata: { name: string; namespace?: string } },
    type: ClusterEvent['type'],
    reason: string,
    message: string,
    source: string,
    code: string,
    params: ClusterEvent['params'] = {},
  ): void {
    this.events.push({
      t: this.now,
      type,
      reason,
      object: `${lowerKind(obj.kind)}/${obj.metadata.name}`,
      message,
      namespace: obj.metadata.namespace ?? 'default',
      source,
      code,
      params,
    });
  }

  key(obj: { metadata: { name: string; namespace?: string } }): string {
    return objectKey(obj.metadata.namespace, obj.metadata.name);
  }
}
