// kube-proxy on every node (E): watches Services and EndpointSlices, syncs its node's rules at most
// once per minSyncPeriod (1 s) a little after each change, and answers "what does this node's ruleset
// do with a packet to ip:port?" — choosing endpoints as iptables, IPVS or nftables really would.
import { objectKey } from '../api/store';
import type { EndpointSlice, Protocol, Service } from '../api/types';
import type { Cluster, ProxyMode } from '../cluster';
import { SERVICE_NAME_LABEL } from '../controllers/endpointslice';
import { WorkQueue } from '../sim/workQueue';
import { sha256Base32 } from '../util/hash';
import { mergePort, type PortMerge } from './endpointMerge';
import { ProxyTable, type ProxyEndpoint, type ServicePortInfo } from './proxyTable';

export const MIN_SYNC_PERIOD_MS = 1000;

/** A node's kube-proxy state. */
export interface NodeProxy {
  node: string;
  syncedVersion: number;
  lastSyncStart: number;
  lastSyncAt: number;
  lastSyncDurationMs: number;
  syncs: number;
  pending: boolean;
  /** Packet counters by chain / virtual server / map element name. */
  counters: Map<string, number>;
  rr: Map<string, number>;
  affinity: Map<string, { ep: string; last: number }>;
}

/** What a node's rules did with a packet. */
export interface RouteResult {
  info: ServicePortInfo | null;
  verdict: 'dnat' | 'reject' | 'drop' | 'nomatch';
  endpoint: ProxyEndpoint | null;
  chains: string[];
  masquerade: boolean;
  /** The node's rules are older than the API's current state. */
  stale: boolean;
  lookupMs: number;
}

/** Everything of a ServicePortInfo but its endpoints: it depends on the Service object alone. */
type PortStatics = Omit<ServicePortInfo, 'endpoints'>;

/** The Service's ports as kube-proxy sees them, before endpoints (built once per Service object). */
function portStatics(svc: Service, ip: string, ns: string): PortStatics[] {
  const svcName = `${ns}/${svc.metadata.name}`;
  const external = svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer';
  return (svc.spec.ports ?? []).map((sp) => {
    const portName = sp.name ?? '';
    return {
      name: portName ? `${svcName}:${portName}` : svcName,
      namespace: ns,
      service: svc.metadata.name,
      portName,
      protocol: sp.protocol ?? 'TCP',
      type: svc.spec.type ?? 'ClusterIP',
      clusterIP: ip,
      port: sp.port,
      nodePort: external ? sp.nodePort : undefined,
      externalIPs: svc.spec.externalIPs ?? [],
      loadBalancerIPs: (svc.status.loadBalancer.ingress ?? []).map((i) => i.ip),
      internalLocal: svc.spec.internalTrafficPolicy === 'Local',
      externalLocal: external && svc.spec.externalTrafficPolicy === 'Local',
      affinitySeconds:
        svc.spec.sessionAffinity === 'ClientIP'
          ? (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800)
          : 0,
    };
  });
}

/** KUBE-SVC-… / KUBE-SEP-… names (E.2). */
export function svcChain(prefix: 'SVC' | 'SVL' | 'EXT' | 'FW', info: ServicePortInfo): string {
  const key = info.name + info.protocol;
  let h = chainHashes.get(key);
  if (h === undefined)
    chainHashes.set(key, (h = sha256Base32(info.name + info.protocol.toLowerCase()).slice(0, 16)));
  return `KUBE-${prefix}-${h}`;
}

/** servicePortName+protocol(+endpoint) → 16-char hash; names repeat on every packet, so remember them. */
const chainHashes = new Map<string, string>();

export function sepChain(info: ServicePortInfo, ep: ProxyEndpoint): string {
  const key = `${info.name}${info.protocol}${ep.ip}:${ep.port}`;
  let h = chainHashes.get(key);
  if (h === undefined) {
    h = sha256Base32(info.name + info.protocol.toLowerCase() + `${ep.ip}:${ep.port}`).slice(0, 16);
    if (chainHashes.size > 200_000) chainHashes.clear();
    chainHashes.set(key, h);
  }
  return `KUBE-SEP-${h}`;
}

/** nftables chain names (E.7). */
export function nftServiceChain(info: ServicePortInfo): string {
  const rest = `${info.namespace}/${info.service}/${info.protocol.toLowerCase()}/${info.portName}`;
  return `service-${sha256Base32(rest).slice(0, 8)}-${rest}`;
}

