// Read-only pictures of the cluster for the UI and the CLI report: plain JSON, no engine internals.
import { isPodReady, podReadyText, podRestarts, podStatusText } from './api/pods';
import type { EndpointSlice, Pod } from './api/types';
import type { Cluster } from './cluster';
import { BACKGROUND_NAMESPACE } from './scenario/background';
import type { ClusterEvent, RequestRecord } from './trace';

export interface NodeView {
  name: string;
  ip: string;
  ready: boolean;
  failed: boolean;
  podCIDR: string;
  unschedulable: boolean;
  proxy: {
    syncedVersion: number;
    behind: boolean;
    lastSyncAt: number;
    lastSyncDurationMs: number;
    syncs: number;
  };
}

export interface PodView {
  uid: string;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  ip: string | null;
  node: string | null;
  status: string;
  ready: boolean;
  readyText: string;
  restarts: number;
  createdAt: number;
  deletedAt: number | null;
  terminating: boolean;
  owner: string | null;
  ports: number[];
}

export interface ServicePortView {
  name: string;
  port: number;
  targetPort: number | string;
  nodePort: number | null;
  protocol: string;
}

export interface ServiceView {
  name: string;
  namespace: string;
  type: string;
  clusterIP: string | null;
  externalIP: string | null;
  selector: Record<string, string> | null;
  ports: ServicePortView[];
  readyEndpoints: number;
}

export interface DeploymentView {
  name: string;
  namespace: string;
  replicas: number;
  ready: number;
  updated: number;
  available: number;
  selector: Record<string, string>;
}

/** Everything the canvas draws, at one virtual time. */
export interface ClusterView {
  t: number;
  proxyMode: string;
  proxyVersion: number;
  /** kube-dns's ClusterIP, the nameserver in every pod's resolv.conf. */
  dnsIP: string;
  nodes: NodeView[];
  pods: PodView[];
  services: ServiceView[];
  deployments: DeploymentView[];
  endpointSlices: EndpointSlice[];
}

/** A pod as the UI and the CLI report show it. */
export function podView(p: Pod, deletedAt: number | null): PodView {
  return {
    uid: p.metadata.uid,
    name: p.metadata.name,
    namespace: p.metadata.namespace ?? 'default',
    labels: { ...(p.metadata.labels ?? {}) },
    ip: p.status.podIP ?? null,
    node: p.spec.nodeName ?? null,
    status: deletedAt !== null ? 'Terminated' : podStatusText(p),
    ready: deletedAt === null && isPodReady(p),
    readyText: podReadyText(p),
    restarts: podRestarts(p),
    createdAt: p.metadata.creationTimestamp,
    deletedAt,
    terminating: p.metadata.deletionTimestamp !== undefined,
    owner: p.metadata.ownerReferences?.[0]?.name ?? null,
    ports: p.spec.containers.flatMap((ct) => (ct.ports ?? []).map((x) => x.containerPort)),
  };
}

/** Namespaces the canvas never draws: the system's, and a scenario's background Services. */
function hiddenNamespace(ns: string | undefined): boolean {
  return ns === 'kube-system' || ns === BACKGROUND_NAMESPACE;
}

