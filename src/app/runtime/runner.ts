// The clock loop and the only place the UI talks to the engine worker (through client.ts).
// requestAnimationFrame advances a virtual clock (wall delta × speed) while playing; the engine is
// asked to catch up with one tick in flight at a time (back-pressure), about ten times a second,
// and every frame is folded into the store's read-only mirror. User actions become engine
// commands here. Packets are drawn against `packetClock`, a frame value that trails the engine
// slightly, so a packet is known before its dot has to move and motion stays smooth between frames.
import type { Diagnostic } from '../../engine/index';
import type { CommandResult, LoggedCommand } from '../../engine/index';
import type { EngineClient, EngineClientOptions, Frame, LoadOptions } from '../../worker/client';
import type { LessonRunResult, LessonRunStep } from '../../worker/client';
import { FrameValue } from '../canvas/clock';
import { packetDuration } from '../canvas/packets';
import {
  patchEditor,
  patchUi,
  pushAlert,
  type AppStore,
  type LessonState,
  type UiState,
} from '../stores/appStore';
import { emptyMirror, mergeFrame, sweep } from '../stores/mirror';
import { scenarioInfo } from '../lessons/catalog';

/** Minimum wall time between two ticks while playing (the mirror needs no more). */
const TICK_EVERY_MS = 100;
/** How far (wall ms at the current speed) the packet clock trails the engine. */
const PACKET_LAG_MS = 250;
/** Largest wall-clock step the clock takes at once (a background tab must not leap ahead). */
const MAX_STEP_MS = 100;
/** Virtual milliseconds one press of Step advances. */
export const STEP_MS = 100;
/** A call that takes longer than this means the worker died or hangs. */
const STALL_MS = 15_000;
const SWEEP_EVERY_MS = 250;

/** What produced a frame: a load (a fresh trace), the clock, or a user command. */
export type FrameCause = 'load' | 'tick' | 'exec' | 'apply' | 'rewind';

/** Told of every frame merged into the store (embed events, autosave). */
export type FrameListener = (frame: Frame, cause: FrameCause) => void;

/** Another scenario to open in place of the running one (a link, a saved session, a file). */
export interface OpenRequest {
  lesson: LessonState;
  /** Replay and stop time; `{}` opens it settled, like a lesson. */
  load: LoadOptions;
  /** The editor's text; the scenario's manifests when absent. */
  editorText?: string;
  ui?: Partial<UiState>;
}

/** How a scenario that does not open is announced (`{message}` is the engine's text). */
export type FailureKey = 'errors.load' | 'link.loadFailed';

export interface RunnerDeps {
  createClient: (opts: EngineClientOptions) => EngineClient;
  now?: () => number;
  requestFrame?: (cb: (ts: number) => void) => number;
  cancelFrame?: (id: number) => void;
}

/** Drives one app instance's engine worker. */
export class EngineRunner {
  /** Virtual time at which packets are drawn. */
  readonly packetClock = new FrameValue(0);
  private client: EngineClient | null = null;
  private clock = 0;
  private engineNow = 0;
  private inFlight: number | null = null;
  private lastTickWall = -Infinity;
  private lastSweepWall = 0;
  private lastTs: number | null = null;
  private rafId = 0;
  private generation = 0;
  private stalled = false;
  private crashed = false;
  private urgent = false;
  private disposed = false;
  /** A scenario is being opened: no ticks, so the new engine starts exactly where it was asked. */
  private opening = false;
  private readonly frameListeners = new Set<FrameListener>();
  private readonly now: () => number;
  private readonly requestFrame: (cb: (ts: number) => void) => number;
  private readonly cancelFrame: (id: number) => void;

  constructor(
    private readonly store: AppStore,
    private readonly deps: RunnerDeps,
  ) {
    this.now = deps.now ?? (() => performance.now());
    this.requestFrame = deps.requestFrame ?? ((cb) => requestAnimationFrame(cb));
    this.cancelFrame = deps.cancelFrame ?? ((id) => cancelAnimationFrame(id));
  }

  /**
   * Starts the worker, opens the lesson (replaying `initial.log` up to `initial.at` for a link or
   * a restored session) and starts the clock loop. Resolves to whether the lesson opened; a
   * failure is announced with `failureKey`.
   */
  start(initial: LoadOptions = {}, failureKey: FailureKey = 'errors.load'): Promise<boolean> {
    this.startClient();
    const loaded = this.load(initial, failureKey);
    this.rafId = this.requestFrame(this.loop);
    return loaded;
  }

