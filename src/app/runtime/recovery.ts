// Keeps one app instance's engine worker alive. Wraps the bare worker client in a client with the
// same API that (1) notices a dead or hung worker within about 1.5 s — the worker's error events,
// plus a heartbeat: a `ping` every 200 ms and a deadline on whatever call the worker is busy with —
// (2) says so, (3) starts a new worker and rebuilds the session in it from its journal (the
// scenario last loaded, the engine's command log, the last virtual time seen), and (4) resends the
// calls that only read (ticks, pings) while refusing the ones that would change the cluster, so the
// runner's clock and mirror carry on as if nothing happened. It never animates, never touches the
// store except through the notices it is given, and gives up (onCrash) after repeated failures.
// Its rules for calls and deadlines are in callPolicy.ts; the journal's bookkeeping in journal.ts.
import type { Remote } from 'comlink';
import type { LoggedCommand } from '../../engine/index';
import type { EngineApi, EngineClient, EngineClientOptions, Frame } from '../../worker/client';
import {
  BUSY_MS,
  HEARTBEAT_MS,
  hangDeadline,
  isReplayable,
  MAX_RESTARTS,
  readsOnly,
  RETRY_WINDOW_MS,
} from './callPolicy';
import { emptyJournal, frameOf, recordAnswer, samePods, withNews, type Journal } from './journal';

/** Why the worker was given up on: it crashed, or stopped answering (a hang). */
export type LossReason = 'crash' | 'hang';

/** What ResilientEngine tells its owner (the guard turns these into notices). */
export interface RecoveryHooks {
  /** The worker stopped; a new one is being started. */
  onLost?(reason: LossReason, detail: string): void;
  /** The session runs again in a new worker: `commands` replayed up to virtual time `at`. */
  onRestored?(info: { commands: number; at: number; exact: boolean; ms: number }): void;
  /** The error text of a call that was refused because the worker stopped while it ran. */
  interruptedText?(): string;
  /** The new worker is busy at the point the old one hung: waiting for it (not restarting). */
  onBusy?(): void;
  /** It answered again. */
  onBusyEnd?(): void;
}

/** How ResilientEngine starts workers and keeps time (tests pass fakes), plus its hooks. */
export interface ResilientDeps extends RecoveryHooks {
  /** Starts a bare worker (createEngineClient). */
  spawn(opts: EngineClientOptions): EngineClient;
  now?: () => number;
  setInterval?: (fn: () => void, ms: number) => number;
  clearInterval?: (id: number) => void;
}

interface Call {
  method: string;
  args: unknown[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
  sentAt: number;
  epoch: number;
  internal: boolean;
}

/** What tests (and the `?test=1` hook) can see of the client. */
export interface RecoveryStats {
  restarts: number;
  /** Wall ms from the last injected fault to its detection. */
  lastDetectionMs: number | null;
  /** Wall ms the last restore took (new worker, load and replay). */
  lastRestoreMs: number | null;
}

/** An engine client that survives its worker (see the module comment). */
export class ResilientEngine implements EngineClient {
  readonly api: Remote<EngineApi>;
  readonly stats: RecoveryStats = { restarts: 0, lastDetectionMs: null, lastRestoreMs: null };
  private worker: EngineClient | null = null;
  private epoch = 0;
  private readonly pending: Call[] = [];
  private readonly queue: Call[] = [];
  private recovering = false;
  private closed = false;
  private failures: number[] = [];
  private lastAnswer = 0;
  private lastCheck = 0;
  private ping: Call | null = null;
  private faultAt: number | null = null;
  /** A rebuilt session that differs from what the UI shows: its frame goes out as a reset. */
  private carry: Frame | null = null;
  private lostWatches: number[] = [];
  /** After a restart for a hang: the virtual time it restarted at, until the engine gets past it. */
  private hangAt: number | null = null;
  private waiting = false;
  private readonly journal: Journal = emptyJournal();
  private readonly timer: number;
  private readonly now: () => number;