export function nftEndpointChain(info: ServicePortInfo, ep: ProxyEndpoint): string {
  const rest = `${info.namespace}/${info.service}/${info.protocol.toLowerCase()}/${info.portName}__${ep.ip}/${ep.port}`;
  return `endpoint-${sha256Base32(rest).slice(0, 8)}-${rest}`;
}

/** CategorizeEndpoints (E.8): ready endpoints, else serving-and-terminating ones. */
export function usableEndpoints(eps: ProxyEndpoint[]): ProxyEndpoint[] {
  const ready = eps.filter((e) => e.ready);
  return ready.length > 0 ? ready : eps.filter((e) => e.serving && e.terminating);
}

/** All nodes' kube-proxies plus the shared, versioned rule table. */
export class KubeProxy {
  readonly table = new ProxyTable();
  readonly nodes = new Map<string, NodeProxy>();
  private readonly owned = new Map<string, Set<string>>();
  /** Service object → its ports' fixed parts (a new Service object gets new ones). */
  private readonly portStatics = new WeakMap<Service, PortStatics[]>();
  /** Service key → its ports' endpoints as the last rebuild merged them. */
  private readonly merges = new Map<string, PortMerge[]>();
  private readonly queue: WorkQueue;
  /** Nodes with no sync scheduled: the only ones a change has to touch. */
  private readonly idle = new Set<NodeProxy>();
  private syncsSinceMinLive = 0;

  constructor(private readonly c: Cluster) {
    this.queue = new WorkQueue(
      c.queue,
      () => c.now,
      () => 1,
      (k) => this.rebuild(k),
    );
    c.store.onChange((ch) => {
      if (ch.kind === 'Service') this.queue.add(ch.key);
      if (ch.kind === 'EndpointSlice') {
        const s = (ch.obj ?? ch.old) as EndpointSlice;
        const svc = s.metadata.labels?.[SERVICE_NAME_LABEL];
        if (svc) this.queue.add(objectKey(s.metadata.namespace, svc));
      }
    });
  }

  get mode(): ProxyMode {
    return this.c.config.proxyMode;
  }

  boot(): void {
    for (const n of this.c.ctl.nodes.runtime.keys()) {
      const np: NodeProxy = {
        node: n,
        syncedVersion: 0,
        lastSyncStart: -Infinity,
        lastSyncAt: 0,
        lastSyncDurationMs: 0,
        syncs: 0,
        pending: false,
        counters: new Map(),
        rr: new Map(),
        affinity: new Map(),
      };
      this.nodes.set(n, np);
      this.idle.add(np);
    }
  }

  private rebuild(svcKey: string): void {
    const svc = this.c.store.get('Service', svcKey);
    const merges: PortMerge[] = [];
    const infos = svc ? this.serviceInfos(svc, this.merges.get(svcKey), merges) : [];
    if (merges.length > 0) this.merges.set(svcKey, merges);
    else this.merges.delete(svcKey);
    let owned = this.owned.get(svcKey);
    if (!owned) this.owned.set(svcKey, (owned = new Set()));
    if (this.table.setService(svcKey, infos, owned)) this.requestSyncAll();
  }

  /**
   * Service + its EndpointSlices → one info per port (the endpointslicecache's merge). `prev` holds
   * the last rebuild's per-port merges (patched when only a few slice entries changed); the new
   * ones are pushed onto `next`.
   */
  serviceInfos(svc: Service, prev?: PortMerge[], next?: PortMerge[]): ServicePortInfo[] {
    const ip = svc.spec.clusterIP;
    if (svc.spec.type === 'ExternalName' || !ip || ip === 'None') return [];
    const ns = svc.metadata.namespace ?? 'default';
    const slices = this.c.ctl.sliceIndex.slicesFor(objectKey(ns, svc.metadata.name));
    let statics = this.portStatics.get(svc);
    if (!statics) this.portStatics.set(svc, (statics = portStatics(svc, ip, ns)));
    return statics.map((fixed, i) => {
      const merged = mergePort(slices, fixed.portName, fixed.protocol, prev?.[i]);
      next?.push(merged);
      // merged.eps is never written: a patch copies before it changes anything.
      return { ...fixed, endpoints: merged.eps };
    });
  }

  private requestSyncAll(): void {
    for (const np of [...this.idle]) this.requestSync(np);
  }

  /** BoundedFrequencyRunner: run soon after a change, but not sooner than minSyncPeriod after the last run. */
  private requestSync(np: NodeProxy): void {
    if (np.pending || this.c.ctl.nodes.get(np.node)?.failed) return;
    np.pending = true;
    this.idle.delete(np);
    const informerDelay = this.c.rng.between(2, 40);
    const at = Math.max(this.c.now + informerDelay, np.lastSyncStart + MIN_SYNC_PERIOD_MS);
    this.c.after(at - this.c.now, () => this.sync(np));
  }

