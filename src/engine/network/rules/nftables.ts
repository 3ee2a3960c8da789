// nftables mode (E.7): table ip kube-proxy with the service-ips verdict map, a chain per service
// port that picks an endpoint with `numgen random mod N vmap`, and a chain per endpoint that DNATs.
import { nftEndpointChain, nftServiceChain, usableEndpoints } from '../kubeProxy';
import type { ServicePortInfo } from '../proxyTable';
import type { RuleLine } from './types';

/** Map elements and chains for a node. */
export function nftablesRules(
  infos: ServicePortInfo[],
  node: string,
  count: (name: string) => number,
): RuleLine[] {
  const lines: RuleLine[] = [];
  const sorted = [...infos].sort((a, b) => a.name.localeCompare(b.name));
  for (const info of sorted) {
    const svc = `${info.namespace}/${info.service}`;
    const chain = nftServiceChain(info);
    const eps = usableEndpoints(
      info.internalLocal ? info.endpoints.filter((e) => e.node === node) : info.endpoints,
    );
    if (eps.length === 0) {
      const verdict =
        info.internalLocal && usableEndpoints(info.endpoints).length > 0
          ? 'drop'
          : 'goto reject-chain';
      lines.push({
        table: 'map',
        chain: 'no-endpoint-services',
        text: `${info.clusterIP} . tcp . ${info.port} comment "${info.name}" : ${verdict}`,
        packets: 0,
        service: svc,
      });
      continue;
    }
    lines.push({
      table: 'map',
      chain: 'service-ips',
      text: `${info.clusterIP} . tcp . ${info.port} : goto ${chain}`,
      packets: count(chain),
      service: svc,
    });
    const vmap = eps.map((ep, i) => `${i} : goto ${nftEndpointChain(info, ep)}`).join(' , ');
    lines.push({
      table: 'chain',
      chain,
      text: `ip daddr ${info.clusterIP} tcp dport ${info.port} ip saddr != ${'10.244.0.0/16'} jump mark-for-masquerade`,
      packets: 0,
      service: svc,
    });
    // ClientIP affinity (E.3): a dynamic set per endpoint, checked before the random pick.
    const affinity = info.affinitySeconds > 0;
    if (affinity)
      for (const ep of eps) {
        const epChain = nftEndpointChain(info, ep);
        lines.push({
          table: 'set',
          chain: affinitySet(epChain),
          text: `timeout ${nftTime(info.affinitySeconds)}`,
          packets: 0,
          service: svc,
        });
        lines.push({
          table: 'chain',
          chain,
          text: `ip saddr @${affinitySet(epChain)} goto ${epChain}`,
          packets: 0,
          service: svc,
        });
      }
    lines.push({
      table: 'chain',
      chain,
      text: `numgen random mod ${eps.length} vmap { ${vmap} }`,
      packets: count(chain),
      service: svc,
    });
    for (const ep of eps) {
      const epChain = nftEndpointChain(info, ep);
      lines.push({
        table: 'chain',
        chain: epChain,
        text: `ip saddr ${ep.ip} jump mark-for-masquerade`,
        packets: 0,
        service: svc,
      });
      if (affinity)
        lines.push({
          table: 'chain',
          chain: epChain,
          text: `update @${affinitySet(epChain)} { ip saddr }`,
          packets: 0,
          service: svc,
        });
      lines.push({
        table: 'chain',
        chain: epChain,
        text: `meta l4proto tcp dnat to ${ep.ip}:${ep.port}`,
        packets: count(epChain),
        service: svc,
      });
    }
  }
  return lines;
}

/** `nft list table ip kube-proxy`-like text. */
export function nftText(lines: RuleLine[]): string {
  const out = ['table ip kube-proxy {'];
  for (const map of ['service-ips', 'no-endpoint-services']) {
    const els = lines.filter((l) => l.table === 'map' && l.chain === map);
    out.push(
      `\tmap ${map} {`,
      '\t\ttype ipv4_addr . inet_proto . inet_service : verdict',
      '\t\telements = {',
    );
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
