// The scenario's `cluster.backgroundServices`: the rest of a big cluster, for lessons about scale.
// Selector-less Services in namespace `background`, each with a hand-written EndpointSlice of ready
// endpoints, so every kube-proxy programs them like any other Service. The canvas does not draw
// them (view.ts); kubectl lists them.
import { allocateService } from '../api/services';
import type { EndpointSlice, Namespace, Service } from '../api/types';
import type { Cluster } from '../cluster';
import { SERVICE_NAME_LABEL } from '../controllers/endpointslice';
import { intToIp, ipToInt } from '../util/ip';

/** The namespace background Services live in. */
export const BACKGROUND_NAMESPACE = 'background';
/** The limits the scenario checker enforces. */
export const BACKGROUND_LIMITS = { maxServices: 20_000, maxEndpoints: 100 };

/** Creates `count` background Services with `endpoints` ready endpoints each. */
export function addBackgroundServices(c: Cluster, count: number, endpoints: number): void {
  if (count <= 0) return;
  const ns: Namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: c.newMeta(BACKGROUND_NAMESPACE, undefined),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
  c.store.put(ns);
  const base = endpointBase(c);
  const nodes = c.config.nodes.map((n) => n.name);
  const width = String(count).length;
  let ip = base;
  for (let i = 0; i < count; i++) {
    const name = `svc-${String(i + 1).padStart(width, '0')}`;
    const svc: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: c.newMeta(name, BACKGROUND_NAMESPACE),
      spec: {
        type: 'ClusterIP',
        internalTrafficPolicy: 'Cluster',
        sessionAffinity: 'None',
        ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
      },
      status: { loadBalancer: {} },
    };
    allocateService(c, svc, undefined);
    c.store.put(svc);
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: c.newMeta(`${name}-bg`, BACKGROUND_NAMESPACE, {
        [SERVICE_NAME_LABEL]: name,
        'endpointslice.kubernetes.io/managed-by': 'kubeplay.dev/background',
      }),
      addressType: 'IPv4',
      endpoints: Array.from({ length: endpoints }, (_, j) => ({
        addresses: [intToIp(ip++)],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: nodes[(i + j) % nodes.length] ?? '',
      })),
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    };
    c.store.put(slice);
  }
}

/** Endpoint addresses: the upper half of the pod CIDR when the nodes leave it free, else 100.64/10. */
function endpointBase(c: Cluster): number {
  const { base, size } = c.config.podCIDR;
  if (c.config.nodes.length * 256 <= size / 2) return base + size / 2 + 1;
  return ipToInt('100.64.0.1') ?? 0;
}