/** The live cluster as the canvas shows it (user namespaces; kube-system hidden). */
export function clusterView(c: Cluster): ClusterView {
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  const nodes = c.ctl.nodes.sortedNodes().map((n): NodeView => {
    const rt = c.ctl.nodes.get(n.metadata.name);
    const np = c.ctl.proxy.nodes.get(n.metadata.name);
    return {
      name: n.metadata.name,
      ip: rt?.ip ?? '',
      ready: c.ctl.nodes.isReady(n.metadata.name),
      failed: rt?.failed ?? false,
      podCIDR: n.spec.podCIDR,
      unschedulable: n.spec.unschedulable === true,
      proxy: {
        syncedVersion: np?.syncedVersion ?? 0,
        behind: (np?.syncedVersion ?? 0) < c.ctl.proxy.table.version,
        lastSyncAt: np?.lastSyncAt ?? 0,
        lastSyncDurationMs: np?.lastSyncDurationMs ?? 0,
        syncs: np?.syncs ?? 0,
      },
    };
  });
  const pods = c.store
    .list('Pod')
    .filter((p) => !hiddenNamespace(p.metadata.namespace))
    .map((p) => podView(p, null))
    .sort(byName);
  const services = c.store
    .list('Service')
    .filter((s) => !hiddenNamespace(s.metadata.namespace))
    .map((s): ServiceView => {
      const key = c.key(s);
      const ready = new Set<string>();
      for (const sl of c.ctl.sliceIndex.slicesFor(key))
        for (const e of sl.endpoints)
          if (e.conditions.ready !== false && e.addresses[0]) ready.add(e.addresses[0]);
      return {
        name: s.metadata.name,
        namespace: s.metadata.namespace ?? 'default',
        type: s.spec.type ?? 'ClusterIP',
        clusterIP: s.spec.clusterIP ?? null,
        externalIP: s.status.loadBalancer.ingress?.[0]?.ip ?? null,
        selector: s.spec.selector ? { ...s.spec.selector } : null,
        ports: (s.spec.ports ?? []).map((p) => ({
          name: p.name ?? '',
          port: p.port,
          targetPort: p.targetPort ?? p.port,
          nodePort: p.nodePort ?? null,
          protocol: p.protocol ?? 'TCP',
        })),
        readyEndpoints: ready.size,
      };
    })
    .sort(byName);
  const deployments = c.store
    .list('Deployment')
    .map((d): DeploymentView => ({
      name: d.metadata.name,
      namespace: d.metadata.namespace ?? 'default',
      replicas: d.spec.replicas ?? 1,
      ready: d.status.readyReplicas ?? 0,
      updated: d.status.updatedReplicas ?? 0,
      available: d.status.availableReplicas ?? 0,
      selector: { ...(d.spec.selector.matchLabels ?? {}) },
    }))
    .sort(byName);
  const endpointSlices = c.store
    .list('EndpointSlice')
    .filter((s) => !hiddenNamespace(s.metadata.namespace));
  return {
    t: c.now,
    proxyMode: c.config.proxyMode,
    proxyVersion: c.ctl.proxy.table.version,
    dnsIP: c.ctl.dns.serverIP,
    nodes,
    pods,
    services,
    deployments,
    endpointSlices,
  };
}

/** The CLI's `run --json` report (DESIGN.md §4). */
export interface RunReport {
  until: number;
  nodes: { name: string; ip: string; ready: boolean }[];
  pods: Omit<PodView, 'uid' | 'readyText' | 'terminating' | 'owner' | 'ports'>[];
  services: {
    name: string;
    namespace: string;
    type: string;
    clusterIP: string | null;
    ports: ServicePortView[];
  }[];
  endpointSlices: EndpointSlice[];
  requests: Pick<
    RequestRecord,
    't' | 'from' | 'url' | 'resolved' | 'dst' | 'pod' | 'outcome' | 'latencyMs'
  >[];
  events: Pick<ClusterEvent, 't' | 'type' | 'reason' | 'object' | 'message'>[];
}

export function runReport(c: Cluster): RunReport {
  const v = clusterView(c);
  const pods = [...c.podHistory.values()]
    .map((h) => podView(h.pod, h.deletedAt))
    .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name))
    .map(
      ({ name, namespace, labels, ip, node, status, ready, restarts, createdAt, deletedAt }) => ({
        name,
        namespace,
        labels,
        ip,
        node,
        status,
        ready,
        restarts,
        createdAt,
        deletedAt,
      }),
    );
  return {
    until: c.now,
    nodes: v.nodes.map((n) => ({ name: n.name, ip: n.ip, ready: n.ready })),
    pods,
    services: c.store
      .list('Service')
      .map((s) => ({
        name: s.metadata.name,
        namespace: s.metadata.namespace ?? 'default',
        type: s.spec.type ?? 'ClusterIP',
        clusterIP: s.spec.clusterIP ?? null,
        ports: (s.spec.ports ?? []).map((p) => ({
          name: p.name ?? '',
          port: p.port,
          targetPort: p.targetPort ?? p.port,
          nodePort: p.nodePort ?? null,
          protocol: p.protocol ?? 'TCP',
        })),
      }))
      .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name)),
    endpointSlices: v.endpointSlices,
    requests: c.requests.map(({ t, from, url, resolved, dst, pod, outcome, latencyMs }) => ({
      t,
      from,
      url,
      resolved,
      dst,
      pod,
      outcome,
      latencyMs,
    })),
    events: c.events.map(({ t, type, reason, object, message }) => ({
      t,
      type,
      reason,
      object,
      message,
    })),
  };
}
