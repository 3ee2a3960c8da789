// The read-only mirror of the engine as the UI needs it, and the pure function that folds a frame
// from the worker into it. Nothing else writes the mirror: user actions become engine commands,
// and their effects come back in frames. Keeps object identity for unchanged parts so that
// components subscribed with selectors re-render only for what they show.
import type {
  ClusterEvent,
  ClusterView,
  DeploymentView,
  Hop,
  NodeView,
  Outcome,
  PodView,
  RequestRecord,
  ServiceView,
} from '../../engine/index';
import type { Frame } from '../../worker/client';
import {
  assignSlots,
  chooseDensity,
  computeLayout,
  serviceHeight,
  UNSCHEDULED,
  type ClusterLayout,
  type Density,
  type Slots,
} from '../canvas/layout';
import type { Packet } from '../canvas/packets';
import { addPackets, packetBudget, samplePackets } from './packetFeed';
import { addToSeries, type StatsBucket } from './stats';
import {
  pairReplacements,
  podGroup,
  REPLACEMENT_MS,
  updateMemo,
  type PodMemo,
  type Replacement,
} from './podMemory';

export { podGroup, REPLACEMENT_MS, type PodMemo, type Replacement } from './podMemory';

/** Rows kept in the events log. */
export const MAX_EVENTS = 500;
/** How long a gone pod stays on the canvas, fading out (wall ms). */
export const GHOST_MS = 1200;
export interface EventRow extends ClusterEvent {
  seq: number;
}

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

/** What kube-proxy's rules on a node last did with a packet (the data-plane view shows it). */
export interface ProxyVerdict {
  t: number;
  from: string;
  service: string;
  verdict: Extract<Hop, { kind: 'proxy' }>['verdict'];
  endpoint: string | null;
  /** The chain (or virtual server) that chose the endpoint, or why nothing matched. */
  chain: string | null;
  masquerade: boolean;
  stale: boolean;
  mode: string;
}

/** A recent DNS lookup (the DNS box lists the latest). */
export interface DnsLookup {
  t: number;
  from: string;
  name: string;
  rcode: string;
  answer: string | null;
}

/** Requests kept for the inspectors (the latest, and the latest failures). */
export const MAX_RECENT = 80;

export interface ClientStats {
  ok: number;
  failed: number;
  last: Outcome;
}

export interface Ghost {
  pod: PodView;
  /** Wall time after which it is removed. */
  until: number;
}

export interface EngineMirror {
  status: 'loading' | 'running' | 'failed';
  now: number;
  /** Virtual time the lesson was (re)loaded: pods made later count as newcomers. */
  watchedSince: number;
  nodes: NodeView[];
  pods: Record<string, PodView>;
  /** The Services drawn (the built-in `kubernetes` Service is left out). */
  services: ServiceView[];
  endpoints: Record<string, EndpointRow[]>;
  events: EventRow[];
  eventSeq: number;
  /** Successful answers per backend pod since the lesson opened. */
  hits: Record<string, number>;
  clients: Record<string, ClientStats>;
  /** Deployment-ish groups (owner without its pod-template-hash) whose pods sent requests. */
  clientGroups: Record<string, true>;
  memo: Record<string, PodMemo>;
  replacements: Record<string, Replacement>;
  ghosts: Record<string, Ghost>;
  slots: Slots;
  /** Slots each lane (and endpoint chips each Service) has made room for: boxes only grow. */
  room: Record<string, number>;
  density: Density;
  layout: ClusterLayout;
  packets: Packet[];
  deployments: DeploymentView[];
  proxyMode: string;
  /** Per node, what its kube-proxy rules last did. */
  verdicts: Record<string, ProxyVerdict>;
  dnsLookups: DnsLookup[];
  /** The latest requests, and the latest failed ones (the packet inspector reads them). */
  recent: RequestRecord[];
  recentFailed: RequestRecord[];
  /** Requests per second of virtual time: outcomes and latencies. */
  series: StatsBucket[];
  /** Traffic from outside the cluster was seen (its box is drawn). */
  externalSeen: boolean;
  /** The EndpointSlices' names and resourceVersions the endpoints were read from. */
  slicesKey: string;
}

