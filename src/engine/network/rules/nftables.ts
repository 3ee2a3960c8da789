// nftables mode (E.7): table ip kube-proxy with the service-ips and service-nodeports verdict maps,
// a chain per service port that picks an endpoint with `numgen random mod N vmap`, a chain per
// endpoint that DNATs, and for node ports, external and load-balancer IPs an `external-` chain
// (masquerade for Cluster policy; for Local, pod and local traffic short-circuit to the service
// chain and the rest goes to the node's own endpoints in a `local-` chain).
import { nftEndpointChain, nftServiceChain, usableEndpoints } from '../kubeProxy';
import type { ProxyEndpoint, ServicePortInfo } from '../proxyTable';
import { externallyAccessible } from './iptablesExternal';
import type { RuleLine } from './types';

/** Map elements and chains for a node; `clusterCIDR` is the pod network (masquerade test). */
export function nftablesRules(
  infos: ServicePortInfo[],
  node: string,
  clusterCIDR: string,
  count: (name: string) => number,
): RuleLine[] {
  const lines: RuleLine[] = [];
  const sorted = [...infos].sort((a, b) => a.name.localeCompare(b.name));
  for (const info of sorted) {
    const svc = `${info.namespace}/${info.service}`;
    const add = (table: RuleLine['table'], chain: string, text: string, packets = 0) =>
      lines.push({ table, chain, text, packets, service: svc });
    const chain = nftServiceChain(info);
    const localChain = `local-${chain.slice('service-'.length)}`;
    const all = usableEndpoints(info.endpoints);
    const local = usableEndpoints(info.endpoints.filter((e) => e.node === node));
    const ext = externallyAccessible(info);
    // The Cluster policy chain holds every endpoint, the Local one this node's (E.4, E.5); a
    // Service uses the Cluster chain for Cluster internal traffic, and whenever it is reachable
    // from outside (pod traffic to a node port is short-circuited to it even for Local).
    const useCluster = all.length > 0 && (!info.internalLocal || ext);
    const useLocal = local.length > 0 && (info.internalLocal || (ext && info.externalLocal));
    const internal = info.internalLocal ? localChain : chain;
    if ((info.internalLocal ? local : all).length === 0) {
      const verdict = info.internalLocal && all.length > 0 ? 'drop' : 'goto reject-chain';
      add(
        'map',
        'no-endpoint-services',
        `${info.clusterIP} . tcp . ${info.port} comment "${info.name}" : ${verdict}`,
      );
    } else
      add(
        'map',
        'service-ips',
        `${info.clusterIP} . tcp . ${info.port} : goto ${internal}`,
        count(internal),
      );
    const masquerade = `ip daddr ${info.clusterIP} tcp dport ${info.port} ip saddr != ${clusterCIDR} jump mark-for-masquerade`;
    const sets = new Set<string>();
    if (useCluster) {
      if (!info.internalLocal) add('chain', chain, masquerade);
      pickEndpoint(info, chain, all, sets, add, count);
    }
    if (ext) externalRules(info, chain, localChain, all, local, clusterCIDR, add, count);
    if (useLocal) {
      if (info.internalLocal) add('chain', localChain, masquerade);
      pickEndpoint(info, localChain, local, sets, add, count);
    }
    // One chain per endpoint some rule above goes to.
    const seen = new Set<string>();
    for (const ep of [...(useCluster ? all : []), ...(useLocal ? local : [])]) {
      const epChain = nftEndpointChain(info, ep);
      if (seen.has(epChain)) continue;
      seen.add(epChain);
      add('chain', epChain, `ip saddr ${ep.ip} jump mark-for-masquerade`);
      if (info.affinitySeconds > 0)
        add('chain', epChain, `update @${affinitySet(epChain)} { ip saddr }`);
      add('chain', epChain, `meta l4proto tcp dnat to ${ep.ip}:${ep.port}`, count(epChain));
    }
  }
  return lines;
}

type Add = (table: RuleLine['table'], chain: string, text: string, packets?: number) => void;

/** ClientIP affinity sets (E.3, one per endpoint), checked before the random pick; the pick. */
function pickEndpoint(
  info: ServicePortInfo,
  chain: string,
  eps: ProxyEndpoint[],
  sets: Set<string>,
  add: Add,
  count: (name: string) => number,
): void {
  if (info.affinitySeconds > 0)
    for (const ep of eps) {
      const epChain = nftEndpointChain(info, ep);
      const set = affinitySet(epChain);
      if (!sets.has(set)) add('set', set, `timeout ${nftTime(info.affinitySeconds)}`);
      sets.add(set);
      add('chain', chain, `ip saddr @${set} goto ${epChain}`);
    }
  const vmap = eps.map((ep, i) => `${i} : goto ${nftEndpointChain(info, ep)}`).join(' , ');
  add('chain', chain, `numgen random mod ${eps.length} vmap { ${vmap} }`, count(chain));
}

