// How ResilientEngine judges the engine worker's calls: the heartbeat and its deadlines, which
// calls only read (and may be sent again to a new worker), and when to stop restarting. Constants
// and pure functions only; recovery.ts applies them.

/** How often the heartbeat looks at the worker. */
export const HEARTBEAT_MS = 200;
/** A quick call (tick, ping, exec…) the worker is busy with longer than this means it hangs. */
export const HANG_MS = 1200;
/** The deadline for calls that may legitimately take long (load, apply, rewind…). */
export const LONG_MS = 10_000;
/** Failures within RETRY_WINDOW_MS after which the client stops restarting the worker. */
export const MAX_RESTARTS = 3;
/** The window (wall ms) in which MAX_RESTARTS failures make the client give up. */
export const RETRY_WINDOW_MS = 60_000;
/** Failures this close together double the hang deadline (a slow worker is not a dead one). */
export const FLAP_MS = 15_000;
/**
 * How long a worker that hangs again at the very point it was restarted at is waited for: that is
 * deterministic work (thousands of pods at once), which another restart would only repeat.
 */
export const BUSY_MS = 120_000;

/** Calls that read and may be sent again to a new worker. */
const REPLAYABLE = new Set([
  'tick',
  'ping',
  'log',
  'validate',
  'inspect',
  'object',
  'serviceRules',
  'timeline',
  'complete',
  'lessonMark',
  'lessonStatus',
  'lessonRules',
]);
/** Calls the worker answers at once; anything else gets LONG_MS. */
const QUICK = new Set([...REPLAYABLE, 'exec', 'execWatch', 'unwatch']);

/**
 * Does this call only read, so that it may be sent again to a new worker when the old one stops
 * while it runs? Calls that change the cluster are refused instead.
 */
export function isReplayable(method: string): boolean {
  return REPLAYABLE.has(method);
}

/**
 * Leaves the engine's command log as it was (replayable calls and `unwatch`); after any other
 * call the client fetches the log again.
 */
export function readsOnly(method: string): boolean {
  return REPLAYABLE.has(method) || method === 'unwatch';
}

/**
 * How long (wall ms) the worker may be busy with a `method` call before it counts as hung:
 * HANG_MS for quick calls, LONG_MS for the rest, doubled for each failure (up to three) within
 * FLAP_MS before `now`, since a worker that keeps failing soon after a restart may just be slow.
 */
export function hangDeadline(method: string, failures: readonly number[], now: number): number {
  const scale = 2 ** Math.min(3, failures.filter((t) => now - t < FLAP_MS).length);
  return (QUICK.has(method) ? HANG_MS : LONG_MS) * scale;
}
