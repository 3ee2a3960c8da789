// What every kube-proxy programs, as versioned data: one entry per Service port (VIPs, node port,
// policies, endpoints sorted by "ip:port"). Each node remembers the version it last synced, so a
// node that has not synced yet still routes with its older rules (E.1) — without copying the table.
import type { Protocol, ServiceType } from '../api/types';
import { jsonEqual } from '../util/jsonEqual';

/** One endpoint as kube-proxy sees it (from EndpointSlices). */
export interface ProxyEndpoint {
  ip: string;
  port: number;
  node: string | undefined;
  pod: string | undefined;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** One Service port, as kube-proxy turns it into rules. */
export interface ServicePortInfo {
  /** `ns/svc:portName` (no `:portName` when unnamed): kube-proxy's servicePortName. */
  name: string;
  namespace: string;
  service: string;
  portName: string;
  protocol: Protocol;
  type: ServiceType;
  clusterIP: string;
  port: number;
  nodePort: number | undefined;
  externalIPs: string[];
  loadBalancerIPs: string[];
  internalLocal: boolean;
  externalLocal: boolean;
  /** ClientIP affinity timeout in seconds; 0 when sessionAffinity is None. */
  affinitySeconds: number;
  endpoints: ProxyEndpoint[];
}

interface Revision {
  v: number;
  info: ServicePortInfo | null;
}

/** The versioned table of all Service ports. */
export class ProxyTable {
  version = 0;
  private readonly history = new Map<string, Revision[]>();
  /** `ip:port/proto` (ClusterIP, external IPs, LB IPs) → entry id. */
  readonly vipIndex = new Map<string, string>();
  /** `nodePort/proto` → entry id. */
  readonly nodePortIndex = new Map<string, string>();
  /** Rough iptables rule count of the current table (for sync cost and lesson 12). */
  ruleCount = 0;
  /** Cumulative rules written by all changes, by version (for incremental sync costs). */
  private readonly workByVersion: number[] = [0];
  /** Oldest version some node still uses; revisions older than it can be dropped. */
  private minLiveVersion = 0;
  /** Entries holding more than one revision: the only ones a newer minLiveVersion can trim. */
  private readonly layered = new Set<string>();

  /** Current info of every live entry. */
  *current(): Generator<ServicePortInfo> {
    for (const revs of this.history.values()) {
      const last = revs[revs.length - 1];
      if (last?.info) yield last.info;
    }
  }

  /** Every entry as a node that synced at version `v` sees it (live ones only). */
  *atVersion(v: number): Generator<ServicePortInfo> {
    for (const id of this.history.keys()) {
      const info = this.at(id, v);
      if (info) yield info;
    }
  }

  /** The entry as a node that synced at version `v` sees it. */
  at(id: string, v: number): ServicePortInfo | null {
    const revs = this.history.get(id);
    if (!revs) return null;
    for (let i = revs.length - 1; i >= 0; i--) {
      const r = revs[i] as Revision;
      if (r.v <= v) return r.info;
    }
    return null;
  }

  /** Replaces the entries of one Service (all its ports); bumps the version when anything changed. */
  setService(svcKey: string, infos: ServicePortInfo[], owned: Set<string>): boolean {
    const ids = new Set(infos.map(entryId));
    let changed = false;
    const nextVersion = this.version + 1;
    let work = 0;
    for (const id of owned) {
      if (ids.has(id)) continue;
      const cur = this.at(id, Infinity);
      if (cur) {
        this.push(id, nextVersion, null);
        this.ruleCount -= ruleCost(cur);
        work += ruleCost(cur);
        changed = true;
      }
      owned.delete(id);
    }
    for (const info of infos) {
      const id = entryId(info);
      const cur = this.at(id, Infinity);
      if (cur && jsonEqual(cur, info)) continue;
      this.push(id, nextVersion, info);
      this.ruleCount += ruleCost(info) - (cur ? ruleCost(cur) : 0);
      work += ruleCost(info);
      owned.add(id);
      changed = true;
      for (const ip of [info.clusterIP, ...info.externalIPs, ...info.loadBalancerIPs]) {
        if (ip && ip !== 'None') this.vipIndex.set(`${ip}:${info.port}/${info.protocol}`, id);
      }
      if (info.nodePort) this.nodePortIndex.set(`${info.nodePort}/${info.protocol}`, id);
    }
    void svcKey;
    if (changed) {
      this.version = nextVersion;
      this.workByVersion[nextVersion] = (this.workByVersion[nextVersion - 1] ?? 0) + work;
    }
    return changed;
  }

  /** Rules written by changes after version `from` up to the current one. */
  workSince(from: number): number {
    return (this.workByVersion[this.version] ?? 0) - (this.workByVersion[from] ?? 0);
  }

  /** Every node has synced at least version `v`: drops the revisions none of them can see any more. */
  setMinLiveVersion(v: number): void {
    if (v <= this.minLiveVersion) return;
    this.minLiveVersion = v;
    for (const id of this.layered) {
      const revs = this.history.get(id);
      if (revs) this.trim(revs);
      if (!revs || revs.length <= 1) this.layered.delete(id);
    }
  }

  private push(id: string, v: number, info: ServicePortInfo | null): void {
    let revs = this.history.get(id);
    if (!revs) this.history.set(id, (revs = []));
    revs.push({ v, info });
    this.trim(revs);
    if (revs.length > 1) this.layered.add(id);
  }

  /** Keeps the newest revision at or below minLiveVersion and everything after it. */
  private trim(revs: Revision[]): void {
    let firstLive = 0;
    for (let i = revs.length - 1; i >= 0; i--) {
      if ((revs[i] as Revision).v <= this.minLiveVersion) {
        firstLive = i;
        break;
      }
    }
    if (firstLive > 0) revs.splice(0, firstLive);
  }
}

/** Unique id of an entry: servicePortName plus protocol. */
export function entryId(info: ServicePortInfo): string {
  return `${info.name}/${info.protocol}`;
}

/** Approximate iptables rules an entry contributes (service rules + 3 per endpoint). */
export function ruleCost(info: ServicePortInfo): number {
  return 3 + (info.nodePort ? 3 : 0) + info.endpoints.length * 3;
}