export function emptyMirror(): EngineMirror {
  return {
    status: 'loading',
    now: 0,
    watchedSince: 0,
    nodes: [],
    pods: {},
    services: [],
    endpoints: {},
    events: [],
    eventSeq: 0,
    hits: {},
    clients: {},
    clientGroups: {},
    memo: {},
    replacements: {},
    ghosts: {},
    slots: {},
    room: {},
    density: 'full',
    layout: computeLayout({ nodes: [], slots: {}, services: [] }),
    packets: [],
    deployments: [],
    proxyMode: 'iptables',
    verdicts: {},
    dnsLookups: [],
    recent: [],
    recentFailed: [],
    series: [],
    externalSeen: false,
    slicesKey: '',
  };
}

/** Does a Service's selector pick this pod? */
export function selects(svc: Pick<ServiceView, 'selector'>, pod: Pick<PodView, 'labels'>): boolean {
  const sel = svc.selector;
  if (!sel || Object.keys(sel).length === 0) return false;
  return Object.entries(sel).every(([k, v]) => pod.labels[k] === v);
}

export interface MergeOptions {
  /** Wall-clock now (performance.now()), for fades and highlights. */
  wall: number;
  /** Virtual duration of a packet's trip at the current speed. */
  packetMs: number;
}

/** Folds a frame into the mirror. */
export function mergeFrame(prev: EngineMirror, frame: Frame, opts: MergeOptions): EngineMirror {
  // A reset (load, rewind) starts the trace afresh but keeps where pods were drawn, so the
  // canvas does not reshuffle when the same cluster comes back.
  const base: EngineMirror = frame.reset
    ? {
        ...emptyMirror(),
        status: prev.status,
        slots: prev.slots,
        room: prev.room,
        density: prev.density,
      }
    : prev;
  const view = frame.view;
  const pods = reconcilePods(base.pods, view);
  const services = sameJson(base.services, userServices(view)) ? base.services : userServices(view);
  const nodes = sameJson(base.nodes, view.nodes) ? base.nodes : view.nodes;
  // EndpointSlices carry a resourceVersion: unchanged versions, unchanged endpoints.
  const slicesKey = view.endpointSlices
    .map((sl) => `${sl.metadata.name}@${sl.metadata.resourceVersion}`)
    .join(' ');
  let endpoints = base.endpoints;
  if (slicesKey !== base.slicesKey) {
    const next = endpointsOf(view);
    if (!sameJson(base.endpoints, next)) endpoints = next;
  }

  // Pods that vanished since the last frame fade out where they were.
  let ghosts = base.ghosts;
  for (const [name, pod] of Object.entries(base.pods)) {
    if (pods[name]) continue;
    if (ghosts === base.ghosts) ghosts = { ...ghosts };
    ghosts[name] = { pod, until: opts.wall + GHOST_MS };
  }
  for (const name of Object.keys(ghosts)) {
    if (!pods[name]) continue;
    if (ghosts === base.ghosts) ghosts = { ...ghosts };
    delete ghosts[name];
  }

  const memo = updateMemo(base.memo, pods, view.t);
  const watchedSince = frame.reset ? frame.now : base.watchedSince;
  const replacements = pairReplacements(base.replacements, memo, pods, {
    now: view.t,
    span: frame.now - base.now,
    watchedSince,
    wall: opts.wall,
  });
  const external =
    base.externalSeen ||
    frame.requests.some((r) => r.fromNode === null) ||
    services.some((s) => s.type === 'NodePort' || s.type === 'LoadBalancer');
  const deployments = sameJson(base.deployments, view.deployments)
    ? base.deployments
    : view.deployments;
  const placed = placePods(
    { ...base, externalSeen: external },
    pods,
    ghosts,
    nodes,
    services,
    endpoints,
    nodes === base.nodes &&
      services === base.services &&
      endpoints === base.endpoints &&
      external === base.externalSeen,
  );
  const { layout } = placed;
  for (const [name, m] of Object.entries(memo)) {
    const box = layout.pods[name];
    if (box && (m.lastBox?.x !== box.x || m.lastBox?.y !== box.y))
      memo[name] = { ...m, lastBox: box };
  }

  const events = appendEvents(base.events, base.eventSeq, frame.events);
  const traffic = countTraffic(base, frame.requests, pods);
  const budget = packetBudget(frame.now - base.now, opts.packetMs);
  const drawn = samplePackets(frame.requests, budget);
  const nodeIps = new Set(nodes.map((n) => n.ip));
  const packets = addPackets(base.packets, drawn, layout, memo, pods, opts.packetMs, nodeIps);
  const seen = noteRequests(base, frame.requests, view.proxyMode);

  return {
    status: base.status,
    now: frame.now,
    watchedSince,
    nodes,
    pods,
    services,
    endpoints,
    events,
    eventSeq: base.eventSeq + frame.events.length,
    hits: traffic.hits,
    clients: traffic.clients,
    clientGroups: traffic.clientGroups,
    memo,
    replacements,
    ghosts,
    ...placed,
    packets,
    deployments,
    proxyMode: view.proxyMode,
    ...seen,
    series: addToSeries(base.series, frame.requests, frame.now),
    externalSeen: external,
    slicesKey,
  };
}

