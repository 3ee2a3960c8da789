// The endpointslice-controller (D.1): for each Service with a selector, the pods that match, have an
// IP and are not terminal become endpoints with ready/serving/terminating conditions; targetPorts are
// resolved per pod; at most 100 endpoints per slice; slices are named `<service>-<random>`.
import { isPodReady, isPodTerminal, sameForEndpoints, sameStringMap } from '../api/pods';
import { objectKey } from '../api/store';
import type { Endpoint, EndpointPort, EndpointSlice, Pod, Service, StringMap } from '../api/types';
import type { Cluster } from '../cluster';
import { WorkQueue } from '../sim/workQueue';
import { jsonEqual } from '../util/jsonEqual';
import { matchesMap } from '../util/labels';

import { resolveContainerPort } from './kubelet';

export const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MAX_ENDPOINTS_PER_SLICE = 100;

/**
 * What the last sync of a Service built, reused while its inputs are the same objects: the
 * Service, the nodes (zones), and each pod. Saves rebuilding every endpoint on every pod change,
 * and an unchanged endpoint is the same object, so comparing slices is mostly identity checks.
 */
interface SyncCache {
  svc: Service;
  nodeGeneration: number;
  sharedPorts: EndpointPort[] | null;
  byPod: Map<string, Built>;
  /** byPod's keys in order, or null after a pod joined or left. */
  sortedKeys: string[] | null;
  /** The endpoints in sortedKeys order, as the last sync emitted them (never written after). */
  sortedEndpoints: Endpoint[];
}

/**
 * The endpoint built for one version of a pod, known by its resourceVersion (every write gets a
 * new one) rather than the object, so superseded pod versions are not kept alive.
 */
interface Built {
  version: string;
  ep: Endpoint;
}

function builtFor(pod: Pod, ep: Endpoint): Built {
  return { version: pod.metadata.resourceVersion, ep };
}

type Groups = Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>;

/** The endpointslice-controller. */
export class EndpointSliceController {
  readonly queue: WorkQueue;
  private readonly cache = new Map<string, SyncCache>();
  /** Service key → keys of pods that changed (for it) since its last sync. */
  private readonly dirty = new Map<string, Set<string>>();
  /** Bumped on every Node change (an endpoint carries its node's zone). */
  private nodeGeneration = 0;
  /** Bumped on every Service change; servicesFor answers cached before are stale. */
  private serviceGeneration = 0;
  /** A labels object (pods of one template share it) → the Services selecting it, as of a generation. */
  private readonly selectedBy = new WeakMap<
    StringMap,
    { ns: string; generation: number; keys: string[] }
  >();

  constructor(private readonly c: Cluster) {
    this.queue = new WorkQueue(
      c.queue,
      () => c.now,
      () => c.rng.between(5, 30),
      (k) => this.sync(k),
    );
    c.store.onChange((ch) => {
      if (ch.kind === 'Service') {
        this.serviceGeneration++;
        this.queue.add(ch.key);
      }
      if (ch.kind === 'Node') this.nodeGeneration++;
      if (ch.kind === 'Pod') {
        const old = ch.old as Pod | undefined;
        const pod = ch.obj as Pod | undefined;
        if (old && pod && sameForEndpoints(old, pod)) return;
        // Same labels and namespace: both versions select the same Services.
        const sameSelection =
          old &&
          pod &&
          old.metadata.namespace === pod.metadata.namespace &&
          sameStringMap(old.metadata.labels, pod.metadata.labels);
        for (const p of sameSelection ? [pod] : [old, pod])
          if (p) for (const k of this.servicesFor(p)) this.podChanged(k, ch.key);
      }
    });
  }

  private podChanged(svcKey: string, podKey: string): void {
    let d = this.dirty.get(svcKey);
    if (!d) this.dirty.set(svcKey, (d = new Set()));
    d.add(podKey);
    this.queue.add(svcKey);
  }

  /** Keys of Services whose selector matches the pod's labels. */
  servicesFor(pod: Pod): string[] {
    const ns = pod.metadata.namespace ?? 'default';
    const labels = pod.metadata.labels;
    const hit = labels && this.selectedBy.get(labels);
    if (hit && hit.ns === ns && hit.generation === this.serviceGeneration) return hit.keys;
    const keys = this.selectingServices(pod, ns);
    if (labels) this.selectedBy.set(labels, { ns, generation: this.serviceGeneration, keys });
    return keys;
  }

