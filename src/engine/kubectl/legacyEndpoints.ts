// The v1 Endpoints objects the endpoints controller keeps next to EndpointSlices (D.1): one per
// Service that has slices, ready addresses in `addresses`, not-ready ones in `notReadyAddresses`,
// terminating endpoints dropped. Derived from the slices on demand; the engine stores none.
import type { Cluster } from '../cluster';
import type { EndpointPort, ObjectMeta, Protocol, Service } from '../api/types';

export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef?: { kind: string; name: string; namespace: string; uid: string };
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: { name?: string; port: number; protocol: Protocol }[];
}

/** A v1 Endpoints object. */
export interface EndpointsObject {
  apiVersion: 'v1';
  kind: 'Endpoints';
  metadata: ObjectMeta;
  subsets?: EndpointSubset[];
}

/** The Endpoints object of a Service, or null when the controller has not written one. */
export function endpointsFor(c: Cluster, svc: Service): EndpointsObject | null {
  const slices = c.ctl.sliceIndex.slicesFor(c.key(svc));
  if (slices.length === 0) return null;
  const bySignature = new Map<string, EndpointSubset>();
  for (const s of slices) {
    const ports = s.ports
      .filter((p): p is EndpointPort & { port: number } => p.port !== undefined)
      .map((p) => ({
        ...(p.name ? { name: p.name } : {}),
        port: p.port,
        protocol: p.protocol ?? 'TCP',
      }));
    const sig = JSON.stringify(ports);
    let subset = bySignature.get(sig);
    if (!subset) bySignature.set(sig, (subset = ports.length ? { ports } : {}));
    for (const e of s.endpoints) {
      const ip = e.addresses[0];
      if (!ip || e.conditions.terminating) continue;
      const addr: EndpointAddress = { ip };
      if (e.nodeName) addr.nodeName = e.nodeName;
      if (e.targetRef) addr.targetRef = { ...e.targetRef };
      const list = e.conditions.ready !== false ? 'addresses' : 'notReadyAddresses';
      (subset[list] ??= []).push(addr);
    }
  }
  const subsets = [...bySignature.values()]
    .filter((s) => s.addresses || s.notReadyAddresses)
    .map((s) => {
      for (const k of ['addresses', 'notReadyAddresses'] as const)
        s[k]?.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
      return s;
    });
  const labels = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  const metadata: ObjectMeta = {
    name: svc.metadata.name,
    namespace: svc.metadata.namespace ?? 'default',
    uid: `${svc.metadata.uid.slice(0, -4)}e9e9`,
    resourceVersion:
      slices
        .map((s) => s.metadata.resourceVersion)
        .sort()
        .at(-1) ?? '1',
    creationTimestamp: Math.min(...slices.map((s) => s.metadata.creationTimestamp)),
  };
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  const obj: EndpointsObject = { apiVersion: 'v1', kind: 'Endpoints', metadata };
  if (subsets.length > 0) obj.subsets = subsets;
  return obj;
}

/** Every Endpoints object in a namespace (or all), by namespace and name. */
export function listEndpoints(c: Cluster, namespace: string | undefined): EndpointsObject[] {
  return c.store
    .list('Service', namespace)
    .map((s) => endpointsFor(c, s))
    .filter((e): e is EndpointsObject => e !== null);
}
