// The journal ResilientEngine keeps to rebuild a session in a new worker: the scenario last
// loaded, the engine's command log, the last virtual time and view seen, the open watches; and the
// frames it reads them from. Pure bookkeeping over the worker's answers: it sends nothing.
import type { ClusterView, LoggedCommand } from '../../engine/index';
import type { Frame } from '../../worker/client';

/** What the journal keeps to rebuild a session. */
export interface Journal {
  scenario: string | null;
  log: LoggedCommand[];
  now: number;
  view: ClusterView | null;
  watches: Set<number>;
}

/** A journal with no session in it yet. */
export function emptyJournal(): Journal {
  return { scenario: null, log: [], now: 0, view: null, watches: new Set() };
}

const isFrame = (v: unknown): v is Frame =>
  typeof v === 'object' && v !== null && 'now' in v && 'view' in v && 'reset' in v;

/** The frame an answer carries: the answer itself (tick, rewind) or its `frame` (exec, apply…). */
export function frameOf(result: unknown): Frame | null {
  if (isFrame(result)) return result;
  if (typeof result === 'object' && result !== null && 'frame' in result) {
    const f = (result as { frame: unknown }).frame;
    if (isFrame(f)) return f;
  }
  return null;
}

/**
 * Keeps the journal current with what the answer `value` to a `method(...args)` call says: a
 * load starts a new session (its log cut at its `at`), a successful exec or apply is logged, a
 * rewind cuts the log, a watch is remembered; any frame moves the time and view on and closes the
 * watches it ends. Returns false when the answer says nothing (a load that failed).
 */
export function recordAnswer(j: Journal, method: string, args: unknown[], value: unknown): boolean {
  const frame = frameOf(value);
  if (method === 'load') {
    const r = value as { ok: boolean };
    if (!r.ok) return false;
    const [scenario, opts] = args as [string, { log?: LoggedCommand[]; at?: number }];
    j.scenario = scenario;
    const log: LoggedCommand[] = [];
    for (const e of opts?.log ?? []) {
      if (opts.at !== undefined && e.at > opts.at) break;
      log.push(e);
    }
    j.log = log;
    j.watches.clear();
  } else if (method === 'exec' && frame) {
    j.log = [...j.log, { at: frame.now, run: args[0] as string }];
  } else if (method === 'apply' && frame && (value as { result: { ok: boolean } }).result.ok) {
    const prune = (args[1] as { prune?: boolean } | undefined)?.prune === true;
    const text = args[0] as string;
    j.log = [
      ...j.log,
      prune ? { at: frame.now, apply: text, prune } : { at: frame.now, apply: text },
    ];
  } else if (method === 'rewind') {
    j.log = j.log.filter((e) => e.at <= (args[0] as number));
  } else if (method === 'execWatch') {
    const id = (value as { watch: number | null }).watch;
    if (id !== null) j.watches.add(id);
  }
  if (frame) {
    j.now = frame.now;
    j.view = frame.view;
    for (const w of frame.watches ?? []) if (w.done) j.watches.delete(w.id);
  }
  return true;
}

/**
 * The answer `value` (whose frame is `frame`) as the caller gets it after a rebuild: a session
 * that came back different (`carry`, its first frame) turns the frame into a reset that also
 * carries that frame's requests and events, and the watches the old worker lost end.
 */
export function withNews(
  value: unknown,
  frame: Frame,
  carry: Frame | null,
  lostWatches: readonly number[],
): unknown {
  let out: Frame = frame;
  if (carry)
    out = {
      ...frame,
      reset: true,
      requests: [...carry.requests, ...frame.requests],
      events: [...carry.events, ...frame.events],
    };
  if (lostWatches.length > 0) {
    const ended = lostWatches.map((id) => ({ id, text: '', done: true }));
    out = { ...out, watches: [...(out.watches ?? []), ...ended] };
  }
  return isFrame(value) ? out : { ...(value as object), frame: out };
}

/** Do two views hold the same pods (names, IPs, nodes, phases)? A rebuilt session is checked so. */
export function samePods(a: ClusterView | null, b: ClusterView | null): boolean {
  return podsKey(a) === podsKey(b);
}

const podsKey = (view: ClusterView | null) =>
  (view?.pods ?? [])
    .map((p) => `${p.namespace}/${p.name}@${p.ip ?? ''}/${p.node ?? ''}/${p.status}`)
    .sort()
    .join('\n');
