// Turns a request from the engine's trace into a packet to draw: a path in flow coordinates from
// the client pod, through the Service box (concept view), to the backend pod or to the point where
// it failed. Pure; the animation lives in PacketLayer.tsx.
import type { Outcome, RequestRecord } from '../../engine/index';
import { center, type Box, type ClusterLayout } from './layout';

export interface Point {
  x: number;
  y: number;
}

/** One request as the canvas draws it. */
export interface Packet {
  id: number;
  /** Virtual time the request was sent. */
  t: number;
  /** Virtual milliseconds the dot takes along its path (a visual simplification). */
  dur: number;
  from: string;
  outcome: Outcome;
  points: Point[];
  /** The path ends where the request failed: draw a ✕ there. */
  failed: boolean;
  /** The backend pod that answered, if any. */
  pod: string | null;
  /** The address that failed when no pod has it any more (a gone pod's IP), to show by the ✕. */
  goneIp: string | null;
}

/** Visual travel time at 1×: real in-cluster latencies (microseconds) would be invisible. */
export const PACKET_MS = 900;
/** Shortest wall-clock travel time at high speeds, so a dot stays visible. */
export const PACKET_MIN_WALL_MS = 200;
/** Packets drawn at once; the oldest are dropped beyond this. */
export const MAX_PACKETS = 200;

/** Virtual duration of a packet's trip at a speed: ~0.9 s of wall time at 1×, never under 0.2 s. */
export function packetDuration(speed: number): number {
  return Math.max(PACKET_MS, PACKET_MIN_WALL_MS * speed);
}

export interface PathContext {
  layout: ClusterLayout;
  /** Where the pod with this IP is drawn now, or was drawn last (a gone pod's empty slot). */
  boxForIp(ip: string): { box: Box; gone: boolean } | null;
}

/** The path of a request: client → Service → backend, or client → pod for a direct request. */
export function packetPath(
  req: RequestRecord,
  ctx: PathContext,
): { points: Point[]; failed: boolean; goneIp: string | null } {
  const { layout } = ctx;
  const fromBox = layout.pods[req.from];
  const start = fromBox
    ? center(fromBox)
    : { x: layout.bounds.x - 60, y: layout.bounds.y + GEOMETRY_TOP_MARGIN };
  const failed = req.outcome !== 'ok';
  const svcName = req.service?.split('/')[1] ?? null;
  const svcBox = svcName !== null ? (layout.services[svcName] ?? null) : null;
  const proxy = req.hops.find((h) => h.kind === 'proxy');
  const podHop = req.hops.find((h) => h.kind === 'pod');
  const endPod = req.pod ?? (podHop?.kind === 'pod' ? podHop.pod : null);
  let endBox: Box | null = endPod !== null ? (layout.pods[endPod] ?? null) : null;
  let goneIp: string | null = null;
  if (!endBox) {
    const ip = hostOf(req.dst) ?? req.resolved;
    const found = ip ? ctx.boxForIp(ip) : null;
    if (found) {
      endBox = found.box;
      if (found.gone && failed) goneIp = ip;
    }
  }

  if (req.outcome === 'nxdomain' || (req.resolved === null && !svcBox)) {
    // The name did not resolve: the request never left the client.
    const towardServices = layout.bounds.y + GEOMETRY_TOP_MARGIN * 2;
    const stop = { x: start.x, y: start.y - (start.y - towardServices) * 0.3 };
    return { points: [start, stop], failed, goneIp: null };
  }
  if (svcBox) {
    const via = { x: svcBox.x + svcBox.w / 2, y: svcBox.y + svcBox.h - 10 };
    const dnat = proxy?.kind === 'proxy' && proxy.verdict === 'dnat';
    if (!dnat || !endBox) return { points: [start, via], failed, goneIp: null };
    return { points: [start, via, center(endBox)], failed, goneIp };
  }
  if (endBox) return { points: [start, center(endBox)], failed, goneIp };
  // A direct request to an address nothing on the canvas ever had.
  return { points: [start, { x: start.x + 60, y: start.y - 60 }], failed, goneIp: null };
}

const GEOMETRY_TOP_MARGIN = 40;

function hostOf(dst: string | null): string | null {
  if (!dst) return null;
  const i = dst.lastIndexOf(':');
  return i > 0 ? dst.slice(0, i) : dst;
}

/** Where along the path a packet is at `progress` (0…1), by length. */
export function pointAt(points: readonly Point[], progress: number): Point {
  const first = points[0] ?? { x: 0, y: 0 };
  if (points.length < 2 || progress <= 0) return first;
  const lengths: number[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] ?? first;
    const b = points[i] ?? first;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    lengths.push(len);
    total += len;
  }
  let left = Math.min(1, progress) * total;
  for (let i = 1; i < points.length; i++) {
    const len = lengths[i - 1] ?? 0;
    const a = points[i - 1] ?? first;
    const b = points[i] ?? first;
    if (left <= len || i === points.length - 1) {
      const f = len === 0 ? 1 : Math.min(1, left / len);
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
    left -= len;
  }
  return points[points.length - 1] ?? first;
}