/** Removes faded ghosts and expired highlights, and packets that finished before `packetClock`. */
export function sweep(prev: EngineMirror, wall: number, packetClock: number): EngineMirror {
  let changed = false;
  let ghosts = prev.ghosts;
  for (const [name, g] of Object.entries(prev.ghosts))
    if (g.until <= wall) {
      if (ghosts === prev.ghosts) ghosts = { ...ghosts };
      delete ghosts[name];
      changed = true;
    }
  let replacements = prev.replacements;
  for (const [name, r] of Object.entries(prev.replacements))
    if (r.since + REPLACEMENT_MS <= wall || !prev.pods[name]) {
      if (replacements === prev.replacements) replacements = { ...replacements };
      delete replacements[name];
      changed = true;
    }
  // A failed packet's ✕ lingers for half a trip after it arrives.
  const packets = prev.packets.filter((p) => p.t + p.dur * (p.failed ? 1.6 : 1) > packetClock);
  if (packets.length !== prev.packets.length) changed = true;
  if (!changed) return prev;
  const placed = placePods(
    prev,
    prev.pods,
    ghosts,
    prev.nodes,
    prev.services,
    prev.endpoints,
    true,
  );
  return { ...prev, ghosts, replacements, packets, ...placed };
}

function userServices(view: ClusterView): ServiceView[] {
  return view.services.filter((s) => !(s.namespace === 'default' && s.name === 'kubernetes'));
}

function reconcilePods(prev: Record<string, PodView>, view: ClusterView): Record<string, PodView> {
  const next: Record<string, PodView> = {};
  let changed = Object.keys(prev).length !== view.pods.length;
  for (const p of view.pods) {
    const old = prev[p.name];
    if (old && samePod(old, p)) next[p.name] = old;
    else {
      next[p.name] = p;
      changed = true;
    }
  }
  return changed ? next : prev;
}

/** PodView equality, field by field (called for every pod of every frame). */
function samePod(a: PodView, b: PodView): boolean {
  return (
    a.uid === b.uid &&
    a.status === b.status &&
    a.ready === b.ready &&
    a.readyText === b.readyText &&
    a.restarts === b.restarts &&
    a.ip === b.ip &&
    a.node === b.node &&
    a.terminating === b.terminating &&
    a.deletedAt === b.deletedAt &&
    a.owner === b.owner &&
    a.createdAt === b.createdAt &&
    a.ports.length === b.ports.length &&
    a.ports.every((x, i) => x === b.ports[i]) &&
    sameJson(a.labels, b.labels)
  );
}

