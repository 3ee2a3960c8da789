// The endpointslice-controller (D.1): for each Service with a selector, the pods that match, have an
// IP and are not terminal become endpoints with ready/serving/terminating conditions; targetPorts are
// resolved per pod; at most 100 endpoints per slice; slices are named `<service>-<random>`.
import { isPodReady, isPodTerminal, sameForEndpoints } from '../api/pods';
import { objectKey } from '../api/store';
import type { Endpoint, EndpointPort, EndpointSlice, Pod, Service } from '../api/types';
import type { Cluster } from '../cluster';
import { WorkQueue } from '../sim/workQueue';
import { jsonEqual } from '../util/jsonEqual';

import { resolveContainerPort } from './kubelet';

export const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MAX_ENDPOINTS_PER_SLICE = 100;

/** The endpointslice-controller. */
export class EndpointSliceController {
  readonly queue: WorkQueue;

  constructor(private readonly c: Cluster) {
    this.queue = new WorkQueue(
      c.queue,
      () => c.now,
      () => c.rng.between(5, 30),
      (k) => this.sync(k),
    );
    c.store.onChange((ch) => {
      if (ch.kind === 'Service') this.queue.add(ch.key);
      if (ch.kind === 'Pod') {
        if (ch.old && ch.obj && sameForEndpoints(ch.old as Pod, ch.obj as Pod)) return;
        for (const p of [ch.old, ch.obj] as (Pod | undefined)[])
          if (p) for (const k of this.servicesFor(p)) this.queue.add(k);
      }
    });
  }

  /** Keys of Services whose selector matches the pod's labels. */
  servicesFor(pod: Pod): string[] {
    const ns = pod.metadata.namespace ?? 'default';
    const seen = new Set<string>();
    for (const [k, v] of Object.entries(pod.metadata.labels ?? {})) {
      for (const key of this.c.store.servicesBySelectorPair.get(`${ns}|${k}=${v}`) ?? []) {
        if (seen.has(key)) continue;
        const svc = this.c.store.get('Service', key);
        const sel = svc?.spec.selector ?? {};
        if (Object.entries(sel).every(([sk, sv]) => pod.metadata.labels?.[sk] === sv))
          seen.add(key);
      }
    }
    return [...seen];
  }

  /** Slices managed for a service, by name. */
  managedSlices(svcKey: string): EndpointSlice[] {
    const [ns = 'default', name = ''] = svcKey.split('/');
    return (this.c.ctl.sliceIndex.get(svcKey) ?? [])
      .map((n) => this.c.store.get('EndpointSlice', objectKey(ns, n)))
      .filter(
        (s): s is EndpointSlice =>
          !!s &&
          s.metadata.labels?.[MANAGED_BY] === CONTROLLER_NAME &&
          s.metadata.labels[SERVICE_NAME_LABEL] === name,
      );
  }

  private sync(svcKey: string): void {
    const svc = this.c.store.get('Service', svcKey);
    const existing = this.managedSlices(svcKey);
    if (
      !svc ||
      !svc.spec.selector ||
      Object.keys(svc.spec.selector).length === 0 ||
      svc.spec.type === 'ExternalName'
    ) {
      for (const s of existing) this.c.store.remove('EndpointSlice', this.c.key(s));
      return;
    }
    const ns = svc.metadata.namespace ?? 'default';
    const groups = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>();
    const podKeys = this.c.store.podsMatching(ns, svc.spec.selector).sort();
    // With numeric targetPorts every pod gets the same ports: one group, no per-pod resolution.
    const shared = portsNeedNoPod(svc) ? endpointPorts(svc, undefined) : null;
    for (const key of podKeys) {
      const pod = this.c.store.get('Pod', key);
      if (!pod || isPodTerminal(pod) || !pod.status.podIP) continue;
      const ports = shared ?? endpointPorts(svc, pod);
      const sig = shared ? '' : JSON.stringify(ports);
      let g = groups.get(sig);
      if (!g) groups.set(sig, (g = { ports, endpoints: [] }));
      g.endpoints.push(this.toEndpoint(svc, pod));
    }
    const keep = new Set<string>();
    for (const g of groups.values()) {
      const mine = existing.filter((s) => jsonEqual(s.ports, g.ports));
      for (let i = 0; i * MAX_ENDPOINTS_PER_SLICE < Math.max(1, g.endpoints.length); i++) {
        const chunk =
          g.endpoints.length <= MAX_ENDPOINTS_PER_SLICE
            ? g.endpoints
            : g.endpoints.slice(i * MAX_ENDPOINTS_PER_SLICE, (i + 1) * MAX_ENDPOINTS_PER_SLICE);
        const slice = mine[i] ?? this.newSlice(svc);
        keep.add(slice.metadata.name);
        const labels = sliceLabels(svc);
        if (
          mine[i] &&
          jsonEqual(slice.endpoints, chunk) &&
          jsonEqual(slice.ports, g.ports) &&
          jsonEqual(slice.metadata.labels, labels)
        )
          continue;
        this.c.store.put({
          ...slice,
          metadata: { ...slice.metadata, labels },
          endpoints: chunk,
          ports: g.ports,
        });
      }
    }
    if (groups.size === 0) {
      // A Service with no matching pods still has one empty slice (ports from the Service).
      const slice = existing[0] ?? this.newSlice(svc);
      keep.add(slice.metadata.name);
      if (!existing[0] || slice.endpoints.length > 0)
        this.c.store.put({ ...slice, endpoints: [], ports: endpointPorts(svc, undefined) });
    }
    for (const s of existing)
      if (!keep.has(s.metadata.name)) this.c.store.remove('EndpointSlice', this.c.key(s));
  }