  private sync(np: NodeProxy): void {
    if (this.c.ctl.nodes.get(np.node)?.failed) {
      np.pending = false;
      this.idle.add(np);
      return;
    }
    const version = this.table.version;
    const duration = this.syncCostMs(np.syncedVersion);
    np.lastSyncStart = this.c.now;
    this.c.after(duration, () => {
      np.syncedVersion = Math.max(np.syncedVersion, version);
      np.lastSyncAt = this.c.now;
      np.lastSyncDurationMs = duration;
      np.syncs++;
      // Recomputing the oldest live version is O(nodes): do it once per round of node syncs.
      if (++this.syncsSinceMinLive >= this.nodes.size) {
        this.syncsSinceMinLive = 0;
        this.updateMinLive();
      }
      np.pending = false;
      this.idle.add(np);
      if (this.table.version > np.syncedVersion) this.requestSync(np);
    });
  }

  /** Modelled time to apply rules: iptables-restore grows with the whole table, nftables/IPVS with the change. */
  syncCostMs(fromVersion: number): number {
    const work = this.table.workSince(fromVersion);
    if (this.mode === 'iptables')
      return Math.round((2 + this.table.ruleCount * 0.01 + work * 0.002) * 10) / 10;
    return Math.round((2 + work * 0.01) * 10) / 10;
  }

  private updateMinLive(): void {
    let min = Infinity;
    for (const np of this.nodes.values()) if (np.syncedVersion < min) min = np.syncedVersion;
    this.table.setMinLiveVersion(min === Infinity ? 0 : min);
  }

  nodeRecovered(node: string): void {
    const np = this.nodes.get(node);
    if (np) this.requestSync(np);
  }

  /** Looks up the entry a destination hits on a node, as of that node's synced rules. */
  lookup(
    node: string,
    ip: string,
    port: number,
    protocol: Protocol,
    viaNodePort: boolean,
  ): { info: ServicePortInfo | null; stale: boolean } {
    const np = this.nodes.get(node);
    if (!np) return { info: null, stale: false };
    const id = viaNodePort
      ? this.table.nodePortIndex.get(`${port}/${protocol}`)
      : this.table.vipIndex.get(`${ip}:${port}/${protocol}`);
    if (!id) return { info: null, stale: false };
    const info = this.table.at(id, np.syncedVersion);
    const now = this.table.at(id, Infinity);
    return { info, stale: info !== now };
  }

  count(np: NodeProxy, name: string): void {
    np.counters.set(name, (np.counters.get(name) ?? 0) + 1);
  }

  /** Picks an endpoint among `eps` the way this proxy mode does, counting the rules traversed. */
  choose(
    np: NodeProxy,
    info: ServicePortInfo,
    eps: ProxyEndpoint[],
    clientIP: string,
    chains: string[],
  ): ProxyEndpoint | null {
    if (eps.length === 0) return null;
    const key = `${info.name}/${info.protocol}`;
    if (info.affinitySeconds > 0) {
      const a = np.affinity.get(`${key}|${clientIP}`);
      const hit =
        a && this.c.now - a.last <= info.affinitySeconds * 1000
          ? eps.find((e) => `${e.ip}:${e.port}` === a.ep)
          : undefined;
      if (hit) {
        np.affinity.set(`${key}|${clientIP}`, { ep: `${hit.ip}:${hit.port}`, last: this.c.now });
        chains.push(`affinity:${hit.ip}:${hit.port}`);
        return hit;
      }
    }
    let chosen: ProxyEndpoint;
    if (this.mode === 'iptables') {
      let i = 0;
      for (; i < eps.length - 1; i++) if (this.c.rng.next() < 1 / (eps.length - i)) break;
      chosen = eps[i] as ProxyEndpoint;
    } else if (this.mode === 'ipvs' && this.c.config.ipvsScheduler === 'sh') {
      let h = 0;
      for (const ch of clientIP) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
      chosen = eps[h % eps.length] as ProxyEndpoint;
    } else if (this.mode === 'ipvs') {
      const n = np.rr.get(key) ?? 0;
      np.rr.set(key, n + 1);
      chosen = eps[n % eps.length] as ProxyEndpoint;
    } else {
      chosen = eps[this.c.rng.int(eps.length)] as ProxyEndpoint;
    }
    if (info.affinitySeconds > 0)
      np.affinity.set(`${key}|${clientIP}`, {
        ep: `${chosen.ip}:${chosen.port}`,
        last: this.c.now,
      });
    return chosen;
  }
}
