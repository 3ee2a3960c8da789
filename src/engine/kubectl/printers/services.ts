// `kubectl get services` rows (printService): CLUSTER-IP is clusterIPs[0] (`None` when headless,
// `<none>` for ExternalName), EXTERNAL-IP depends on the type (`<pending>` for a LoadBalancer
// still waiting), PORT(S) like `80:30080/TCP`, wide adds the selector.
import type { Service } from '../../api/types';
import { formatLabels } from '../../util/labels';
import { ageSince } from '../age';
import type { TableDef } from './table';

const LOAD_BALANCER_WIDTH = 16;

/** getServiceExternalIP. */
export function serviceExternalIP(svc: Service, wide: boolean): string {
  const external = svc.spec.externalIPs ?? [];
  switch (svc.spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ips = [
        ...new Set((svc.status.loadBalancer.ingress ?? []).map((i) => i.ip).filter(Boolean)),
      ].sort();
      let lb = ips.join(',');
      if (!wide && lb.length > LOAD_BALANCER_WIDTH)
        lb = lb.slice(0, LOAD_BALANCER_WIDTH - 3) + '...';
      if (external.length) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
  }
  return '<unknown>';
}

/** makePortString: `80/TCP`, `80:30080/TCP`, comma-joined. */
export function servicePorts(svc: Service): string {
  return (svc.spec.ports ?? [])
    .map((p) =>
      p.nodePort
        ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}`
        : `${p.port}/${p.protocol ?? 'TCP'}`,
    )
    .join(',');
}

export const serviceTable: TableDef = {
  columns: [
    { name: 'Name' },
    { name: 'Type' },
    { name: 'Cluster-IP' },
    { name: 'External-IP' },
    { name: 'Port(s)' },
    { name: 'Age' },
    { name: 'Selector', wide: true },
  ],
  cells(obj, c) {
    const s = obj as Service;
    return [
      s.metadata.name,
      s.spec.type ?? 'ClusterIP',
      s.spec.clusterIPs?.[0] ?? '<none>',
      serviceExternalIP(s, false),
      servicePorts(s) || '<none>',
      ageSince(s.metadata.creationTimestamp, c.now),
      formatLabels(s.spec.selector),
    ];
  },
};
