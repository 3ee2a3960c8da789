// The read-only mirror of the engine as the UI needs it, and the pure function that folds a frame
// from the worker into it. Nothing else writes the mirror: user actions become engine commands,
// and their effects come back in frames. Keeps object identity for unchanged parts so that
// components subscribed with selectors re-render only for what they show.
import type {
  ClusterEvent,
  ClusterView,
  NodeView,
  Outcome,
  PodView,
  RequestRecord,
  ServiceView,
} from '../../engine/index';
import type { Frame } from '../../worker/client';
import {
  assignSlots,
  computeLayout,
  UNSCHEDULED,
  type Box,
  type ClusterLayout,
  type Slots,
} from '../canvas/layout';
import { MAX_PACKETS, packetPath, type Packet } from '../canvas/packets';

/** Rows kept in the events log. */
export const MAX_EVENTS = 500;
/** How long a gone pod stays on the canvas, fading out (wall ms). */
export const GHOST_MS = 1200;
/** How long a replacement pod shows its new IP against the old one (wall ms). */
export const REPLACEMENT_MS = 8000;
/** A newcomer and a pod that left are paired when they are this close in virtual time. */
const REPLACE_WINDOW_MS = 30_000;

export interface EventRow extends ClusterEvent {
  seq: number;
}

/** An endpoint of a Service as its EndpointSlices list it. */
export interface EndpointRow {
  ip: string;
  port: number | null;
  ready: boolean;
  pod: string | null;
}

export interface ClientStats {
  ok: number;
  failed: number;
  last: Outcome;
}

/** What the UI remembers of every pod it has seen (for "was IP …" and gone pods' places). */
export interface PodMemo {
  name: string;
  ip: string | null;
  group: string;
  createdAt: number;
  lastBox: Box | null;
  /** Virtual time it started terminating or vanished; null while it is alive. */
  departedAt: number | null;
  /** The pod that took its place, once paired. */
  replacedBy: string | null;
  /** The pod it took the place of, once paired. */
  replaces: string | null;
}

export interface Replacement {
  oldName: string;
  oldIp: string;
  /** Wall time (performance.now) it was noticed. */
  since: number;
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
  layout: ClusterLayout;
  packets: Packet[];
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
    layout: computeLayout([], {}, []),
    packets: [],
  };
}

