// Cluster DNS (G): CoreDNS's kubernetes plugin answering A records for Services, headless Services
// and pods, CNAMEs for ExternalName, SRV for named ports — and the pod's resolver walking its
// search path with ndots:5, so a bare name causes the queries it really causes.
import { objectKey } from '../api/store';
import type { Service } from '../api/types';
import type { Cluster } from '../cluster';
import { ipToInt } from '../util/ip';

export const DNS_TTL_SECONDS = 30;

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

  get serverIP(): string {
    return '10.96.0.10';
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