/**
 * Node port, external and load-balancer IPs (E.7 with E.2, E.4, E.5): map elements that go to the
 * `external-` chain while the Service has endpoints (usable ones on this node, for Local), else
 * `no-endpoint-*` elements that reject (no endpoints at all) or drop (none on this node).
 */
function externalRules(
  info: ServicePortInfo,
  chain: string,
  localChain: string,
  all: ProxyEndpoint[],
  local: ProxyEndpoint[],
  clusterCIDR: string,
  add: Add,
  count: (name: string) => number,
): void {
  const base = chain.slice('service-'.length);
  const ext = `external-${base}`;
  const vips = [...info.externalIPs, ...info.loadBalancerIPs];
  if (all.length > 0) {
    if (info.externalLocal) {
      add(
        'chain',
        ext,
        `ip saddr ${clusterCIDR} goto ${chain} comment "short-circuit pod traffic"`,
      );
      add(
        'chain',
        ext,
        'fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"',
      );
      add('chain', ext, `fib saddr type local goto ${chain} comment "short-circuit local traffic"`);
      if (local.length > 0) add('chain', ext, `goto ${localChain}`, count(ext));
    } else {
      add('chain', ext, 'jump mark-for-masquerade');
      add('chain', ext, `goto ${chain}`, count(ext));
    }
    for (const ip of vips) add('map', 'service-ips', `${ip} . tcp . ${info.port} : goto ${ext}`);
    if (info.nodePort)
      add('map', 'service-nodeports', `tcp . ${info.nodePort} : goto ${ext}`, count(ext));
  }
  const verdict =
    all.length === 0
      ? 'goto reject-chain'
      : info.externalLocal && local.length === 0
        ? 'drop'
        : null;
  if (!verdict) return;
  if (info.nodePort)
    add(
      'map',
      'no-endpoint-nodeports',
      `tcp . ${info.nodePort} comment "${info.name}" : ${verdict}`,
    );
  for (const ip of vips)
    add(
      'map',
      'no-endpoint-services',
      `${ip} . tcp . ${info.port} comment "${info.name}" : ${verdict}`,
    );
}

/** `nft list table ip kube-proxy`-like text. */
export function nftText(lines: RuleLine[]): string {
  const out = ['table ip kube-proxy {'];
  const maps: [string, string][] = [
    ['service-ips', 'ipv4_addr . inet_proto . inet_service'],
    ['service-nodeports', 'inet_proto . inet_service'],
    ['no-endpoint-services', 'ipv4_addr . inet_proto . inet_service'],
    ['no-endpoint-nodeports', 'inet_proto . inet_service'],
  ];
  for (const [map, key] of maps) {
    const els = lines.filter((l) => l.table === 'map' && l.chain === map);
    out.push(`\tmap ${map} {`, `\t\ttype ${key} : verdict`, '\t\telements = {');
    for (const e of els) out.push(`\t\t\t${e.text},  # ${e.packets} packets`);
    out.push('\t\t}', '\t}');
  }
  for (const set of lines.filter((l) => l.table === 'set'))
    out.push(
      `\tset ${set.chain} {`,
      '\t\ttype ipv4_addr',
      '\t\tflags dynamic,timeout',
      `\t\t${set.text}`,
      '\t}',
    );
  const chains = [...new Set(lines.filter((l) => l.table === 'chain').map((l) => l.chain))];
  for (const ch of chains) {
    out.push(`\tchain ${ch} {`);
    for (const l of lines.filter((x) => x.table === 'chain' && x.chain === ch))
      out.push(`\t\t${l.text} counter packets ${l.packets}`);
    out.push('\t}');
  }
  out.push('}');
  return out.join('\n') + '\n';
}

/** The affinity set of an endpoint chain: the same name with the `affinity-` prefix. */
function affinitySet(endpointChain: string): string {
  return `affinity-${endpointChain.slice('endpoint-'.length)}`;
}

/** A timeout as nft prints it: 10800 → `3h`, 90 → `1m30s`. */
function nftTime(seconds: number): string {
  const parts: [number, string][] = [
    [Math.floor(seconds / 86400), 'd'],
    [Math.floor((seconds % 86400) / 3600), 'h'],
    [Math.floor((seconds % 3600) / 60), 'm'],
    [seconds % 60, 's'],
  ];
  return (
    parts
      .filter(([n]) => n > 0)
      .map(([n, u]) => `${n}${u}`)
      .join('') || '0s'
  );
}