/** The pod's group: its ReplicaSet's name without the pod-template-hash (≈ its Deployment). */
export function podGroup(p: Pick<PodView, 'name' | 'owner' | 'labels'>): string {
  const hash = p.labels['pod-template-hash'];
  if (p.owner && hash && p.owner.endsWith(`-${hash}`)) return p.owner.slice(0, -hash.length - 1);
  return p.owner ?? p.name;
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
  const base = frame.reset ? { ...emptyMirror(), status: prev.status } : prev;
  const view = frame.view;
  const pods = reconcilePods(base.pods, view);
  const services = sameJson(base.services, userServices(view)) ? base.services : userServices(view);
  const nodes = sameJson(base.nodes, view.nodes) ? base.nodes : view.nodes;
  const nextEndpoints = endpointsOf(view);
  const endpoints = sameJson(base.endpoints, nextEndpoints) ? base.endpoints : nextEndpoints;

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
  const { slots, layout } = placePods(base, pods, ghosts, nodes, services);
  for (const [name, m] of Object.entries(memo)) {
    const box = layout.pods[name];
    if (box && (m.lastBox?.x !== box.x || m.lastBox?.y !== box.y))
      memo[name] = { ...m, lastBox: box };
  }

  const events = appendEvents(base.events, base.eventSeq, frame.events);
  const traffic = countTraffic(base, frame.requests, pods);
  const budget = packetBudget(frame.now - base.now, opts.packetMs);
  const drawn = samplePackets(frame.requests, budget);
  const packets = addPackets(base.packets, drawn, layout, memo, pods, opts.packetMs);

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
    slots,
    layout,
    packets,
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
  const placed = placePods(prev, prev.pods, ghosts, prev.nodes, prev.services);
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
    if (old && sameJson(old, p)) next[p.name] = old;
    else {
      next[p.name] = p;
      changed = true;
    }
  }
  return changed ? next : prev;
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
      rows.push({
        ip,
        port,
        ready: e.conditions.ready !== false,
        pod: e.targetRef?.name ?? null,
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

function updateMemo(
  prev: Record<string, PodMemo>,
  pods: Record<string, PodView>,
  now: number,
): Record<string, PodMemo> {
  const memo = { ...prev };
  for (const p of Object.values(pods)) {
    const m = memo[p.name];
    const departedAt = p.terminating ? (m?.departedAt ?? now) : null;
    const ip = p.ip ?? m?.ip ?? null;
    if (!m || m.ip !== ip || m.departedAt !== departedAt)
      memo[p.name] = {
        name: p.name,
        ip,
        group: podGroup(p),
        createdAt: p.createdAt,
        lastBox: m?.lastBox ?? null,
        departedAt,
        replacedBy: m?.replacedBy ?? null,
        replaces: m?.replaces ?? null,
      };
  }
  for (const [name, m] of Object.entries(memo))
    if (!pods[name] && m.departedAt === null) memo[name] = { ...m, departedAt: now };
  return memo;
}

/**
 * Pairs pods that left with pods of the same group (Deployment) made around then, after the UI
 * started watching: a replacement after a delete or a node failure, or a rolling update's new
 * pod. The latest departure is paired first, with the newcomer created closest to it.
 */
function pairReplacements(
  prev: Record<string, Replacement>,
  memo: Record<string, PodMemo>,
  pods: Record<string, PodView>,
  o: { now: number; span: number; watchedSince: number; wall: number },
): Record<string, Replacement> {
  const slack = o.span + 5000;
  const newcomers = Object.values(pods)
    .map((p) => memo[p.name])
    .filter(
      (m): m is PodMemo =>
        m !== undefined &&
        m.ip !== null &&
        m.departedAt === null &&
        m.replaces === null &&
        m.createdAt > o.watchedSince,
    );
  if (newcomers.length === 0) return prev;
  const leavers = Object.values(memo)
    .filter(
      (m) =>
        m.departedAt !== null &&
        m.replacedBy === null &&
        m.ip !== null &&
        o.now - m.departedAt <= REPLACE_WINDOW_MS,
    )
    .sort((a, b) => (b.departedAt ?? 0) - (a.departedAt ?? 0));
  let out = prev;
  const taken = new Set<string>();
  for (const old of leavers) {
    const left = old.departedAt ?? 0;
    let best: PodMemo | null = null;
    for (const m of newcomers) {
      if (taken.has(m.name) || m.group !== old.group || m.ip === old.ip) continue;
      if (m.createdAt < left - slack || m.createdAt - left > REPLACE_WINDOW_MS) continue;
      if (!best || Math.abs(m.createdAt - left) < Math.abs(best.createdAt - left)) best = m;
    }
    if (!best || !old.ip) continue;
    taken.add(best.name);
    memo[old.name] = { ...old, replacedBy: best.name };
    memo[best.name] = { ...best, replaces: old.name };
    if (out === prev) out = { ...prev };
    out[best.name] = { oldName: old.name, oldIp: old.ip, since: o.wall };
  }
  return out;
}

function placePods(
  base: Pick<EngineMirror, 'slots' | 'layout'>,
  pods: Record<string, PodView>,
  ghosts: Record<string, Ghost>,
  nodes: readonly NodeView[],
  services: readonly ServiceView[],
): { slots: Slots; layout: ClusterLayout } {
  const present = [
    ...Object.values(pods).map((p) => ({ name: p.name, lane: p.node ?? UNSCHEDULED })),
    ...Object.values(ghosts).map((g) => ({ name: g.pod.name, lane: g.pod.node ?? UNSCHEDULED })),
  ];
  const slots = assignSlots(base.slots, present);
  const next = computeLayout(
    nodes.map((n) => n.name),
    slots,
    services.map((s) => s.name),
  );
  return { slots, layout: sameJson(base.layout, next) ? base.layout : next };
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

/**
 * How many of a frame's requests to draw so that about MAX_PACKETS are in flight at once: at high
 * speeds a frame spans more virtual time than one trip lasts.
 */
export function packetBudget(spanMs: number, packetMs: number): number {
  return Math.max(8, Math.ceil((MAX_PACKETS * Math.max(0, spanMs)) / packetMs));
}

/**
 * At most `budget` requests, spread evenly over the frame; failures first (they are what a
 * learner must not miss), then a regular sample of the rest. Keeps time order.
 */
export function samplePackets(requests: RequestRecord[], budget: number): RequestRecord[] {
  if (requests.length <= budget) return requests;
  const failed = requests.filter((r) => r.outcome !== 'ok');
  const pick = (list: RequestRecord[], n: number) =>
    n <= 0 ? [] : Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]);
  const keepFailed = failed.length <= budget / 2 ? failed : pick(failed, Math.floor(budget / 2));
  const ok = requests.filter((r) => r.outcome === 'ok');
  const keepOk = pick(ok, Math.min(ok.length, budget - keepFailed.length));
  return [...keepFailed, ...keepOk]
    .filter((r): r is RequestRecord => r !== undefined)
    .sort((a, b) => a.t - b.t || a.id - b.id);
}

function addPackets(
  prev: Packet[],
  requests: RequestRecord[],
  layout: ClusterLayout,
  memo: Record<string, PodMemo>,
  pods: Record<string, PodView>,
  packetMs: number,
): Packet[] {
  if (requests.length === 0) return prev;
  const byIp = new Map<string, { box: Box; gone: boolean }>();
  // Gone pods first, so a live pod with the same IP wins.
  for (const m of Object.values(memo))
    if (m.ip && m.lastBox) byIp.set(m.ip, { box: m.lastBox, gone: !pods[m.name] });
  for (const p of Object.values(pods)) {
    const box = layout.pods[p.name];
    if (p.ip && box) byIp.set(p.ip, { box, gone: false });
  }
  const ctx = { layout, boxForIp: (ip: string) => byIp.get(ip) ?? null };
  const fresh = requests.slice(-MAX_PACKETS).map((r): Packet => {
    const { points, failed, goneIp } = packetPath(r, ctx);
    return {
      id: r.id,
      t: r.t,
      dur: packetMs,
      from: r.from,
      outcome: r.outcome,
      points,
      failed,
      pod: r.pod,
      goneIp,
    };
  });
  const all = prev.concat(fresh);
  return all.length > MAX_PACKETS ? all.slice(all.length - MAX_PACKETS) : all;
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
