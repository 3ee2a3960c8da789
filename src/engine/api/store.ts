// The object store (the API server's etcd): objects by kind and namespace/name, resource versions,
// and the indexes the controllers need (pods by owner, by node, by IP; services by selector label).
import type { KubeKind, KubeObject, Pod, Service } from './types';

type ByKind = { [K in KubeKind]: Extract<KubeObject, { kind: K }> };

/** A change notification: the object before and after (undefined when created or deleted). */
export interface StoreChange<K extends KubeKind = KubeKind> {
  kind: K;
  key: string;
  old: ByKind[K] | undefined;
  obj: ByKind[K] | undefined;
}

/**
 * A pod bucket (podsByOwner, podsByNode) in the order its pods were last written (ascending
 * resourceVersion): the order controllers that delete, orphan or mark pods one by one act in.
 */
export function inWriteOrder(bucket: Map<string, Pod> | undefined): Pod[] {
  return [...(bucket?.values() ?? [])].sort(
    (a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion),
  );
}

/** `namespace/name`, or `name` for cluster-scoped kinds. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** Indexed storage of every API object. Listeners hear every change, synchronously. */
export class ObjectStore {
  private maps = new Map<KubeKind, Map<string, KubeObject>>();
  private rv = 1;
  private uidCounter = 0;
  /** Owner uid (first ownerReference) → its pods by key, each the stored object. */
  readonly podsByOwner = new Map<string, Map<string, Pod>>();
  /** Owner uid → keys of ReplicaSets it controls. */
  readonly replicaSetsByOwner = new Map<string, Set<string>>();
  /** Node name → pods bound to it by key, each the stored object. */
  readonly podsByNode = new Map<string, Map<string, Pod>>();
  readonly podByIP = new Map<string, string>();
  /** `ns|k=v` → keys of pods carrying that label. */
  readonly podsByLabelPair = new Map<string, Set<string>>();
  /** Keys of pods with no controller ownerReference (the only pods a controller may adopt). */
  readonly orphanPods = new Set<string>();
  /** `ns|k=v` → keys of Services whose selector contains that pair. */
  readonly servicesBySelectorPair = new Map<string, Set<string>>();
  private listeners: ((c: StoreChange) => void)[] = [];

  onChange(fn: (c: StoreChange) => void): void {
    this.listeners.push(fn);
  }

  nextUid(prefix: string): string {
    this.uidCounter++;
    const hex = this.uidCounter.toString(16).padStart(12, '0');
    return `${prefix}-0000-4000-8000-${hex}`.slice(-36).padStart(36, '0');
  }

  nextResourceVersion(): string {
    return String(++this.rv);
  }

  map<K extends KubeKind>(kind: K): Map<string, ByKind[K]> {
    let m = this.maps.get(kind);
    if (!m) {
      m = new Map();
      this.maps.set(kind, m);
    }
    return m as Map<string, ByKind[K]>;
  }

  get<K extends KubeKind>(kind: K, key: string): ByKind[K] | undefined {
    return this.map(kind).get(key);
  }

