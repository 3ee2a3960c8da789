// Cluster DNS (G): CoreDNS's kubernetes plugin answering A records for Services, headless Services
// and pods, CNAMEs for ExternalName, SRV for named ports, PTR for ClusterIPs and headless endpoints,
// the dns-version TXT — and the pod's resolver walking its search path with ndots:5, so a bare
// name causes the queries it really causes.
import { objectKey } from '../api/store';
import type { Service } from '../api/types';
import type { Cluster } from '../cluster';
import { indexedIp, ipToInt } from '../util/ip';

/** kubeadm's Corefile: `ttl 30` in the kubernetes plugin. */
export const DNS_TTL_SECONDS = 30;
/** The DNS schema version the cluster serves (`dns-version.<zone>. 28800 IN TXT "1.1.0"`). */
export const DNS_SCHEMA_VERSION = '1.1.0';

/** Question types the simulated CoreDNS answers directly (dig/nslookup -type=…). */
export type QueryType = 'A' | 'SRV' | 'PTR' | 'TXT';

/** One question for an absolute name and its answer; `answers` hold the record data as dig shows it. */
export interface DnsAnswer {
  name: string;
  type: QueryType;
  rcode: 'NOERROR' | 'NXDOMAIN';
  ttl: number;
  answers: string[];
  cname?: string;
}

/** One DNS query and its answer. */
export interface DnsQuery {
  name: string;
  type: 'A';
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: string[];
  cname?: string;
}

/** The result of resolving a name from a pod. */
export interface Resolution {
  queries: DnsQuery[];
  /** The first address of the answer, or null on NXDOMAIN. */
  ip: string | null;
  /** The fully qualified name that answered. */
  fqdn: string | null;
}

/** The pod's /etc/resolv.conf with dnsPolicy ClusterFirst. */
export function resolvConf(c: Cluster, namespace: string): string {
  const d = c.config.clusterDomain;
  return `search ${namespace}.svc.${d} svc.${d} ${d}\nnameserver ${c.ctl.dns.serverIP}\noptions ndots:5\n`;
}

/** CoreDNS for the cluster. */
export class ClusterDns {
  constructor(private readonly c: Cluster) {}

  /** kube-dns's ClusterIP: the 10th address of the service range, as kubeadm sets it (A.1). */
  get serverIP(): string {
    return indexedIp(this.c.config.serviceCIDR, 10);
  }

  /** Resolves `name` as a pod in `namespace` would (search list first when dots < ndots). */
  resolve(name: string, namespace: string): Resolution {
    const d = this.c.config.clusterDomain;
    const absolute = name.endsWith('.');
    const bare = absolute ? name.slice(0, -1) : name;
    const dots = (bare.match(/\./g) ?? []).length;
    const candidates: string[] = [];
    const search = [`${namespace}.svc.${d}`, `svc.${d}`, d];
    if (absolute) candidates.push(bare);
    else if (dots < 5) candidates.push(...search.map((s) => `${bare}.${s}`), bare);
    else candidates.push(bare, ...search.map((s) => `${bare}.${s}`));
    const queries: DnsQuery[] = [];
    for (const fqdn of candidates) {
      const q = this.answer(fqdn, 0);
      queries.push(q);
      if (q.rcode === 'NOERROR' && q.answers.length > 0)
        return { queries, ip: q.answers[0] ?? null, fqdn };
    }
    return { queries, ip: null, fqdn: null };
  }

  /**
   * Answers one question for an absolute name (case-insensitive, trailing dot optional) the way the
   * kubernetes plugin does: SRV `0 <100/N> <port> <target>.` for named ports, PTR to the Service or
   * headless endpoint name, TXT for dns-version. Names without such records are NXDOMAIN.
   */
  query(name: string, type: QueryType): DnsAnswer {
    const fqdn = name.toLowerCase().replace(/\.$/, '');
    const base = { name: `${fqdn}.`, type, ttl: DNS_TTL_SECONDS };
    const found = (answers: string[], ttl = DNS_TTL_SECONDS): DnsAnswer =>
      answers.length > 0
        ? { ...base, ttl, rcode: 'NOERROR', answers }
        : { ...base, rcode: 'NXDOMAIN', answers: [] };
    if (type === 'A') {
      const a = this.answer(fqdn, 0);
      return {
        ...base,
        rcode: a.rcode,
        answers: a.answers,
        ...(a.cname ? { cname: a.cname } : {}),
      };
    }
    if (type === 'TXT')
      return found(
        fqdn === `dns-version.${this.c.config.clusterDomain}` ? [`"${DNS_SCHEMA_VERSION}"`] : [],
        28800,
      );
    return found(type === 'PTR' ? this.ptr(fqdn) : this.srv(fqdn));
  }

