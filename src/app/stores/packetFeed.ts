// Which requests of a frame become packets on the canvas, and their paths. Pure.
import type { PodView, RequestRecord } from '../../engine/index';
import type { Box, ClusterLayout } from '../canvas/layout';
import { MAX_PACKETS, packetPaths, type Packet } from '../canvas/packets';
import type { PodMemo } from './podMemory';

/**
 * How many of a frame's requests to draw so that the canvas keeps about MAX_PACKETS (some waiting
 * to start or just arrived, about 200 moving): at high speeds a frame spans more virtual time than
 * one trip lasts.
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

/** Appends packets for these requests (paths from the layout), dropping the oldest past the cap. */
export function addPackets(
  prev: Packet[],
  requests: RequestRecord[],
  layout: ClusterLayout,
  memo: Record<string, PodMemo>,
  pods: Record<string, PodView>,
  packetMs: number,
  nodeIps: ReadonlySet<string> = new Set(),
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
  const ctx = {
    layout,
    boxForIp: (ip: string) => byIp.get(ip) ?? null,
    isNodeIp: (ip: string) => nodeIps.has(ip),
  };
  const fresh = requests.slice(-MAX_PACKETS).map((r): Packet => {
    const { points, dataplane, failed, why, goneIp } = packetPaths(r, ctx);
    return {
      id: r.id,
      t: r.t,
      dur: packetMs,
      from: r.from,
      outcome: r.outcome,
      points,
      dataplane,
      failed,
      why,
      pod: r.pod,
      goneIp,
      req: r,
    };
  });
  const all = prev.concat(fresh);
  return all.length > MAX_PACKETS ? all.slice(all.length - MAX_PACKETS) : all;
}