  list<K extends KubeKind>(kind: K, namespace?: string): ByKind[K][] {
    const all = [...this.map(kind).values()];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  /** Creates or replaces an object, bumping its resourceVersion, and notifies listeners. */
  put<K extends KubeKind>(obj: ByKind[K]): void {
    const kind = obj.kind as K;
    const key = objectKey(obj.metadata.namespace, obj.metadata.name);
    const m = this.map(kind);
    const old = m.get(key);
    obj.metadata.resourceVersion = this.nextResourceVersion();
    m.set(key, obj);
    this.reindex(kind, old, obj);
    this.emit({ kind, key, old, obj } as StoreChange);
  }

  /** Removes an object for good and notifies listeners. */
  remove(kind: KubeKind, key: string): void {
    const m = this.map(kind);
    const old = m.get(key);
    if (!old) return;
    m.delete(key);
    this.reindex(kind, old, undefined);
    this.emit({ kind, key, old, obj: undefined } as StoreChange);
  }

  private emit(c: StoreChange): void {
    for (const l of this.listeners) l(c);
  }

  /** Keys of pods in `namespace` whose labels contain every pair of `selector` (via the label index). */
  podsMatching(namespace: string, selector: Record<string, string>): string[] {
    const pairs = Object.entries(selector);
    if (pairs.length === 0) return [];
    let smallest: Set<string> | undefined;
    for (const [k, v] of pairs) {
      const s = this.podsByLabelPair.get(`${namespace}|${k}=${v}`);
      if (!s) return [];
      if (!smallest || s.size < smallest.size) smallest = s;
    }
    const out: string[] = [];
    for (const key of smallest ?? []) {
      const pod = this.map('Pod').get(key);
      if (pod && pairs.every(([k, v]) => pod.metadata.labels?.[k] === v)) out.push(key);
    }
    return out;
  }

  private reindex(kind: KubeKind, old: KubeObject | undefined, obj: KubeObject | undefined): void {
    if (kind === 'Pod') {
      const p = (obj ?? old) as Pod;
      this.reindexPod(objectKey(p.metadata.namespace, p.metadata.name), old as Pod, obj as Pod);
    }
    if (kind === 'Service')
      this.reindexService(old as Service | undefined, obj as Service | undefined);
    if (kind === 'ReplicaSet') {
      const key = (o: KubeObject) => objectKey(o.metadata.namespace, o.metadata.name);
      if (old) setRemove(this.replicaSetsByOwner, old.metadata.ownerReferences?.[0]?.uid, key(old));
      if (obj) setAdd(this.replicaSetsByOwner, obj.metadata.ownerReferences?.[0]?.uid, key(obj));
    }
  }

  /**
   * Runs on every pod write, so it touches only what changed. Owner and node buckets hold the
   * current object of each pod (see inWriteOrder for an order to act in).
   */
  private reindexPod(key: string, old: Pod | undefined, pod: Pod | undefined): void {
    moveEntry(this.podsByOwner, firstOwnerUid(old), firstOwnerUid(pod), key, pod);
    moveEntry(this.podsByNode, old?.spec.nodeName, pod?.spec.nodeName, key, pod);
    const oldIp = old?.status.podIP;
    const ip = pod?.status.podIP;
    if (oldIp && oldIp !== ip && this.podByIP.get(oldIp) === key) this.podByIP.delete(oldIp);
    if (ip) this.podByIP.set(ip, key);
    if (pod && !pod.metadata.ownerReferences?.some((o) => o.controller)) this.orphanPods.add(key);
    else this.orphanPods.delete(key);
    if (
      old &&
      pod &&
      old.metadata.namespace === pod.metadata.namespace &&
      sameLabels(old.metadata.labels, pod.metadata.labels)
    )
      return;
    if (old) for (const p of labelPairs(old)) setRemove(this.podsByLabelPair, p, key);
    if (pod) for (const p of labelPairs(pod)) setAdd(this.podsByLabelPair, p, key);
  }

  private reindexService(old: Service | undefined, svc: Service | undefined): void {
    const pairs = (s: Service) =>
      Object.entries(s.spec.selector ?? {}).map(([k, v]) => `${s.metadata.namespace}|${k}=${v}`);
    const key = (s: Service) => objectKey(s.metadata.namespace, s.metadata.name);
    if (old) for (const p of pairs(old)) setRemove(this.servicesBySelectorPair, p, key(old));
    if (svc) for (const p of pairs(svc)) setAdd(this.servicesBySelectorPair, p, key(svc));
  }
}

function labelPairs(p: Pod): string[] {
  const ns = p.metadata.namespace ?? '';
  return Object.entries(p.metadata.labels ?? {}).map(([k, v]) => `${ns}|${k}=${v}`);
}

function firstOwnerUid(p: Pod | undefined): string | undefined {
  return p?.metadata.ownerReferences?.[0]?.uid;
}

/** Same label keys and values (order aside: the index does not depend on it). */
function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined) {
  if (a === b) return true;
  let n = 0;
  for (const k in a) {
    if (a[k] !== b?.[k]) return false;
    n++;
  }
  for (const k in b) if (--n < 0 || b[k] !== a?.[k]) return false;
  return n === 0;
}

/**
 * Moves `key` from bucket `from` to bucket `to`; within the same bucket it only swaps in the new
 * object (no Map delete + re-insert churn on every pod write). Readers that act on a bucket's pods
 * one by one take them inWriteOrder.
 */
function moveEntry(
  index: Map<string, Map<string, Pod>>,
  from: string | undefined,
  to: string | undefined,
  key: string,
  obj: Pod | undefined,
): void {
  if (obj && from !== undefined && from === to) {
    const m = index.get(from);
    if (m?.has(key)) {
      m.set(key, obj);
      return;
    }
  }
  if (from !== undefined) {
    const m = index.get(from);
    if (m) {
      m.delete(key);
      if (m.size === 0 && from !== to) index.delete(from);
    }
  }
  if (to === undefined || !obj) return;
  let m = index.get(to);
  if (!m) index.set(to, (m = new Map()));
  m.set(key, obj);
}

function setAdd(index: Map<string, Set<string>>, k: string | undefined, v: string): void {
  if (k === undefined) return;
  let s = index.get(k);
  if (!s) index.set(k, (s = new Set()));
  s.add(v);
}

function setRemove(index: Map<string, Set<string>>, k: string | undefined, v: string): void {
  if (k === undefined) return;
  const s = index.get(k);
  if (!s) return;
  s.delete(v);
  if (s.size === 0) index.delete(k);
}
