// The engine host: one engine instance with frame bookkeeping (what the UI has already seen),
// load, replay and rewind. Pure TypeScript, so it is tested in Node and wrapped by the worker.
import {
  completeLine,
  Engine,
  evaluateGoals,
  markStep,
  rulesPanel,
  runStep,
  type Goal,
  type GoalStatus,
  type Completion,
  type LoggedCommand,
  type NodeRules,
  type RulesPanel,
  type StepMark,
} from '../engine/index';
import type {
  ApplyOptions,
  EngineApi,
  Frame,
  LessonRunResult,
  LessonRunStep,
  LoadOptions,
  LoadResult,
  Timeline,
  TimelineMark,
} from './protocol';
import { WatchTable } from './watches';

/** Marks kept for the scrubber (the latest), and how close two marks of a kind merge (ms). */
const MAX_MARKS = 400;
const MERGE_MARKS_MS = 500;

/** Implements the worker API over an engine. */
export class EngineHost implements EngineApi {
  private engine: Engine | null = null;
  private scenario = '';
  private reqCursor = 0;
  private evCursor = 0;
  private pendingReset = true;
  /** Commands logged after the time rewound to: they run again when the clock gets there. */
  private future: LoggedCommand[] = [];
  /** Marks of that future (its events are not simulated again until the clock gets there). */
  private futureMarks: TimelineMark[] = [];
  private horizon = 0;
  private eventMarks: TimelineMark[] = [];
  private markCursor = 0;
  private readonly watches = new WatchTable();

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
    this.watches.closeAll();
    this.future = [];
    this.futureMarks = [];
    this.horizon = engine.now;
    this.eventMarks = [];
    this.markCursor = 0;
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
    const watches = this.watches.poll();
    if (watches.length > 0) f.watches = watches;
    this.reqCursor = c.requests.length;
    this.evCursor = c.events.length;
    this.pendingReset = false;
    return f;
  }

  tick(t: number): Frame {
    this.advance(t);
    return this.frame();
  }

  /** Advances to `t`, running again the commands of a rewound history on the way. */
  private advance(t: number): void {
    const e = this.need();
    let next = this.future[0];
    while (next && next.at <= t) {
      this.future.shift();
      e.replay(next);
      next = this.future[0];
    }
    e.advanceTo(t);
    this.horizon = Math.max(this.horizon, e.now);
    if (this.futureMarks.length > 0) this.futureMarks = this.futureMarks.filter((m) => m.t > e.now);
  }

  /** A new command: the rewound history ahead of the clock is dropped. */
  private branch(): void {
    this.future = [];
    this.futureMarks = [];
    this.horizon = this.need().now;
  }

  exec(line: string) {
    this.branch();
    const result = this.need().exec(line);
    return { result, frame: this.frame() };
  }

  apply(text: string, opts: ApplyOptions = {}) {
    this.branch();
    const result = this.need().apply(text, opts);
    return { result, frame: this.frame() };
  }

  validate(text: string) {
    return this.engine?.validate(text).diagnostics ?? [];
  }

  rewind(t: number): Frame {
    const e = this.need();
    // Forward within this history: just run the clock (and the commands on the way).
    if (t >= e.now) return this.tick(t);
    const all: LoggedCommand[] = [...e.log, ...this.future];
    const horizon = Math.max(this.horizon, e.now);
    this.scanEvents();
    const ahead = [...this.eventMarks, ...this.futureMarks].filter((m) => m.t > t);
    const r = this.load(this.scenario, { log: all, at: t });
    if (!r.ok) throw new Error(r.message);
    this.future = all.filter((l) => l.at > t);
    this.futureMarks = ahead;
    this.horizon = horizon;
    return r.frame;
  }

  /** Folds events recorded since the last look into the event marks. */
  private scanEvents(): void {
    const events = this.need().cluster.events;
    for (; this.markCursor < events.length; this.markCursor++) {
      const ev = events[this.markCursor];
      const kind = ev ? eventMarkKind(ev.type, ev.reason) : null;
      if (ev && kind)
        pushMark(this.eventMarks, { t: ev.t, kind, label: `${ev.reason} ${ev.object}` });
    }
    if (this.eventMarks.length > MAX_MARKS)
      this.eventMarks.splice(0, this.eventMarks.length - MAX_MARKS);
  }

  timeline(): Timeline {
    const e = this.need();
    this.scanEvents();
    const marks: TimelineMark[] = [];
    for (const l of [...e.log, ...this.future]) pushMark(marks, commandMark(l));
    for (const m of [...this.eventMarks, ...this.futureMarks]) marks.push(m);
    marks.sort((a, b) => a.t - b.t);
    return {
      now: e.now,
      horizon: Math.max(this.horizon, e.now),
      marks: marks.slice(-MAX_MARKS),
    };
  }

  object(kind: string, name: string, namespace: string): unknown {
    const store = this.need().cluster.store as unknown as {
      get(kind: string, key: string): unknown;
    };
    const key = kind === 'Node' || kind === 'Namespace' ? name : `${namespace}/${name}`;
    return store.get(kind, key) ?? null;
  }

  serviceRules(service: string): NodeRules[] {
    const e = this.need();
    const ns = service.split('/')[0] ?? 'default';
    const out: NodeRules[] = [];
    for (const n of e.cluster.ctl.nodes.sortedNodes()) {
      const r = e.nodeRules(n.metadata.name, [ns]);
      if (!r) continue;
      // This Service's rules, and the shared chains every packet passes (MARK-MASQ, POSTROUTING).
      const lines = r.lines.filter((l) => l.service === undefined || l.service === service);
      out.push({ ...r, lines, text: lines.map((l) => l.text).join('\n') });
    }
    return out;
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

  execWatch(line: string) {
    const started = this.watches.start(this.need(), line);
    if (!started) return { ...this.exec(line), watch: null };
    return { result: started.watch.initial, frame: this.frame(), watch: started.id };
  }

  unwatch(id: number): void {
    this.watches.stop(id);
  }

  complete(line: string): Completion {
    return this.engine ? completeLine(this.engine.cluster, line) : { from: line.length, items: [] };
  }

  faultForTest(kind: 'hang' | 'crash'): void {
    if (kind === 'crash')
      setTimeout(() => {
        throw new Error('the engine worker crashed (fault injected for a test)');
      });
    else for (const end = Date.now() + 60_000; Date.now() < end;);
  }

  lessonMark(): StepMark {
    return markStep(this.need());
  }

  lessonStatus(goals: Goal[], mark: StepMark): GoalStatus[] {
    return evaluateGoals(this.need(), goals, mark);
  }

  lessonRun(steps: LessonRunStep[]): LessonRunResult {
    const engine = this.need();
    const results = steps.map((step) => {
      const r = runStep(engine, step);
      return { met: r.met, errors: r.errors };
    });
    // Minutes may have passed: start the UI afresh, like a load, instead of replaying them.
    this.resetCursors(engine);
    return { frame: this.frame(), mark: markStep(engine), steps: results };
  }

  lessonRules(node: string): RulesPanel | null {
    return rulesPanel(this.need(), node);
  }
}

/** Which events the scrubber marks: deletions and failures. */
function eventMarkKind(type: string, reason: string): TimelineMark['kind'] | null {
  if (reason === 'Killing' || reason === 'Killed') return 'delete';
  if (type === 'Warning' || reason === 'NodeNotReady') return 'failure';
  return null;
}

function commandMark(l: LoggedCommand): TimelineMark {
  if ('apply' in l) return { t: l.at, kind: 'apply', label: 'kubectl apply' };
  const run = l.run.trim();
  const kind = /^kubectl\s+delete\b|^chaos\s+kill-pod\b/.test(run)
    ? 'delete'
    : run.startsWith('chaos ')
      ? 'failure'
      : 'command';
  return { t: l.at, kind, label: run };
}

/** Appends a mark, folding it into the previous one of its kind when they are close. */
function pushMark(list: TimelineMark[], m: TimelineMark): void {
  for (let i = list.length - 1; i >= 0 && i >= list.length - 4; i--) {
    const prev = list[i];
    if (prev && prev.kind === m.kind && Math.abs(m.t - prev.t) < MERGE_MARKS_MS) {
      list[i] = { ...prev, count: (prev.count ?? 1) + 1 };
      return;
    }
  }
  list.push(m);
}