  private newSlice(svc: Service): EndpointSlice {
    const ns = svc.metadata.namespace ?? 'default';
    const name = this.c.ctl.api.generateName('EndpointSlice', ns, `${svc.metadata.name}-`);
    const meta = this.c.newMeta(name, ns, sliceLabels(svc));
    meta.generateName = `${svc.metadata.name}-`;
    meta.ownerReferences = [
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: svc.metadata.name,
        uid: svc.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ];
    return {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: meta,
      addressType: 'IPv4',
      endpoints: [],
      ports: [],
    };
  }

  private toEndpoint(svc: Service, pod: Pod): Endpoint {
    const serving = isPodReady(pod);
    const terminating = pod.metadata.deletionTimestamp !== undefined;
    const ep: Endpoint = {
      addresses: [pod.status.podIP ?? ''],
      conditions: {
        ready: svc.spec.publishNotReadyAddresses === true || (serving && !terminating),
        serving,
        terminating,
      },
      targetRef: {
        kind: 'Pod',
        name: pod.metadata.name,
        namespace: pod.metadata.namespace ?? 'default',
        uid: pod.metadata.uid,
      },
    };
    if (pod.spec.hostname && pod.spec.subdomain === svc.metadata.name)
      ep.hostname = pod.spec.hostname;
    if (pod.spec.nodeName) ep.nodeName = pod.spec.nodeName;
    const zone = pod.spec.nodeName
      ? this.c.store.get('Node', pod.spec.nodeName)?.metadata.labels?.[
          'topology.kubernetes.io/zone'
        ]
      : undefined;
    if (zone) ep.zone = zone;
    return ep;
  }
}

function sliceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  labels[SERVICE_NAME_LABEL] = svc.metadata.name;
  labels[MANAGED_BY] = CONTROLLER_NAME;
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  return labels;
}

/** The slice ports for one pod: each Service port's targetPort resolved against that pod (FindPort). */
function endpointPorts(svc: Service, pod: Pod | undefined): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of svc.spec.ports ?? []) {
    const target = sp.targetPort ?? sp.port;
    let port: number | null = typeof target === 'number' ? target : null;
    if (typeof target === 'string' && pod) {
      for (const ct of pod.spec.containers) {
        const p = resolveContainerPort(ct, target);
        if (
          p !== null &&
          (ct.ports ?? []).some(
            (cp) => cp.containerPort === p && (cp.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'),
          )
        ) {
          port = p;
          break;
        }
      }
      if (port === null) continue;
    }
    const ep: EndpointPort = { name: sp.name ?? '', protocol: sp.protocol ?? 'TCP' };
    if (port !== null) ep.port = port;
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

/** Every Service port's targetPort is a number (or unset): the slice ports do not depend on the pod. */
function portsNeedNoPod(svc: Service): boolean {
  return (svc.spec.ports ?? []).every((sp) => typeof sp.targetPort !== 'string');
}
