// iptables mode, external destinations (E.2, E.4, E.5): what kube-proxy's syncProxyRules writes for
// node ports, load-balancer and external IPs — KUBE-EXT chains and KUBE-EXTERNAL-SERVICES filters.
import { svcChain } from '../kubeProxy';
import type { ProxyEndpoint, ServicePortInfo } from '../proxyTable';

/** A Service port reachable from outside: node port, load-balancer or external IPs. */
export function externallyAccessible(info: ServicePortInfo): boolean {
  return !!info.nodePort || info.loadBalancerIPs.length > 0 || info.externalIPs.length > 0;
}

export type Emit = (table: 'nat' | 'filter', chain: string, text: string, packets: number) => void;

/**
 * External destinations (E.2, E.4, E.5): external and load-balancer IPs in KUBE-SERVICES and the
 * node port in KUBE-NODEPORTS jump to KUBE-EXT (only while the Service has endpoints); the EXT chain
 * masquerades for Cluster policy or short-circuits pod and node traffic for Local; without usable
 * endpoints KUBE-EXTERNAL-SERVICES rejects (none at all) or drops (none on this node, Local).
 */
export function externalRules(
  info: ServicePortInfo,
  cluster: ProxyEndpoint[],
  local: ProxyEndpoint[],
  clusterCIDR: string,
  count: (name: string) => number,
  emit: Emit,
): void {
  if (!externallyAccessible(info)) return;
  const ext = svcChain('EXT', info);
  const hasEndpoints = cluster.length > 0;
  const hasExternal = info.externalLocal ? local.length > 0 : hasEndpoints;
  const [why, target] = hasEndpoints
    ? ['has no local endpoints', 'DROP']
    : ['has no endpoints', 'REJECT'];
  const vips: [string, string][] = [
    ...info.externalIPs.map((ip): [string, string] => [ip, 'external IP']),
    ...info.loadBalancerIPs.map((ip): [string, string] => [ip, 'loadbalancer IP']),
  ];
  for (const [ip, kind] of vips) {
    const match = `-m tcp -p tcp -d ${ip} --dport ${info.port}`;
    if (hasEndpoints)
      emit(
        'nat',
        'KUBE-SERVICES',
        `-m comment --comment "${info.name} ${kind}" ${match} -j ${ext}`,
        0,
      );
    if (!hasExternal)
      emit(
        'filter',
        'KUBE-EXTERNAL-SERVICES',
        `-m comment --comment "${info.name} ${why}" ${match} -j ${target}`,
        0,
      );
  }
  if (info.nodePort) {
    const port = `-m tcp -p tcp --dport ${info.nodePort}`;
    if (hasEndpoints)
      emit(
        'nat',
        'KUBE-NODEPORTS',
        `-m comment --comment ${info.name} ${port} -j ${ext}`,
        count(ext),
      );
    if (!hasExternal)
      emit(
        'filter',
        'KUBE-EXTERNAL-SERVICES',
        `-m comment --comment "${info.name} ${why}" -m addrtype --dst-type LOCAL ${port} -j ${target}`,
        0,
      );
  }
  if (!hasEndpoints) return;
  const svcC = svcChain('SVC', info);
  const dest = `${info.name} external destinations`;
  if (!info.externalLocal) {
    emit(
      'nat',
      ext,
      `-m comment --comment "masquerade traffic for ${dest}" -j KUBE-MARK-MASQ`,
      count(ext),
    );
  } else {
    emit(
      'nat',
      ext,
      `-m comment --comment "pod traffic for ${dest}" -s ${clusterCIDR} -j ${svcC}`,
      0,
    );
    const local = `-m addrtype --src-type LOCAL`;
    emit(
      'nat',
      ext,
      `-m comment --comment "masquerade LOCAL traffic for ${dest}" ${local} -j KUBE-MARK-MASQ`,
      0,
    );
    emit(
      'nat',
      ext,
      `-m comment --comment "route LOCAL traffic for ${dest}" ${local} -j ${svcC}`,
      0,
    );
  }
  if (hasExternal)
    emit('nat', ext, `-j ${svcChain(info.externalLocal ? 'SVL' : 'SVC', info)}`, count(ext));
}
