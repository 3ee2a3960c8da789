// Turns a request from the engine's trace into a packet to draw: two paths in flow coordinates,
// one per view. Concept: client pod → Service box → backend pod. Data plane: client pod → the
// cluster DNS and back → kube-proxy's rules on the client's own node (DNAT) → across the pod
// network → backend pod; from outside, into a node (NodePort) or through the load balancer. A
// failed request ends where it failed, with the reason. Pure; drawing lives in the packet layers.
import type { Hop, Outcome, RequestRecord } from '../../engine/index';
import { center, type Box, type ClusterLayout } from './layout';

export interface Point {
  x: number;
  y: number;
}

/** Why a request failed where its path ends (drawn next to the ✕). */
export type FailReason =
  'nxdomain' | 'reject' | 'drop' | 'nomatch' | 'refused' | 'unreachable' | 'dead' | 'gone';

/** One request as the canvas draws it. */
export interface Packet {
  id: number;
  /** Virtual time the request was sent. */
  t: number;
  /** Virtual milliseconds the dot takes along its path (a visual simplification). */
  dur: number;
  from: string;
  outcome: Outcome;
  /** The concept view's path. */
  points: Point[];
  /** The data-plane view's path. */
  dataplane: Point[];
  /** The path ends where the request failed: draw a ✕ there. */
  failed: boolean;
  why: FailReason | null;
  /** The backend pod that answered, if any. */
  pod: string | null;
  /** The address that failed when no pod has it any more (a gone pod's IP), to show by the ✕. */
  goneIp: string | null;
  /** The request itself (the packet inspector shows its hops). */
  req: RequestRecord;
}

/** Visual travel time at 1×: real in-cluster latencies (microseconds) would be invisible. */
export const PACKET_MS = 900;
/** Shortest wall-clock travel time at high speeds, so a dot stays visible. */
export const PACKET_MIN_WALL_MS = 200;
/**
 * Packets kept for drawing; the oldest are dropped beyond this. Some of them are still waiting
 * for their start or have just arrived, so about 200 are moving at any moment.
 */
export const MAX_PACKETS = 250;

/** Virtual duration of a packet's trip at a speed: ~0.9 s of wall time at 1×, never under 0.2 s. */
export function packetDuration(speed: number): number {
  return Math.max(PACKET_MS, PACKET_MIN_WALL_MS * speed);
}

export interface PathContext {
  layout: ClusterLayout;
  /** Where the pod with this IP is drawn now, or was drawn last (a gone pod's empty slot). */
  boxForIp(ip: string): { box: Box; gone: boolean } | null;
  /** Is this a node's address (a NodePort target)? */
  isNodeIp?(ip: string): boolean;
}

type ProxyHop = Extract<Hop, { kind: 'proxy' }>;
type PodHop = Extract<Hop, { kind: 'pod' }>;

/** Both paths of a request, whether it failed, why, and the gone address it tried. */
export function packetPaths(
  req: RequestRecord,
  ctx: PathContext,
): {
  points: Point[];
  dataplane: Point[];
  failed: boolean;
  why: FailReason | null;
  goneIp: string | null;
} {
  const concept = packetPath(req, ctx);
  const dp = dataplanePath(req, ctx);
  return {
    points: concept.points,
    dataplane: dp.points,
    failed: concept.failed,
    why: dp.why,
    goneIp: concept.goneIp,
  };
}

function startOf(req: RequestRecord, layout: ClusterLayout): Point {
  const fromBox = layout.pods[req.from];
  if (fromBox) return center(fromBox);
  if (layout.external) return center(layout.external);
  return { x: layout.bounds.x - 60, y: layout.bounds.y + TOP_MARGIN };
}

/** Where the request's backend is drawn (or was, when it is gone). */
function endOf(
  req: RequestRecord,
  ctx: PathContext,
): { box: Box | null; goneIp: string | null; podHop: PodHop | null } {
  const podHop = (req.hops.find((h) => h.kind === 'pod') as PodHop | undefined) ?? null;
  const endPod = req.pod ?? podHop?.pod ?? null;
  let box: Box | null = endPod !== null ? (ctx.layout.pods[endPod] ?? null) : null;
  let goneIp: string | null = null;
  if (!box) {
    const ip = hostOf(req.dst) ?? req.resolved;
    const found = ip ? ctx.boxForIp(ip) : null;
    if (found) {
      box = found.box;
      if (found.gone && req.outcome !== 'ok') goneIp = ip;
    }
  }
  return { box, goneIp, podHop };
}

