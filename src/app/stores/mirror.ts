// The read-only mirror of the engine as the UI needs it, and the pure function that folds a frame
// from the worker into it. Nothing else writes the mirror: user actions become engine commands,
// and their effects come back in frames. Keeps object identity for unchanged parts so that
// components subscribed with selectors re-render only for what they show.
import type {
  ClusterView,
  DeploymentView,
  NodeView,
  PodView,
  ServiceView,
} from '../../engine/index';
import type { Frame } from '../../worker/client';
import { computeLayout } from '../canvas/layout';
import type { Packet } from '../canvas/packets';
import { fadeGone, placePods, reconcilePods, type Ghost, type PodPlacement } from './mirrorPods';
import { addPackets, packetBudget, samplePackets } from './packetFeed';
import {
  pairReplacements,
  REPLACEMENT_MS,
  updateMemo,
  type PodMemo,
  type Replacement,
} from './podMemory';
import { sameJson } from './sameJson';
import { endpointsOf, type EndpointRow } from './serviceEndpoints';
import { addToSeries, type StatsBucket } from './stats';
import {
  appendEvents,
  countTraffic,
  noteRequests,
  type EventRow,
  type RequestNotes,
  type TrafficCounts,
} from './traceNotes';

/**
 * The engine as the UI sees it: the cluster's objects, the trace's notes (traceNotes.ts: hits,
 * clients, kube-proxy verdicts, DNS lookups, recent requests) and where pods are drawn
 * (mirrorPods.ts: slots, room, density, layout). Only `mergeFrame` and `sweep` make new ones.
 */
export interface EngineMirror extends TrafficCounts, RequestNotes, PodPlacement {
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
  memo: Record<string, PodMemo>;
  replacements: Record<string, Replacement>;
  ghosts: Record<string, Ghost>;
  packets: Packet[];
  deployments: DeploymentView[];
  proxyMode: string;
  /** kube-dns's ClusterIP (the 10th address of the scenario's service range). */
  dnsIP: string;
  /** Requests per second of virtual time: outcomes and latencies. */
  series: StatsBucket[];
  /** Traffic from outside the cluster was seen (its box is drawn). */
  externalSeen: boolean;
  /** The EndpointSlices' names and resourceVersions the endpoints were read from. */
  slicesKey: string;
}

/** The mirror before the first frame: loading, with nothing in it. */
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
    dnsIP: '10.96.0.10',
    verdicts: {},
    dnsLookups: [],
    recent: [],
    recentFailed: [],
    series: [],
    externalSeen: false,
    slicesKey: '',
  };
}

/** What `mergeFrame` needs to know besides the frame. */
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
  const ghosts = fadeGone(base.ghosts, base.pods, pods, opts.wall);

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
    dnsIP: view.dnsIP,
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
