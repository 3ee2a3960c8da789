// The Services' endpoints as the mirror lists them, read from the EndpointSlices of a frame, and
// which pods a Service's selector picks. Pure functions over the worker's views.
import type { ClusterView, PodView, ServiceView } from '../../engine/index';

/** An endpoint of a Service as its EndpointSlices list it. */
export interface EndpointRow {
  ip: string;
  port: number | null;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  pod: string | null;
  node: string | null;
  /** The EndpointSlice that lists it. */
  slice: string;
}

/**
 * Does a Service's selector pick this pod? A Service without a selector (or with an empty one)
 * picks none, as kube-controller-manager's EndpointSlice controller leaves it alone.
 */
export function selects(svc: Pick<ServiceView, 'selector'>, pod: Pick<PodView, 'labels'>): boolean {
  const sel = svc.selector;
  if (!sel || Object.keys(sel).length === 0) return false;
  return Object.entries(sel).every(([k, v]) => pod.labels[k] === v);
}

/**
 * The endpoints of every Service, by Service name, from the frame's EndpointSlices (the
 * `kubernetes.io/service-name` label names the Service), each list sorted by IP.
 */
export function endpointsOf(view: ClusterView): Record<string, EndpointRow[]> {
  const out: Record<string, EndpointRow[]> = {};
  for (const slice of view.endpointSlices) {
    const svc = slice.metadata.labels?.['kubernetes.io/service-name'];
    if (!svc) continue;
    const port = slice.ports?.[0]?.port ?? null;
    const rows = (out[svc] ??= []);
    for (const e of slice.endpoints) {
      const ip = e.addresses[0];
      if (!ip) continue;
      const ready = e.conditions.ready !== false;
      rows.push({
        ip,
        port,
        ready,
        serving: e.conditions.serving ?? ready,
        terminating: e.conditions.terminating === true,
        pod: e.targetRef?.name ?? null,
        node: e.nodeName ?? null,
        slice: slice.metadata.name,
      });
    }
  }
  for (const rows of Object.values(out)) rows.sort((a, b) => compareIp(a.ip, b.ip));
  return out;
}

function compareIp(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
