// One app instance's session with its engine worker (through client.ts): the client, replaced
// when it crashes or stalls; the generation that voids answers meant for a trace since replaced;
// opening and reloading scenarios; and folding every frame into the store's read-only mirror.
// It runs no clock and sends no command of its own: EngineRunner (runner.ts) adds those.
import type { LoggedCommand } from '../../engine/index';
import type { EngineClient, EngineClientOptions, Frame, LoadOptions } from '../../worker/client';
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
import { emptyMirror, mergeFrame } from '../stores/mirror';
import { scenarioInfo } from '../lessons/catalog';

/** How far (wall ms at the current speed) the packet clock trails the engine. */
const PACKET_LAG_MS = 250;

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

/** What a session needs from its host: a way to start a worker, and (in tests) a clock. */
export interface SessionDeps {
  createClient: (opts: EngineClientOptions) => EngineClient;
  now?: () => number;
}

/**
 * One app instance's link to its engine worker, and the virtual time of the trace it shows. The
 * clock loop and the user's commands are EngineRunner's, which extends it.
 */
export class EngineSession {
  /** Virtual time at which packets are drawn. */
  readonly packetClock = new FrameValue(0);
  protected client: EngineClient | null = null;
  /** Virtual time the clock has reached (the engine is asked to catch up with it). */
  protected clock = 0;
  /** Virtual time of the last frame merged. */
  protected engineNow = 0;
  /** Wall time the tick in flight was sent at, if one is. */
  protected inFlight: number | null = null;
  protected generation = 0;
  protected stalled = false;
  protected crashed = false;
  protected disposed = false;
  /** A scenario is being opened: no ticks, so the new engine starts exactly where it was asked. */
  protected opening = false;
  private readonly frameListeners = new Set<FrameListener>();
  protected readonly now: () => number;

  constructor(
    protected readonly store: AppStore,
    private readonly sessionDeps: SessionDeps,
  ) {
    this.now = sessionDeps.now ?? (() => performance.now());
  }

  /** Calls `listener` with every frame merged from now on; returns the unsubscribe function. */
  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  protected startClient(): void {
    this.client?.terminate();
    this.crashed = false;
    this.stalled = false;
    const client = this.sessionDeps.createClient({
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

  /** Stops for good: answers still on their way are dropped and the worker is terminated. */
  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.client?.terminate();
    this.client = null;
  }

  protected get api() {
    if (!this.client) throw new Error('engine not started');
    return this.client.api;
  }

  protected get state() {
    return this.store.getState();
  }

  // ---- loading ---------------------------------------------------------------------------------

  protected async load(
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

  protected started(frame: Frame): void {
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
      // The editor's text first: if it cannot be had, the worker keeps the running cluster.
      const text = req.editorText ?? (await scenarioInfo(req.lesson.scenario)).manifests;
      const r = await this.api.load(req.lesson.scenario, req.load);
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
    // The lesson's manifests go back into the editor (known at once for a built-in lesson),
    // unless the learner has typed meanwhile.
    const typed = this.state.editor.text;
    void scenarioInfo(lesson.scenario).then(
      (info) => {
        const s = this.state;
        if (s.lesson === lesson && s.editor.text === typed)
          patchEditor(this.store, { text: info.manifests });
      },
      (e: unknown) => pushAlert(this.store, 'errors.chunk', { message: message(e) }),
    );
    // A dead or hung worker is replaced; a live one just loads the lesson again.
    if (this.crashed || this.stalled) this.startClient();
    void this.load();
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

  /** How far the packet clock trails the engine at the current speed (virtual ms). */
  protected lag(): number {
    return PACKET_LAG_MS * this.state.ui.speed;
  }

  /** Folds a frame into the mirror and tells the frame listeners what produced it. */
  protected merge(frame: Frame, cause: FrameCause): void {
    this.engineNow = frame.now;
    if (this.clock < frame.now) this.clock = frame.now;
    const speed = this.state.ui.speed;
    this.store.setState((s) => ({
      engine: mergeFrame(s.engine, frame, { wall: this.now(), packetMs: packetDuration(speed) }),
    }));
    for (const listener of this.frameListeners) listener(frame, cause);
  }

  /** Marks the engine failed and announces why. */
  protected fail(key: FailureKey | 'errors.engine', text: string): void {
    this.store.setState((s) => ({ engine: { ...s.engine, status: 'failed' } }));
    pushAlert(this.store, key, { message: text });
  }
}

/** The text of whatever a failed call threw. */
export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