  constructor(
    private readonly deps: ResilientDeps,
    private readonly opts: EngineClientOptions = {},
  ) {
    this.now = deps.now ?? (() => performance.now());
    this.api = new Proxy({} as Remote<EngineApi>, {
      get: (_target, prop) =>
        typeof prop === 'string' && prop !== 'then'
          ? (...args: unknown[]) => this.call(prop, args)
          : undefined,
    });
    this.lastCheck = this.now();
    this.spawn();
    const every = deps.setInterval ?? ((fn, ms) => window.setInterval(fn, ms));
    this.timer = every(() => this.check(), HEARTBEAT_MS);
  }

  terminate(): void {
    this.closed = true;
    (this.deps.clearInterval ?? ((id) => window.clearInterval(id)))(this.timer);
    this.worker?.terminate();
    this.worker = null;
  }

  // ---- fault injection (tests, `?test=1`) -----------------------------------------------------

  /** Terminates the worker without a word, like a worker that hangs for good. */
  kill(): void {
    this.faultAt = this.now();
    this.worker?.terminate();
  }

  /** Makes the worker busy-loop (hang) or throw outside any call (crash). */
  fault(kind: 'hang' | 'crash'): void {
    this.faultAt = this.now();
    const api = this.worker?.api as unknown as Record<string, (k: string) => Promise<unknown>>;
    void api?.faultForTest?.(kind).catch(() => undefined);
  }

  // ---- calls ---------------------------------------------------------------------------------

  private spawn(): EngineClient {
    const epoch = ++this.epoch;
    const worker = this.deps.spawn({
      onCrash: (message) => {
        if (epoch === this.epoch) this.lose('crash', message);
      },
    });
    this.worker = worker;
    this.lastAnswer = this.now();
    return worker;
  }