function endpointsOf(view: ClusterView): Record<string, EndpointRow[]> {
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

function placePods(
  base: Pick<EngineMirror, 'slots' | 'layout' | 'room' | 'density' | 'externalSeen'>,
  pods: Record<string, PodView>,
  ghosts: Record<string, Ghost>,
  nodes: readonly NodeView[],
  services: readonly ServiceView[],
  endpoints: Record<string, EndpointRow[]>,
  /** Nodes, Services and endpoints are the very objects the current layout was made from. */
  inputsSame: boolean,
): { slots: Slots; layout: ClusterLayout; room: Record<string, number>; density: Density } {
  const present = [
    ...Object.values(pods).map((p) => ({ name: p.name, lane: p.node ?? UNSCHEDULED })),
    ...Object.values(ghosts).map((g) => ({ name: g.pod.name, lane: g.pod.node ?? UNSCHEDULED })),
  ];
  const slots = assignSlots(base.slots, present);
  const density = chooseDensity(Object.keys(pods).length, base.density);
  // Boxes only grow while the density stays (a pod leaving never moves the others).
  let room = density === base.density ? base.room : {};
  const grow = (key: string, n: number) => {
    if ((room[key] ?? 0) >= n) return;
    if (room === base.room) room = { ...room };
    room[key] = n;
  };
  for (const [lane, list] of Object.entries(slots)) grow(lane, list.length);
  for (const s of services) grow(`svc:${s.name}`, endpoints[s.name]?.length ?? 0);
  if (
    inputsSame &&
    slots === base.slots &&
    room === base.room &&
    density === base.density &&
    base.layout.nodeOrder.length === nodes.length
  )
    return { slots, room, density, layout: base.layout };
  const next = computeLayout({
    nodes: nodes.map((n) => n.name).sort(byNaturalName),
    slots,
    room,
    services: services.map((s) => ({
      name: s.name,
      h: serviceHeight(serviceRows(s), room[`svc:${s.name}`] ?? 0),
    })),
    density,
    external: base.externalSeen,
  });
  return {
    slots,
    room,
    density,
    layout: sameJson(base.layout, next) ? base.layout : next,
  };
}

/** node-2 before node-10. */
const byNaturalName = new Intl.Collator('en', { numeric: true }).compare;

/** Rows of facts a Service box shows above its endpoints. */
export function serviceRows(s: Pick<ServiceView, 'type' | 'externalIP'>): number {
  return s.type === 'LoadBalancer' || s.externalIP ? 4 : 3;
}

/** What the latest requests say: kube-proxy verdicts per node, DNS lookups, recent requests. */
function noteRequests(
  base: Pick<EngineMirror, 'verdicts' | 'dnsLookups' | 'recent' | 'recentFailed'>,
  requests: RequestRecord[],
  mode: string,
): Pick<EngineMirror, 'verdicts' | 'dnsLookups' | 'recent' | 'recentFailed'> {
  if (requests.length === 0)
    return {
      verdicts: base.verdicts,
      dnsLookups: base.dnsLookups,
      recent: base.recent,
      recentFailed: base.recentFailed,
    };
  let verdicts = base.verdicts;
  const lookups: DnsLookup[] = [];
  for (const r of requests) {
    for (const h of r.hops) {
      if (h.kind === 'proxy') {
        if (verdicts === base.verdicts) verdicts = { ...verdicts };
        const chosen = h.chains[h.chains.length - 1] ?? null;
        verdicts[h.node] = {
          t: r.t,
          from: r.from,
          service: h.service,
          verdict: h.verdict,
          endpoint: h.endpoint ?? null,
          chain: chosen,
          masquerade: h.masquerade,
          stale: h.stale,
          mode,
        };
      } else if (h.kind === 'dns') {
        const last = h.queries[h.queries.length - 1];
        if (last)
          lookups.push({
            t: r.t,
            from: r.from,
            name: last.name,
            rcode: last.rcode,
            answer: last.answers[0] ?? null,
          });
      }
    }
  }
  const failed = requests.filter((r) => r.outcome !== 'ok');
  return {
    verdicts,
    dnsLookups: lookups.length > 0 ? base.dnsLookups.concat(lookups).slice(-4) : base.dnsLookups,
    recent: base.recent.concat(requests.slice(-MAX_RECENT)).slice(-MAX_RECENT),
    recentFailed:
      failed.length > 0
        ? base.recentFailed.concat(failed.slice(-MAX_RECENT)).slice(-MAX_RECENT / 2)
        : base.recentFailed,
  };
}

function appendEvents(prev: EventRow[], seq: number, incoming: ClusterEvent[]): EventRow[] {
  if (incoming.length === 0) return prev;
  const rows = incoming.map((e, i) => ({ ...e, seq: seq + i + 1 }));
  const all = prev.concat(rows);
  return all.length > MAX_EVENTS ? all.slice(all.length - MAX_EVENTS) : all;
}

function countTraffic(
  base: Pick<EngineMirror, 'hits' | 'clients' | 'clientGroups'>,
  requests: RequestRecord[],
  pods: Record<string, PodView>,
): Pick<EngineMirror, 'hits' | 'clients' | 'clientGroups'> {
  if (requests.length === 0) return base;
  const hits = { ...base.hits };
  const clients = { ...base.clients };
  let clientGroups = base.clientGroups;
  for (const r of requests) {
    if (r.outcome === 'ok' && r.pod) hits[r.pod] = (hits[r.pod] ?? 0) + 1;
    const c = clients[r.from] ?? { ok: 0, failed: 0, last: r.outcome };
    clients[r.from] =
      r.outcome === 'ok'
        ? { ok: c.ok + 1, failed: c.failed, last: r.outcome }
        : { ok: c.ok, failed: c.failed + 1, last: r.outcome };
    const sender = pods[r.from];
    const group = sender ? podGroup(sender) : null;
    if (group !== null && !clientGroups[group]) clientGroups = { ...clientGroups, [group]: true };
  }
  return { hits, clients, clientGroups };
}

/** Structural equality for small JSON values (views are plain JSON). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka)
    if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false;
  return true;
}