  /** Calls `listener` with every frame merged from now on; returns the unsubscribe function. */
  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  private startClient(): void {
    this.client?.terminate();
    this.crashed = false;
    this.stalled = false;
    const client = this.deps.createClient({
      onCrash: (text) => {
        if (this.client !== client || this.crashed) return;
        this.crashed = true;
        this.generation++;
        this.inFlight = null;
        this.fail('errors.engine', text);
      },
    });
    this.client = client;
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.cancelFrame(this.rafId);
    this.client?.terminate();
    this.client = null;
  }

  private get api() {
    if (!this.client) throw new Error('engine not started');
    return this.client.api;
  }

  private get state() {
    return this.store.getState();
  }

  // ---- loading ---------------------------------------------------------------------------------

  private async load(
    opts: LoadOptions = {},
    failureKey: FailureKey = 'errors.load',
  ): Promise<boolean> {
    const gen = ++this.generation;
    this.inFlight = null;
    this.store.setState({ engine: { ...emptyMirror(), status: 'loading' } });
    try {
      const r = await this.api.load(this.state.lesson.scenario, opts);
      if (gen !== this.generation) return false;
      if (!r.ok) {
        this.fail(failureKey, r.message);
        return false;
      }
      this.started(r.frame);
      return true;
    } catch (e) {
      if (gen === this.generation) this.fail(failureKey, message(e));
      return false;
    }
  }

  private started(frame: Frame): void {
    this.clock = frame.now;
    this.engineNow = frame.now;
    this.packetClock.set(frame.now - this.lag());
    this.merge(frame, 'load');
    this.store.setState((s) => ({ engine: { ...s.engine, status: 'running' } }));
  }

  /**
   * Opens another scenario in place of the running one. The current cluster keeps running until
   * the new one is ready and stays untouched when it cannot be opened (the engine's message is
   * returned, nothing is announced: the caller knows the context).
   */
  async open(req: OpenRequest): Promise<{ ok: true } | { ok: false; message: string }> {
    if (this.crashed || this.stalled) this.startClient();
    this.opening = true;
    try {
      const [r, text] = await Promise.all([
        this.api.load(req.lesson.scenario, req.load),
        req.editorText ?? scenarioInfo(req.lesson.scenario).then((i) => i.manifests),
      ]);
      if (!r.ok) return { ok: false, message: r.message };
      this.generation++;
      this.inFlight = null;
      this.store.setState((s) => ({
        lesson: req.lesson,
        editor: {
          ...s.editor,
          text,
          diagnostics: [],
          lastApply: null,
        },
        ui: { ...s.ui, selectedPod: null, ...req.ui },
      }));
      this.started(r.frame);
      return { ok: true };
    } catch (e) {
      return { ok: false, message: message(e) };
    } finally {
      this.opening = false;
    }
  }

  /**
   * The command log and the virtual time it is complete up to: with the scenario, everything a
   * share link or a saved session needs. Null while nothing is running.
   */
  async snapshot(): Promise<{ log: LoggedCommand[]; at: number } | null> {
    if (!this.client || this.opening || this.state.engine.status !== 'running') return null;
    const gen = this.generation;
    try {
      const log = await this.api.log();
      // Calls are answered in order: every frame sent before log() has been merged by now.
      if (gen !== this.generation) return null;
      return { log, at: this.engineNow };
    } catch {
      return null;
    }
  }

  /** Reloads the lesson's scenario (settled again) and its manifests into the editor. */
  reset(): void {
    const lesson = this.state.lesson;
    patchUi(this.store, { selectedPod: null });
    patchEditor(this.store, { diagnostics: [], lastApply: null });
    // The lesson's manifests go back into the editor (known at once for a built-in lesson).
    void scenarioInfo(lesson.scenario).then(
      (info) => {
        if (this.state.lesson === lesson) patchEditor(this.store, { text: info.manifests });
      },
      (e: unknown) => pushAlert(this.store, 'errors.load', { message: message(e) }),
    );
    // A dead or hung worker is replaced; a live one just loads the lesson again.
    if (this.crashed || this.stalled) this.startClient();
    void this.load();
  }