/** The concept path: client → Service → backend, or client → pod for a direct request. */
export function packetPath(
  req: RequestRecord,
  ctx: PathContext,
): { points: Point[]; failed: boolean; goneIp: string | null } {
  const { layout } = ctx;
  const start = startOf(req, layout);
  const failed = req.outcome !== 'ok';
  const svcName = req.service?.split('/')[1] ?? null;
  const svcBox = svcName !== null ? (layout.services[svcName] ?? null) : null;
  const proxy = req.hops.find((h): h is ProxyHop => h.kind === 'proxy');
  const { box: endBox, goneIp } = endOf(req, ctx);

  if (req.outcome === 'nxdomain' || (req.resolved === null && !svcBox)) {
    // The name did not resolve: the request never left the client.
    const towardServices = layout.bounds.y + TOP_MARGIN * 2;
    const stop = { x: start.x, y: start.y - (start.y - towardServices) * 0.3 };
    return { points: [start, stop], failed, goneIp: null };
  }
  if (svcBox) {
    const via = { x: svcBox.x + svcBox.w / 2, y: svcBox.y + svcBox.h - 10 };
    const dnat = proxy?.verdict === 'dnat';
    if (!dnat || !endBox) return { points: [start, via], failed, goneIp: null };
    return { points: [start, via, center(endBox)], failed, goneIp };
  }
  if (endBox) return { points: [start, center(endBox)], failed, goneIp };
  // A direct request to an address nothing on the canvas ever had.
  return { points: [start, { x: start.x + 60, y: start.y - 60 }], failed, goneIp: null };
}

/** The data-plane path, and why it ends where it does when the request failed. */
export function dataplanePath(
  req: RequestRecord,
  ctx: PathContext,
): { points: Point[]; why: FailReason | null } {
  const { layout } = ctx;
  const start = startOf(req, layout);
  const points: Point[] = [start];
  const fail = (why: FailReason) => ({ points, why: req.outcome === 'ok' ? null : why });

  // DNS: to the kube-dns ClusterIP (CoreDNS) and back, before anything else.
  if (req.hops.some((h) => h.kind === 'dns')) {
    const d = layout.dns;
    points.push({ x: d.x + d.w / 2, y: d.y + d.h - 8 }, start);
  }
  if (req.outcome === 'nxdomain' || req.resolved === null) {
    if (points.length === 1) points.push({ x: start.x, y: start.y - 40 });
    return fail('nxdomain');
  }

  const proxy = req.hops.find((h): h is ProxyHop => h.kind === 'proxy');
  if (proxy) {
    // From outside through a cloud load balancer: it is drawn on the Service's box.
    const svcName = proxy.service.split('/')[1] ?? '';
    const svcBox = layout.services[svcName];
    const viaNode = ctx.isNodeIp?.(req.resolved) ?? false;
    if (req.fromNode === null && !viaNode && svcBox)
      points.push({ x: svcBox.x + svcBox.w / 2, y: svcBox.y + svcBox.h - 10 });
    const rules = layout.rules[proxy.node];
    if (rules) points.push(center(rules));
    if (proxy.verdict === 'reject') return fail('reject');
    if (proxy.verdict === 'drop') return fail('drop');
    if (proxy.verdict === 'nomatch') return fail('nomatch');
  } else if (req.fromNode === null) {
    // From outside straight at a node address that kube-proxy does not know.
    return fail('nomatch');
  }

  const { box: endBox, podHop } = endOf(req, ctx);
  if (!endBox) {
    points.push({ x: start.x + 60, y: start.y - 60 });
    return fail('gone');
  }
  points.push(center(endBox));
  if (podHop?.result === 'refused') return fail('refused');
  if (podHop?.result === 'unreachable') return fail('dead');
  if (!podHop) return fail(req.outcome === 'timeout' ? 'unreachable' : 'gone');
  return { points, why: null };
}

const TOP_MARGIN = 40;

function hostOf(dst: string | null): string | null {
  if (!dst) return null;
  const i = dst.lastIndexOf(':');
  return i > 0 ? dst.slice(0, i) : dst;
}

/** Cumulative lengths of a path's segments (for pointAt). */
export function pathLengths(points: readonly Point[]): number[] {
  const out = [0];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    total += a && b ? Math.hypot(b.x - a.x, b.y - a.y) : 0;
    out.push(total);
  }
  return out;
}

/** Where along the path a packet is at `progress` (0…1), by length. */
export function pointAt(
  points: readonly Point[],
  progress: number,
  lengths: readonly number[] = pathLengths(points),
): Point {
  const first = points[0] ?? { x: 0, y: 0 };
  if (points.length < 2 || progress <= 0) return first;
  const total = lengths[lengths.length - 1] ?? 0;
  const left = Math.min(1, progress) * total;
  for (let i = 1; i < points.length; i++) {
    const end = lengths[i] ?? 0;
    if (left <= end || i === points.length - 1) {
      const a = points[i - 1] ?? first;
      const b = points[i] ?? first;
      const len = end - (lengths[i - 1] ?? 0);
      const f = len === 0 ? 1 : Math.min(1, (left - (lengths[i - 1] ?? 0)) / len);
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
  }
  return points[points.length - 1] ?? first;
}
