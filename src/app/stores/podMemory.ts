// What the UI remembers of the pods it has seen, and the pairing of a pod that left with the one
// that took its place (for "new IP ... (was ...)"). Pure functions over plain records.
import type { PodView } from '../../engine/index';
import type { Box } from '../canvas/layout';

/** How long a replacement pod shows its new IP against the old one (wall ms). */
export const REPLACEMENT_MS = 8000;
/** A newcomer and a pod that left are paired when they are this close in virtual time. */
export const REPLACE_WINDOW_MS = 30_000;

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

/** The pod's group: its ReplicaSet's name without the pod-template-hash (≈ its Deployment). */
export function podGroup(p: Pick<PodView, 'name' | 'owner' | 'labels'>): string {
  const hash = p.labels['pod-template-hash'];
  if (p.owner && hash && p.owner.endsWith(`-${hash}`)) return p.owner.slice(0, -hash.length - 1);
  return p.owner ?? p.name;
}

/** The memory after a frame: new pods, IPs, and when pods started leaving or vanished. */
export function updateMemo(
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
export function pairReplacements(
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
