// The clock loop and the user's commands, on top of the engine session (session.ts): together
// the only place the UI talks to the engine worker (through client.ts). requestAnimationFrame
// advances a virtual clock (wall delta × speed) while playing; the engine is asked to catch up
// with one tick in flight at a time (back-pressure), about ten times a second, and every frame is
// folded into the store's read-only mirror. User actions become engine commands here. Packets are
// drawn against `packetClock`, a frame value that trails the engine slightly, so a packet is known
// before its dot has to move and motion stays smooth between frames.
import type { CommandResult, Diagnostic } from '../../engine/index';
import type {
  EngineClient,
  LessonRunResult,
  LessonRunStep,
  LoadOptions,
} from '../../worker/client';
import { patchEditor, patchUi, pushAlert, type AppStore } from '../stores/appStore';
import { sweep } from '../stores/mirror';
import { EngineSession, message, type FailureKey, type SessionDeps } from './session';

/** Minimum wall time between two ticks while playing (the mirror needs no more). */
const TICK_EVERY_MS = 100;
/** Largest wall-clock step the clock takes at once (a background tab must not leap ahead). */
const MAX_STEP_MS = 100;
/** Virtual milliseconds one press of Step advances. */
export const STEP_MS = 100;
/** A call that takes longer than this means the worker died or hangs. */
const STALL_MS = 15_000;
const SWEEP_EVERY_MS = 250;
/**
 * After a command or an Apply, how long the runner ticks on every animation frame: controllers
 * answer within milliseconds of virtual time, so the canvas shows their work at once instead of
 * at the next 100 ms tick.
 */
const HURRY_MS = 300;

/** How the runner starts a worker and keeps time (tests pass fakes for all but createClient). */
export interface RunnerDeps extends SessionDeps {
  requestFrame?: (cb: (ts: number) => void) => number;
  cancelFrame?: (id: number) => void;
}

/**
 * Drives one app instance's engine worker: the session (session.ts) plus the clock loop and the
 * commands a user (or a lesson) sends.
 */
export class EngineRunner extends EngineSession {
  private lastTickWall = -Infinity;
  private lastSweepWall = 0;
  private lastTs: number | null = null;
  private rafId = 0;
  private urgent = false;
  /** Wall time until which every animation frame may tick (see HURRY_MS). */
  private hurryUntil = 0;
  private readonly requestFrame: (cb: (ts: number) => void) => number;
  private readonly cancelFrame: (id: number) => void;

  constructor(store: AppStore, deps: RunnerDeps) {
    super(store, deps);
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

  override dispose(): void {
    this.cancelFrame(this.rafId);
    super.dispose();
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
      if (this.urgent || wall < this.hurryUntil || wall - this.lastTickWall >= TICK_EVERY_MS)
        void this.tick();
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
      this.hurryUntil = this.now() + HURRY_MS;
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
    this.hurryUntil = this.now() + HURRY_MS;
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
      this.hurryUntil = this.now() + HURRY_MS;
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
  lessonQuery<T>(call: (api: EngineClient['api']) => Promise<T>): Promise<T | null> {
    return this.query(call);
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
}
