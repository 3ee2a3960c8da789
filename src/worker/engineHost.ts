// The engine host: one engine instance with frame bookkeeping (what the UI has already seen),
// load, replay and rewind. Pure TypeScript, so it is tested in Node and wrapped by the worker.
import { Engine, type LoggedCommand } from '../engine/index';
import type { ApplyOptions, EngineApi, Frame, LoadOptions, LoadResult } from './protocol';

/** Implements the worker API over an engine. */
export class EngineHost implements EngineApi {
  private engine: Engine | null = null;
  private scenario = '';
  private reqCursor = 0;
  private evCursor = 0;
  private pendingReset = true;

  load(scenario: string, opts: LoadOptions): LoadResult {
    const built = Engine.create(scenario);
    if (!built.ok) return { ok: false, message: built.message };
    const engine = built.engine;
    for (const entry of opts.log ?? []) {
      if (opts.at !== undefined && entry.at > opts.at) break;
      engine.replay(entry);
    }
    let settledAt = engine.now;
    if (opts.at !== undefined) engine.advanceTo(opts.at);
    else if (opts.settle !== false) settledAt = engine.settle();
    this.engine = engine;
    this.scenario = scenario;
    this.resetCursors(engine);
    return { ok: true, frame: this.frame(), settledAt };
  }

  private resetCursors(engine: Engine): void {
    // A freshly opened cluster shows only the last second of traffic, not the whole warm-up.
    const reqs = engine.cluster.requests;
    let i = reqs.length;
    while (i > 0 && (reqs[i - 1]?.t ?? 0) > engine.now - 1500) i--;
    this.reqCursor = i;
    this.evCursor = 0;
    this.pendingReset = true;
  }

  private need(): Engine {
    if (!this.engine) throw new Error('no scenario loaded');
    return this.engine;
  }

  private frame(): Frame {
    const e = this.need();
    const c = e.cluster;
    const f: Frame = {
      now: e.now,
      view: e.view(),
      requests: c.requests.slice(this.reqCursor),
      events: c.events.slice(this.evCursor),
      reset: this.pendingReset,
    };
    this.reqCursor = c.requests.length;
    this.evCursor = c.events.length;
    this.pendingReset = false;
    return f;
  }

  tick(t: number): Frame {
    this.need().advanceTo(t);
    return this.frame();
  }

  exec(line: string) {
    const result = this.need().exec(line);
    return { result, frame: this.frame() };
  }

  apply(text: string, opts: ApplyOptions = {}) {
    const result = this.need().apply(text, opts);
    return { result, frame: this.frame() };
  }

  validate(text: string) {
    return this.engine?.validate(text).diagnostics ?? [];
  }

  rewind(t: number): Frame {
    const log: LoggedCommand[] = this.need().log.filter((l) => l.at <= t);
    const r = this.load(this.scenario, { log, at: t });
    if (!r.ok) throw new Error(r.message);
    return r.frame;
  }

  log(): LoggedCommand[] {
    return [...this.need().log];
  }

  inspect(kind: string, name: string, namespace: string): string | null {
    return this.need().objectYaml(kind, name, namespace);
  }

  ping(): number {
    return this.engine?.now ?? 0;
  }
}