  private call(method: string, args: unknown[], internal = false): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const c: Call = { method, args, resolve, reject, sentAt: 0, epoch: 0, internal };
      if (this.closed) return;
      if (this.recovering && !internal) this.queue.push(c);
      else this.send(c);
    });
  }

  private send(c: Call): void {
    const worker = this.worker;
    if (!worker) return;
    c.sentAt = this.now();
    c.epoch = this.epoch;
    this.pending.push(c);
    const fn = (worker.api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[
      c.method
    ];
    if (!fn) {
      this.done(c);
      c.reject(new Error(`the engine has no method ${c.method}`));
      return;
    }
    fn(...c.args).then(
      (value) => {
        if (!this.done(c)) return;
        if (this.waiting) {
          this.waiting = false;
          this.deps.onBusyEnd?.();
        }
        if (!c.internal) this.observe(c, value);
        c.resolve(this.deliver(value));
      },
      (error: unknown) => {
        if (this.done(c)) c.reject(error);
      },
    );
  }

  /** Takes an answered call off the pending list; false when it belongs to a replaced worker. */
  private done(c: Call): boolean {
    if (c.epoch !== this.epoch) return false;
    const i = this.pending.indexOf(c);
    if (i >= 0) this.pending.splice(i, 1);
    this.lastAnswer = this.now();
    return true;
  }

  /** Keeps the journal current with what an answer says. */
  private observe(c: Call, value: unknown): void {
    if (!recordAnswer(this.journal, c.method, c.args, value)) return;
    const frame = frameOf(value);
    if (frame && this.hangAt !== null && frame.now > this.hangAt) this.hangAt = null;
    // The engine's own log is the truth (lesson steps and replays log commands too).
    if (!readsOnly(c.method) && this.journal.scenario !== null)
      void this.call('log', [], true).then(
        (log) => {
          this.journal.log = log as LoggedCommand[];
        },
        () => undefined,
      );
  }

  /** The answer as the caller gets it: after a rebuild, the first frame also carries the news. */
  private deliver(value: unknown): unknown {
    const frame = frameOf(value);
    if (!frame || (this.carry === null && this.lostWatches.length === 0)) return value;
    const out = withNews(value, frame, this.carry, this.lostWatches);
    this.carry = null;
    this.lostWatches = [];
    return out;
  }

  // ---- watching the worker ---------------------------------------------------------------------

  private check(): void {
    if (this.closed) return;
    const now = this.now();
    const gap = now - this.lastCheck;
    this.lastCheck = now;
    // The page itself was asleep (a long task, a starved or background tab): answers that came
    // meanwhile may still wait in the queue behind this timer, so judge at the next heartbeat.
    if (gap > 5 * HEARTBEAT_MS) return;
    if (this.worker && !this.recovering && this.ping === null) {
      const ping: Call = {
        method: 'ping',
        args: [],
        resolve: () => (this.ping = null),
        reject: () => (this.ping = null),
        sentAt: 0,
        epoch: 0,
        internal: true,
      };
      this.ping = ping;
      this.send(ping);
    }
    // The worker answers in order: it is busy with the oldest call since it was sent or since
    // the answer before it, whichever came later.
    const oldest = this.pending[0];
    if (!oldest) return;
    const busy = now - Math.max(oldest.sentAt, this.lastAnswer);
    // A worker that keeps failing soon after a restart may just be slow: give it longer.
    if (busy <= hangDeadline(oldest.method, this.failures, now)) return;
    const detail = `no answer to ${oldest.method} for ${Math.round(busy)} ms`;
    if (this.hangAt !== null && this.journal.now <= this.hangAt) {
      // Stuck at the very point of the last restart: heavy work, not a dead worker. Wait.
      if (!this.waiting) {
        this.waiting = true;
        this.deps.onBusy?.();
      }
      if (busy > BUSY_MS) this.giveUp(detail);
      return;
    }
    this.lose('hang', detail);
  }

  private recentFailures(now: number): number {
    this.failures = this.failures.filter((t) => now - t < RETRY_WINDOW_MS);
    return this.failures.length;
  }

  private lose(reason: LossReason, detail: string): void {
    if (this.closed) return;
    const now = this.now();
    if (this.faultAt !== null) {
      this.stats.lastDetectionMs = now - this.faultAt;
      this.faultAt = null;
    }
    const failures = this.recentFailures(now);
    this.failures.push(now);
    this.worker?.terminate();
    this.worker = null;
    this.epoch++;
    this.ping = null;
    const refused = new Error(this.deps.interruptedText?.() ?? 'the simulation restarted');
    const again: Call[] = [];
    for (const c of this.pending.splice(0)) {
      if (c.internal) c.reject(refused);
      else if (isReplayable(c.method)) again.push(c);
      else if (c.method === 'unwatch') c.resolve(undefined);
      else c.reject(refused);
    }
    this.queue.unshift(...again);
    this.lostWatches.push(...this.journal.watches);
    this.journal.watches.clear();
    if (failures >= MAX_RESTARTS) {
      this.giveUp(`${detail} (${failures + 1} times in a row)`);
      return;
    }
    this.recovering = true;
    this.deps.onLost?.(reason, detail);
    void this.restore(reason);
  }

  private async restore(reason: LossReason): Promise<void> {
    const started = this.now();
    this.spawn();
    const epoch = this.epoch;
    const j = this.journal;
    let exact = true;
    if (j.scenario !== null) {
      const at = j.now;
      const log = j.log.filter((e) => e.at <= at);
      let r: { ok: boolean; frame?: Frame; message?: string };
      try {
        r = (await this.call('load', [j.scenario, { log, at }], true)) as typeof r;
      } catch {
        return; // This worker failed too: lose() has already moved on.
      }
      if (epoch !== this.epoch) return;
      if (!r.ok || !r.frame) {
        this.giveUp(r.message ?? 'the session could not be rebuilt');
        return;
      }
      exact = samePods(r.frame.view, j.view);
      if (!exact) this.carry = r.frame;
      j.now = r.frame.now;
      j.view = r.frame.view;
    }
    this.recovering = false;
    this.hangAt = reason === 'hang' ? j.now : null;
    this.stats.restarts++;
    this.stats.lastRestoreMs = this.now() - started;
    for (const c of this.queue.splice(0)) this.send(c);
    this.deps.onRestored?.({
      commands: j.log.length,
      at: j.now,
      exact,
      ms: this.stats.lastRestoreMs,
    });
  }

  private giveUp(message: string): void {
    this.recovering = false;
    if (this.waiting) this.deps.onBusyEnd?.();
    this.waiting = false;
    this.worker?.terminate();
    this.worker = null;
    const error = new Error(message);
    for (const c of [...this.pending.splice(0), ...this.queue.splice(0)]) c.reject(error);
    this.terminate();
    this.opts.onCrash?.(message);
  }
}
