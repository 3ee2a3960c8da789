// iptables mode (E.2, E.4): KUBE-SERVICES → KUBE-SVC/SVL/EXT → KUBE-SEP DNAT, the statistic
// probabilities 1/(n-i), the no-endpoints REJECT and no-local-endpoints DROP in the filter table.
import { sepChain, svcChain, usableEndpoints } from '../kubeProxy';
import type { ProxyEndpoint, ServicePortInfo } from '../proxyTable';
import { externallyAccessible, externalRules } from './iptablesExternal';
import type { RuleLine } from './types';

/** `%0.10f` of 1/(n-i), as computeProbability prints it. */
export function probability(n: number, i: number): string {
  return (1 / (n - i)).toFixed(10);
}

/** The nat and filter rules for the Service ports a node knows. */
export function iptablesRules(
  infos: ServicePortInfo[],
  node: string,
  clusterCIDR: string,
  count: (name: string) => number,
): RuleLine[] {
  const nat: RuleLine[] = [];
  const filter: RuleLine[] = [];
  const add = (
    list: RuleLine[],
    table: string,
    chain: string,
    text: string,
    packets: number,
    service?: string,
  ) =>
    list.push({
      table,
      chain,
      text: `-A ${chain} ${text}`,
      packets,
      ...(service ? { service } : {}),
    });
  for (const info of [...infos].sort((a, b) => a.name.localeCompare(b.name))) {
    const svc = `${info.namespace}/${info.service}`;
    const match = `-m tcp -p tcp -d ${info.clusterIP} --dport ${info.port}`;
    const cluster = usableEndpoints(info.endpoints);
    const local = usableEndpoints(info.endpoints.filter((e) => e.node === node));
    const internal = info.internalLocal ? local : cluster;
    const svcName = svcChain(info.internalLocal ? 'SVL' : 'SVC', info);
    if (internal.length === 0) {
      const why =
        info.internalLocal && cluster.length > 0 ? 'has no local endpoints' : 'has no endpoints';
      add(
        filter,
        'filter',
        'KUBE-SERVICES',
        `-m comment --comment "${info.name} ${why}" ${match} -j ${why === 'has no endpoints' ? 'REJECT' : 'DROP'}`,
        0,
        svc,
      );
    } else {
      add(
        nat,
        'nat',
        'KUBE-SERVICES',
        `-m comment --comment "${info.name} cluster IP" ${match} -j ${svcName}`,
        count(svcName),
        svc,
      );
    }
    externalRules(info, cluster, local, clusterCIDR, count, (list, chain, text, packets) =>
      add(list === 'nat' ? nat : filter, list, chain, text, packets, svc),
    );
    // UsesClusterEndpoints / UsesLocalEndpoints: the SVC chain also serves ETP Local's short-circuit.
    const chains: [string, ProxyEndpoint[]][] = [];
    if (!info.internalLocal || externallyAccessible(info))
      chains.push([svcChain('SVC', info), cluster]);
    if (info.internalLocal || info.externalLocal) chains.push([svcChain('SVL', info), local]);
    for (const [chain, eps] of chains) {
      if (eps.length === 0) continue;
      if (chain === svcName)
        add(
          nat,
          'nat',
          chain,
          `-m comment --comment "${info.name} cluster IP" ${match} ! -s ${clusterCIDR} -j KUBE-MARK-MASQ`,
          0,
          svc,
        );
      if (info.affinitySeconds > 0) {
        for (const ep of eps) {
          const sep = sepChain(info, ep);
          add(
            nat,
            'nat',
            chain,
            `-m comment --comment "${info.name} -> ${ep.ip}:${ep.port}" -m recent --name ${sep} --mask 255.255.255.255 --rsource --rcheck --seconds ${info.affinitySeconds} --reap -j ${sep}`,
            0,
            svc,
          );
        }
      }
      eps.forEach((ep, i) => {
        const sep = sepChain(info, ep);
        const stat =
          i < eps.length - 1
            ? ` -m statistic --mode random --probability ${probability(eps.length, i)}`
            : '';
        add(
          nat,
          'nat',
          chain,
          `-m comment --comment "${info.name} -> ${ep.ip}:${ep.port}"${stat} -j ${sep}`,
          count(sep),
          svc,
        );
      });
    }
    const seps = new Map<string, ProxyEndpoint>();
    for (const [, eps] of chains) for (const ep of eps) seps.set(sepChain(info, ep), ep);
    for (const [sep, ep] of seps) {
      add(
        nat,
        'nat',
        sep,
        `-m comment --comment ${info.name} -s ${ep.ip} -j KUBE-MARK-MASQ`,
        0,
        svc,
      );
      if (info.affinitySeconds > 0)
        add(
          nat,
          'nat',
          sep,
          `-m comment --comment ${info.name} -m recent --set --name ${sep} --mask 255.255.255.255 --rsource -m tcp -p tcp -j DNAT --to-destination ${ep.ip}:${ep.port}`,
          count(sep),
          svc,
        );
      else
        add(
          nat,
          'nat',
          sep,
          `-m comment --comment ${info.name} -m tcp -p tcp -j DNAT --to-destination ${ep.ip}:${ep.port}`,
          count(sep),
          svc,
        );
    }
  }
  add(
    nat,
    'nat',
    'KUBE-SERVICES',
    '-m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
    0,
  );
  add(nat, 'nat', 'KUBE-MARK-MASQ', '-j MARK --or-mark 0x4000', 0);
  add(nat, 'nat', 'KUBE-POSTROUTING', '-m mark ! --mark 0x4000/0x4000 -j RETURN', 0);
  add(nat, 'nat', 'KUBE-POSTROUTING', '-j MARK --xor-mark 0x4000', 0);
  add(
    nat,
    'nat',
    'KUBE-POSTROUTING',
    '-m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    0,
  );
  return [...filter, ...nat];
}

/** iptables-save -c text for the lines. */
export function iptablesSave(lines: RuleLine[]): string {
  const out: string[] = [];
  for (const table of ['filter', 'nat']) {
    const mine = lines.filter((l) => l.table === table);
    const chains = [...new Set(mine.map((l) => l.chain))];
    out.push(`*${table}`);
    for (const ch of chains) out.push(`:${ch} - [0:0]`);
    // iptables-save lists each chain's rules together, in rule order.
    for (const ch of chains)
      for (const l of mine)
        if (l.chain === ch) out.push(`[${l.packets}:${l.packets * 60}] ${l.text}`);
    out.push('COMMIT');
  }
  return out.join('\n') + '\n';
}
