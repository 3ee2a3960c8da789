// What a share code carries, and the strict check of a decoded one: every field's type, range and
// size, so nothing half-understood reaches the app. The scenario text itself is checked later by
// the engine, when the worker loads it.
import type { LoggedCommand } from '../../engine/index';
import { isLang, type Lang } from '../i18n/i18n';
import { MAX_SPEED, MIN_SPEED, type ViewMode } from '../url';

/** How the sharer was looking at the cluster. */
export interface ShareView {
  mode: ViewMode;
  speed: number;
  playing: boolean;
}

/**
 * A shared session (format v1): the scenario YAML, the command log replayed on top of it, the
 * virtual time to stop at, the view, and optionally the UI language. Same scenario + same log +
 * same time ⇒ the same cluster, pod names and IPs included.
 */
export interface SharePayload {
  v: 1;
  scenario: string;
  log: LoggedCommand[];
  /** Virtual milliseconds. */
  at: number;
  view: ShareView;
  lang?: Lang;
}

/** Size and range limits of a payload (a decoded link is rejected beyond them). */
export const PAYLOAD_LIMITS = {
  scenarioChars: 1_000_000,
  logEntries: 5_000,
  runChars: 10_000,
  applyChars: 1_000_000,
  /** 24 hours of virtual time, the scenario format's own limit. */
  maxAtMs: 24 * 3_600_000,
} as const;

export type PayloadCheck = { ok: true; payload: SharePayload } | { ok: false; problem: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isTime = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= PAYLOAD_LIMITS.maxAtMs;

function onlyKeys(o: Record<string, unknown>, allowed: readonly string[]): string | null {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) return k;
  return null;
}

/**
 * A logged `kubectl apply` (with `--prune` when `prune`). Built as a plain object so it also fits
 * a LoggedCommand type without the optional `prune` field.
 */
export function applyEntry(at: number, apply: string, prune: boolean): LoggedCommand {
  const entry = prune ? { at, apply, prune: true } : { at, apply };
  return entry;
}

/** Checks an object that claims to be a current-version payload; never throws. */
export function checkPayload(x: unknown): PayloadCheck {
  const bad = (problem: string): PayloadCheck => ({ ok: false, problem });
  if (!isRecord(x)) return bad('not an object');
  const extra = onlyKeys(x, ['v', 'scenario', 'log', 'at', 'view', 'lang']);
  if (extra !== null) return bad(`unknown field ${JSON.stringify(extra)}`);
  if (x.v !== 1) return bad('v must be 1');
  if (typeof x.scenario !== 'string') return bad('scenario must be a string');
  if (x.scenario.length > PAYLOAD_LIMITS.scenarioChars) return bad('scenario too long');
  if (!isTime(x.at)) return bad('at must be a time in milliseconds');
  const at = x.at;
  if (!Array.isArray(x.log)) return bad('log must be a list');
  if (x.log.length > PAYLOAD_LIMITS.logEntries) return bad('log too long');
  const log: LoggedCommand[] = [];
  let prev = 0;
  for (const [i, e] of (x.log as unknown[]).entries()) {
    if (!isRecord(e)) return bad(`log[${i}] must be an object`);
    if (!isTime(e.at) || e.at < prev || e.at > at) return bad(`log[${i}].at out of order`);
    prev = e.at;
    if ('run' in e) {
      if (onlyKeys(e, ['at', 'run']) !== null) return bad(`log[${i}] has unknown fields`);
      if (typeof e.run !== 'string' || e.run.length > PAYLOAD_LIMITS.runChars)
        return bad(`log[${i}].run must be a command`);
      log.push({ at: e.at, run: e.run });
    } else if ('apply' in e) {
      if (onlyKeys(e, ['at', 'apply', 'prune']) !== null)
        return bad(`log[${i}] has unknown fields`);
      if (typeof e.apply !== 'string' || e.apply.length > PAYLOAD_LIMITS.applyChars)
        return bad(`log[${i}].apply must be manifests`);
      if (e.prune !== undefined && e.prune !== true) return bad(`log[${i}].prune must be true`);
      log.push(applyEntry(e.at, e.apply, e.prune === true));
    } else return bad(`log[${i}] needs run or apply`);
  }
  const view = x.view;
  if (!isRecord(view) || onlyKeys(view, ['mode', 'speed', 'playing']) !== null)
    return bad('view must be {mode, speed, playing}');
  if (view.mode !== 'concept' && view.mode !== 'dataplane') return bad('view.mode is unknown');
  if (
    typeof view.speed !== 'number' ||
    !Number.isFinite(view.speed) ||
    view.speed < MIN_SPEED ||
    view.speed > MAX_SPEED
  )
    return bad('view.speed out of range');
  if (typeof view.playing !== 'boolean') return bad('view.playing must be true or false');
  if (x.lang !== undefined && !isLang(x.lang)) return bad('lang is unknown');
  const payload: SharePayload = {
    v: 1,
    scenario: x.scenario,
    log,
    at,
    view: { mode: view.mode, speed: view.speed, playing: view.playing },
  };
  if (x.lang !== undefined) payload.lang = x.lang;
  return { ok: true, payload };
}