  // ---- clock -----------------------------------------------------------------------------------

  play(): void {
    patchUi(this.store, { playing: true });
  }

  pause(): void {
    patchUi(this.store, { playing: false });
    this.urgent = true;
  }

  togglePlaying(): void {
    if (this.state.ui.playing) this.pause();
    else this.play();
  }

  /** Pauses and advances the virtual clock by STEP_MS. */
  step(): void {
    patchUi(this.store, { playing: false });
    this.clock = Math.max(this.clock, this.engineNow) + STEP_MS;
    this.urgent = true;
  }

  setSpeed(speed: number): void {
    patchUi(this.store, { speed });
  }

  private lag(): number {
    return PACKET_LAG_MS * this.state.ui.speed;
  }

  private loop = (ts: number): void => {
    if (this.disposed) return;
    this.rafId = this.requestFrame(this.loop);
    const dt = this.lastTs === null ? 0 : Math.min(MAX_STEP_MS, Math.max(0, ts - this.lastTs));
    this.lastTs = ts;
    const { ui, engine } = this.state;
    const running = engine.status === 'running';
    if (ui.playing && running) this.clock += dt * ui.speed;

    // Packets trail the engine by a little while playing and catch up with it when paused.
    const lag = this.lag();
    const target = ui.playing ? Math.min(this.clock - lag, this.engineNow) : this.engineNow;
    const pc = this.packetClock.get();
    let next = pc + dt * ui.speed;
    if (next > target) next = Math.max(pc, target);
    if (target - next > 3 * lag) next = target - lag;
    if (next !== pc) this.packetClock.set(next);

    const wall = this.now();
    if (running && !this.opening && this.inFlight === null && this.clock - this.engineNow >= 1)
      if (this.urgent || wall - this.lastTickWall >= TICK_EVERY_MS) void this.tick();
    if (this.inFlight !== null && wall - this.inFlight > STALL_MS && !this.stalled) {
      this.stalled = true;
      this.fail('errors.engine', 'the simulation stopped responding');
    }
    if (wall - this.lastSweepWall >= SWEEP_EVERY_MS) {
      this.lastSweepWall = wall;
      const swept = sweep(engine, wall, this.packetClock.get());
      if (swept !== engine) this.store.setState({ engine: swept });
    }
  };

  private async tick(): Promise<void> {
    const gen = this.generation;
    const wall = this.now();
    this.inFlight = wall;
    this.lastTickWall = wall;
    this.urgent = false;
    try {
      const frame = await this.api.tick(Math.floor(this.clock));
      if (gen !== this.generation) return;
      this.merge(frame, 'tick');
    } catch (e) {
      if (gen === this.generation) this.fail('errors.engine', message(e));
    } finally {
      if (gen === this.generation) this.inFlight = null;
    }
  }

  private merge(frame: Frame, cause: FrameCause): void {
    this.engineNow = frame.now;
    if (this.clock < frame.now) this.clock = frame.now;
    const speed = this.state.ui.speed;
    this.store.setState((s) => ({
      engine: mergeFrame(s.engine, frame, { wall: this.now(), packetMs: packetDuration(speed) }),
    }));
    for (const listener of this.frameListeners) listener(frame, cause);
  }

  // ---- commands --------------------------------------------------------------------------------

  /** Runs a kubectl or chaos command line now; a failure is announced. */
  async exec(line: string): Promise<boolean> {
    return (await this.execLine(line)).ok;
  }

  /** Like exec, and says why a command failed (kubectl's error text). */
  async execLine(line: string): Promise<{ ok: boolean; error: string }> {
    const gen = this.generation;
    try {
      const { result, frame } = await this.api.exec(line);
      if (gen !== this.generation) return { ok: false, error: 'the scenario was replaced' };
      this.merge(frame, 'exec');
      if (result.exitCode !== 0) {
        const error = result.stderr.trim() || `exit code ${result.exitCode}`;
        pushAlert(this.store, 'errors.command', { command: line, message: error });
        return { ok: false, error };
      }
      return { ok: true, error: '' };
    } catch (e) {
      pushAlert(this.store, 'errors.command', { command: line, message: message(e) });
      return { ok: false, error: message(e) };
    }
  }