  /** `_<port>._<proto>.<svc>.<ns>.svc.<zone>`: one record per named port (× ready endpoint if headless). */
  private srv(fqdn: string): string[] {
    const d = this.c.config.clusterDomain;
    const suffix = `.svc.${d}`;
    if (!fqdn.endsWith(suffix)) return [];
    const labels = fqdn.slice(0, -suffix.length).split('.');
    const [port = '', proto = '', svcName = '', ns = ''] = labels;
    if (labels.length !== 4 || !port.startsWith('_') || !proto.startsWith('_')) return [];
    const portName = port.slice(1);
    const svc = this.c.store.get('Service', objectKey(ns, svcName));
    const sp = svc?.spec.ports?.find(
      (p) => p.name === portName && `_${(p.protocol ?? 'TCP').toLowerCase()}` === proto,
    );
    if (!svc || !sp || svc.spec.type === 'ExternalName') return [];
    const host = `${svcName}.${ns}.svc.${d}.`;
    if (svc.spec.clusterIP !== 'None') return [`0 100 ${sp.port} ${host}`];
    const targets: [number, string][] = [];
    for (const s of this.c.ctl.sliceIndex.slicesFor(objectKey(ns, svcName))) {
      const slicePort = s.ports.find(
        (p) => p.name === portName && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'),
      )?.port;
      for (const e of s.endpoints) {
        const ip = e.addresses[0];
        if (!ip || slicePort === undefined || e.conditions.ready === false) continue;
        targets.push([slicePort, `${e.hostname ?? ip.replace(/\./g, '-')}.${host}`]);
      }
    }
    const weight = Math.floor(100 / Math.max(1, targets.length));
    return targets.map(([port, target]) => `0 ${weight} ${port} ${target}`);
  }

  /** `<d>.<c>.<b>.<a>.in-addr.arpa` → the Service owning that ClusterIP, or a headless endpoint. */
  private ptr(fqdn: string): string[] {
    const m = fqdn.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/);
    if (!m) return [];
    const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
    const d = this.c.config.clusterDomain;
    for (const svc of this.c.store.list('Service')) {
      const name = `${svc.metadata.name}.${svc.metadata.namespace ?? 'default'}.svc.${d}.`;
      if (svc.spec.clusterIP === ip) return [name];
      if (svc.spec.clusterIP !== 'None') continue;
      const ep = this.headlessEndpoints(this.c.key(svc)).find((e) => e.ip === ip);
      if (ep) return [`${ep.host}.${name}`];
    }
    return [];
  }

  /** Answers one A query for a fully qualified name (following a CNAME inside the cluster). */
  answer(fqdn: string, depth: number): DnsQuery {
    const d = this.c.config.clusterDomain;
    const nx: DnsQuery = { name: `${fqdn}.`, type: 'A', rcode: 'NXDOMAIN', answers: [] };
    const svcSuffix = `.svc.${d}`;
    if (fqdn.endsWith(`.pod.${d}`)) {
      const head = fqdn.slice(0, -`.pod.${d}`.length).split('.');
      const ip = (head[0] ?? '').replace(/-/g, '.');
      return ipToInt(ip) === null || head.length !== 2
        ? nx
        : { ...nx, rcode: 'NOERROR', answers: [ip] };
    }
    if (!fqdn.endsWith(svcSuffix)) return nx;
    const parts = fqdn.slice(0, -svcSuffix.length).split('.');
    if (parts.length === 2) {
      const [svcName = '', ns = ''] = parts;
      const svc = this.c.store.get('Service', objectKey(ns, svcName));
      if (!svc) return nx;
      return this.serviceAnswer(svc, nx, depth);
    }
    if (parts.length === 3) {
      // <hostname>.<svc>.<ns>.svc.<zone> for headless endpoints.
      const [host = '', svcName = '', ns = ''] = parts;
      const ip = this.headlessEndpoints(objectKey(ns, svcName)).find((e) => e.host === host)?.ip;
      return ip ? { ...nx, rcode: 'NOERROR', answers: [ip] } : nx;
    }
    return nx;
  }

  private serviceAnswer(svc: Service, nx: DnsQuery, depth: number): DnsQuery {
    if (svc.spec.type === 'ExternalName') {
      const target = (svc.spec.externalName ?? '').replace(/\.$/, '');
      const inner = depth < 8 ? this.answer(target, depth + 1) : { ...nx };
      return { ...nx, rcode: inner.rcode, answers: inner.answers, cname: target };
    }
    if (svc.spec.clusterIP === 'None') {
      const ips = this.headlessEndpoints(this.c.key(svc)).map((e) => e.ip);
      if (ips.length === 0) return nx;
      // CoreDNS `loadbalance` shuffles A records in every answer.
      for (let i = ips.length - 1; i > 0; i--) {
        const j = this.c.rng.int(i + 1);
        [ips[i], ips[j]] = [ips[j] as string, ips[i] as string];
      }
      return { ...nx, rcode: 'NOERROR', answers: ips };
    }
    return svc.spec.clusterIP ? { ...nx, rcode: 'NOERROR', answers: [svc.spec.clusterIP] } : nx;
  }

  /** Ready endpoints of a headless Service, with their DNS hostnames (dashed IP when unset). */
  headlessEndpoints(svcKey: string): { ip: string; host: string }[] {
    const out: { ip: string; host: string }[] = [];
    const seen = new Set<string>();
    for (const s of this.c.ctl.sliceIndex.slicesFor(svcKey)) {
      for (const e of s.endpoints) {
        const ip = e.addresses[0];
        if (!ip || seen.has(ip) || e.conditions.ready === false) continue;
        seen.add(ip);
        out.push({ ip, host: e.hostname ?? ip.replace(/\./g, '-') });
      }
    }
    return out;
  }
}