  private selectingServices(pod: Pod, ns: string): string[] {
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
    return this.c.ctl.sliceIndex
      .sortedNames(svcKey)
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
      this.cache.delete(svcKey);
      this.dirty.delete(svcKey);
      for (const s of existing) this.c.store.remove('EndpointSlice', this.c.key(s));
      return;
    }
    const groups = this.endpointGroups(svcKey, svc, svc.spec.selector);
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
          metadata: {
            ...slice.metadata,
            labels: jsonEqual(slice.metadata.labels, labels) ? slice.metadata.labels : labels,
          },
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

  /**
   * The Service's endpoints grouped by their ports. Recomputed from every matching pod when the
   * Service or the nodes changed (or ports depend on the pod); otherwise only the pods that changed
   * since the last sync are looked at, the rest keep their endpoint objects.
   */
  private endpointGroups(svcKey: string, svc: Service, selector: StringMap): Groups {
    const ns = svc.metadata.namespace ?? 'default';
    const groups: Groups = new Map();
    const dirty = this.dirty.get(svcKey);
    this.dirty.delete(svcKey);
    let prev = this.cache.get(svcKey);
    if (prev?.svc !== svc || prev.nodeGeneration !== this.nodeGeneration) prev = undefined;
    if (prev?.sharedPorts) {
      const ports = prev.sharedPorts;
      const replaced: string[] = [];
      for (const key of dirty ?? []) {
        const pod = this.c.store.get('Pod', key);
        if (
          !pod ||
          (pod.metadata.namespace ?? '') !== ns ||
          !matchesMap(selector, pod.metadata.labels) ||
          isPodTerminal(pod) ||
          !pod.status.podIP
        ) {
          if (prev.byPod.delete(key)) prev.sortedKeys = null;
          continue;
        }
        const built = prev.byPod.get(key);
        if (!built) prev.sortedKeys = null;
        if (built?.version !== pod.metadata.resourceVersion) {
          prev.byPod.set(key, builtFor(pod, this.toEndpoint(svc, pod)));
          replaced.push(key);
        }
      }
      let endpoints: Endpoint[];
      if (prev.sortedKeys) {
        // Same pods: the last list with the changed endpoints swapped in (found by binary search).
        const keys = prev.sortedKeys;
        endpoints = prev.sortedEndpoints.slice();
        for (const key of replaced) {
          let lo = 0;
          let hi = keys.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if ((keys[mid] as string) < key) lo = mid + 1;
            else hi = mid;
          }
          endpoints[lo] = (prev.byPod.get(key) as Built).ep;
        }
      } else {
        const keys = (prev.sortedKeys = [...prev.byPod.keys()].sort());
        endpoints = keys.map((key) => (prev.byPod.get(key) as Built).ep);
      }
      prev.sortedEndpoints = endpoints;
      if (endpoints.length > 0) groups.set('', { ports, endpoints });
      return groups;
    }
    const podKeys = this.c.store.podsMatching(ns, selector).sort();
    const next: SyncCache = {
      svc,
      nodeGeneration: this.nodeGeneration,
      // With numeric targetPorts every pod gets the same ports: one group, no per-pod resolution.
      sharedPorts: prev
        ? prev.sharedPorts
        : portsNeedNoPod(svc)
          ? endpointPorts(svc, undefined)
          : null,
      byPod: new Map(),
      sortedKeys: null,
      sortedEndpoints: [],
    };
    const shared = next.sharedPorts;
    for (const key of podKeys) {
      const pod = this.c.store.get('Pod', key);
      if (!pod || isPodTerminal(pod) || !pod.status.podIP) continue;
      const ports = shared ?? endpointPorts(svc, pod);
      const sig = shared ? '' : JSON.stringify(ports);
      let g = groups.get(sig);
      if (!g) groups.set(sig, (g = { ports, endpoints: [] }));
      let built = prev?.byPod.get(key);
      if (built?.version !== pod.metadata.resourceVersion)
        built = builtFor(pod, this.toEndpoint(svc, pod));
      next.byPod.set(key, built);
      g.endpoints.push(built.ep);
    }
    next.sortedKeys = [...next.byPod.keys()];
    next.sortedEndpoints = next.sortedKeys.map((key) => (next.byPod.get(key) as Built).ep);
    this.cache.set(svcKey, next);
    return groups;
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