  /**
   * Runs a console line and answers with kubectl's result as printed; nothing is announced (the
   * console shows it). A line that keeps printing (`get -w`, `rollout status`) answers with a
   * watch id; its output arrives in later frames (`frame.watches`) until `api.unwatch(id)`.
   */
  async execConsole(line: string): Promise<{ result: CommandResult; watch: number | null }> {
    const gen = this.generation;
    const { result, frame, watch } = await this.api.execWatch(line);
    if (gen === this.generation) this.merge(frame, 'exec');
    return { result, watch };
  }

  /** `kubectl delete pod <name>`. */
  deletePod(name: string): Promise<boolean> {
    return this.exec(`kubectl delete pod ${name}`);
  }

  /**
   * Moves the cluster to virtual time `t` of its history: back by replaying the command log
   * (rewind), forward by running the clock. Resolves to whether it moved.
   */
  async seek(t: number): Promise<boolean> {
    if (!this.client || this.opening || this.state.engine.status !== 'running') return false;
    const gen = ++this.generation;
    this.inFlight = null;
    try {
      const frame = await this.api.rewind(Math.max(0, Math.floor(t)));
      if (gen !== this.generation) return false;
      this.clock = frame.now;
      this.engineNow = frame.now;
      this.packetClock.set(frame.now - this.lag());
      this.merge(frame, 'rewind');
      return true;
    } catch (e) {
      if (gen === this.generation) this.fail('errors.engine', message(e));
      return false;
    }
  }

  /** A read-only call on the worker (inspector, timeline); null while nothing runs or on error. */
  async query<T>(call: (api: EngineClient['api']) => Promise<T>): Promise<T | null> {
    if (!this.client || this.opening || this.state.engine.status !== 'running') return null;
    const gen = this.generation;
    try {
      const r = await call(this.client.api);
      return gen === this.generation ? r : null;
    } catch {
      return null;
    }
  }

  /**
   * `kubectl apply` of the editor's text (with `--prune` when the editor's prune option is on);
   * the result (and its diagnostics) goes to the editor.
   */
  async apply(text: string): Promise<void> {
    const gen = this.generation;
    patchEditor(this.store, { text, applying: true });
    try {
      const { result, frame } = await this.api.apply(text, { prune: this.state.editor.prune });
      if (gen !== this.generation) return;
      this.merge(frame, 'apply');
      patchEditor(this.store, {
        applying: false,
        diagnostics: result.diagnostics,
        lastApply: { ok: result.ok, output: result.output, errorText: result.errorText },
      });
    } catch (e) {
      patchEditor(this.store, {
        applying: false,
        lastApply: { ok: false, output: [], errorText: message(e) },
      });
    }
  }

  /** A dry run of the editor's text against the running cluster (markers while typing). */
  async validate(text: string): Promise<Diagnostic[]> {
    if (!this.client || this.state.engine.status !== 'running') return [];
    try {
      return await this.api.validate(text);
    } catch {
      return [];
    }
  }

  // ---- lessons (src/app/lessons) ---------------------------------------------------------------

  /**
   * A read-only lesson call on the worker (goal statuses, marks, the rules panel). Null while
   * nothing runs, or when another cluster was opened before it answered.
   */
  async lessonQuery<T>(call: (api: EngineClient['api']) => Promise<T>): Promise<T | null> {
    if (!this.client || this.opening || this.state.engine.status !== 'running') return null;
    const gen = this.generation;
    try {
      const r = await call(this.client.api);
      return gen === this.generation ? r : null;
    } catch {
      return null;
    }
  }

  /**
   * Runs lesson steps' solutions in the worker, each until its goals hold (opening a lesson at a
   * later step, teacher mode), and shows the cluster they leave as a fresh trace.
   */
  async lessonRun(steps: LessonRunStep[]): Promise<LessonRunResult | null> {
    if (!this.client || this.opening || this.state.engine.status !== 'running') return null;
    const gen = this.generation;
    try {
      const r = await this.api.lessonRun(steps);
      if (gen !== this.generation) return null;
      this.started(r.frame);
      return r;
    } catch (e) {
      if (gen === this.generation) this.fail('errors.engine', message(e));
      return null;
    }
  }

  private fail(key: FailureKey | 'errors.engine', text: string): void {
    this.store.setState((s) => ({ engine: { ...s.engine, status: 'failed' } }));
    pushAlert(this.store, key, { message: text });
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
