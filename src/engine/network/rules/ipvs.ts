// IPVS mode (E.6): one virtual server per ClusterIP:port (bound to kube-ipvs0) with the endpoints
// as real servers in masquerade mode, as `ipvsadm -Ln --stats`-style rows.
import { usableEndpoints } from '../kubeProxy';
import type { ServicePortInfo } from '../proxyTable';
import type { RuleLine } from './types';

/** Virtual servers and real servers for a node. */
export function ipvsRules(
  infos: ServicePortInfo[],
  node: string,
  scheduler: string,
  count: (name: string) => number,
): RuleLine[] {
  const lines: RuleLine[] = [];
  for (const info of [...infos].sort(
    (a, b) => a.clusterIP.localeCompare(b.clusterIP) || a.port - b.port,
  )) {
    const svc = `${info.namespace}/${info.service}`;
    const vs = `${info.clusterIP}:${info.port}`;
    const eps = usableEndpoints(
      info.internalLocal ? info.endpoints.filter((e) => e.node === node) : info.endpoints,
    );
    const persistent = info.affinitySeconds > 0 ? ` persistent ${info.affinitySeconds}` : '';
    lines.push({
      table: 'ipvs',
      chain: vs,
      text: `TCP  ${vs} ${scheduler}${persistent}`,
      packets: count(vs),
      service: svc,
    });
    for (const ep of eps) {
      const rs = `-> ${ep.ip}:${ep.port}`;
      lines.push({
        table: 'ipvs',
        chain: vs,
        text: `  -> ${`${ep.ip}:${ep.port}`.padEnd(28)} Masq    1      0          0`,
        packets: count(rs),
        service: svc,
      });
    }
  }
  return lines;
}

/** ipvsadm-like text. */
export function ipvsText(lines: RuleLine[]): string {
  const head = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  return [...head, ...lines.map((l) => `${l.text}   (${l.packets} pkts)`)].join('\n') + '\n';
}
