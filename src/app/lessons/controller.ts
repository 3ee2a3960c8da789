// Runs a lesson beside the cluster: which step is open, where it started in the cluster's history
// (its mark), and its goals' statuses, asked from the worker twice a second. A step is done when
// every goal holds at once; done steps stay done (kept in localStorage). Opening a lesson at a
// later step replays the earlier steps' solutions in the worker, on a fresh cluster, so the
// cluster is what those steps would have left. Teacher mode shows solutions and runs them.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  GoalStatus,
  LessonStep,
  RulesPanel,
  SolutionEntry,
  StepMark,
} from '../../engine/index';
import { scenarioOfStep } from '../../lessons/text';
import type { EngineRunner } from '../runtime/runner';
import type { AppStore } from '../stores/appStore';
import { lessonById, scenarioInfo, type LessonEntry } from './catalog';
import { readProgress, writeProgress, type ProgressFile, type ProgressStorage } from './progress';
import type { LessonSkeleton } from './skeleton';
import { parseLessonUrl } from './urlOptions';

/** How often the goals are checked (wall ms). */
export const POLL_MS = 500;

/** What the lesson panel shows. */
export interface LessonUiState {
  /** The built-in lesson open now; null for a scenario that is not one (a link, a file). */
  entry: LessonEntry | null;
  /** 0-based step. */
  step: number;
  statuses: GoalStatus[];
  /** Ids of the steps done (all goals met once). */
  done: string[];
  /** The step's cluster is being prepared (earlier steps replayed): goals are not checked. */
  preparing: boolean;
  teacher: boolean;
  /** Hints revealed for this step. */
  hints: number;
  rules: RulesPanel | null;
  rulesNode: string;
  /** A teacher action's problem, shown with the solution. */
  message: string | null;
}

/** The runner calls the controller uses (a fake in unit tests). */
export type LessonRunner = Pick<
  EngineRunner,
  'onFrame' | 'lessonQuery' | 'lessonRun' | 'open' | 'reset' | 'exec' | 'apply' | 'snapshot'
>;

export interface LessonControllerDeps {
  app: AppStore;
  runner: LessonRunner;
  storage: ProgressStorage | null;
  /** The page's query string (`?lesson`, `?step`, `?teacher`). */
  search: string;
  setInterval?: (fn: () => void, ms: number) => number;
  clearInterval?: (id: number) => void;
}

export class LessonController {
  readonly store: StoreApi<LessonUiState>;
  private mark: StepMark | null = null;
  private progress: ProgressFile;
  /** A `?step=` the first opening of the URL's lesson honours. */
  private urlStep: number | null;
  private prepareSeq = 0;
  /** Our own lessonRun is in flight: its fresh frame is not a reload to react to. */
  private running = false;
  private polling = false;
  private pollCount = 0;

  constructor(private readonly deps: LessonControllerDeps) {
    this.progress = readProgress(deps.storage);
    const url = parseLessonUrl(deps.search);
    this.urlStep = url.step;
    this.store = createStore<LessonUiState>()(() => ({
      entry: null,
      step: 0,
      statuses: [],
      done: [],
      preparing: true,
      teacher: url.teacher ?? this.progress.teacher === true,
      hints: 0,
      rules: null,
      rulesNode: 'node-1',
      message: null,
    }));
  }

  private get state(): LessonUiState {
    return this.store.getState();
  }

  private set(patch: Partial<LessonUiState>): void {
    this.store.setState(patch);
  }

  /** Starts following the runner; returns the function that stops it. */
  start(): () => void {
    const off = this.deps.runner.onFrame((_frame, cause) => {
      // The runner marks the cluster running right after this call: prepare just after it.
      if (cause === 'load' && !this.running) void Promise.resolve().then(() => this.prepare());
    });
    const every = this.deps.setInterval ?? ((fn, ms) => window.setInterval(fn, ms));
    const clear = this.deps.clearInterval ?? ((id) => window.clearInterval(id));
    const timer = every(() => void this.poll(), POLL_MS);
    if (this.deps.app.getState().engine.status === 'running') void this.prepare();
    return () => {
      off();
      clear(timer);
    };
  }

  /** The open step, if a lesson is open. */
  currentStep(): LessonStep | null {
    const { entry, step } = this.state;
    return entry?.lesson.steps[step] ?? null;
  }

  // ---- opening a step ----------------------------------------------------------------------------

  /** After every (re)load of the cluster: find the lesson and get the open step's cluster ready. */
  private async prepare(): Promise<void> {
    const seq = ++this.prepareSeq;
    const { runner, app } = this.deps;
    const lesson = app.getState().lesson;
    let entry: LessonEntry | null;
    try {
      entry = (await lessonById(lesson.id)) ?? null;
    } catch (e) {
      // The lesson's chunk could not be fetched: the cluster runs on, the panel says why.
      if (seq === this.prepareSeq)
        this.set({ preparing: false, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    if (seq !== this.prepareSeq) return;
    let resumable = false;
    if (entry?.id !== this.state.entry?.id) {
      if (!entry) {
        this.mark = null;
        this.set({ entry: null, statuses: [], preparing: false, rules: null });
        return;
      }
      const saved = this.progress.lessons[entry.id];
      const step = this.urlStep ?? saved?.step ?? 0;
      this.urlStep = null;
      resumable = saved?.mark !== undefined && saved.step === step;
      this.set({
        entry,
        step: Math.min(Math.max(0, step), entry.lesson.steps.length - 1),
        done: saved?.done ?? [],
        statuses: [],
        hints: 0,
        rules: null,
        message: null,
      });
    }
    if (!entry) return;
    const step = this.state.step;
    const seg = scenarioOfStep(entry.lesson, step);
    const scenario = entry.files[seg.file] ?? entry.scenario;
    this.set({ preparing: true });
    if (lesson.scenario !== scenario) {
      // The step runs in another of the lesson's clusters: open it; its load comes back here.
      const r = await runner.open({
        lesson: { id: entry.id, title: (await scenarioInfo(scenario)).title, scenario },
        load: {},
      });
      if (!r.ok && seq === this.prepareSeq) this.set({ preparing: false, message: r.message });
      return;
    }
    const now = await runner.lessonQuery((api) => api.lessonMark());
    if (!now || seq !== this.prepareSeq) return;
    const saved = this.progress.lessons[entry.id]?.mark;
    if (resumable && saved && now.log > 0 && saved.log <= now.log && saved.at <= now.at) {
      // A session restored from this browser: the step resumes where it was.
      this.mark = saved;
    } else if (now.log > 0) {
      // A cluster with a history this step does not know: start the step on a fresh one.
      runner.reset();
      return;
    } else {
      const earlier = entry.lesson.steps.slice(seg.from, step);
      if (earlier.length > 0) {
        this.running = true;
        const r = await runner
          .lessonRun(earlier.map((s) => ({ goals: s.goals, solution: s.solution })))
          .finally(() => (this.running = false));
        if (!r || seq !== this.prepareSeq) return;
        this.mark = r.mark;
      } else this.mark = now;
    }
    this.set({ preparing: false, statuses: [] });
    this.save();
    void this.poll();
  }

  /** Moves on to the next step (the current one must be done, unless in teacher mode). */
  async next(): Promise<void> {
    const { entry, step, done, teacher } = this.state;
    const cur = this.currentStep();
    if (!entry || !cur || step + 1 >= entry.lesson.steps.length) return;
    if (!teacher && !done.includes(cur.id)) return;
    const target = step + 1;
    this.set({ step: target, statuses: [], hints: 0, message: null, rules: null });
    if (entry.lesson.steps[target]?.scenario !== undefined) {
      void this.prepare();
      return;
    }
    const seq = ++this.prepareSeq;
    this.set({ preparing: true });
    const mark = await this.deps.runner.lessonQuery((api) => api.lessonMark());
    if (seq !== this.prepareSeq) return;
    if (mark) this.mark = mark;
    this.set({ preparing: false });
    this.save();
    void this.poll();
  }

  /**
   * Opens step `index` on a fresh cluster (earlier steps replayed): teacher mode's jump, a
   * learner revisiting a done step, or restarting the current one.
   */
  goTo(index: number): void {
    const { entry } = this.state;
    if (!entry || index < 0 || index >= entry.lesson.steps.length) return;
    this.set({ step: index, statuses: [], hints: 0, message: null, rules: null, preparing: true });
    this.mark = null;
    const seg = scenarioOfStep(entry.lesson, index);
    const scenario = entry.files[seg.file] ?? entry.scenario;
    if (this.deps.app.getState().lesson.scenario === scenario) this.deps.runner.reset();
    else void this.prepare();
  }

  /** May the learner open step `index` now? */
  canOpen(index: number): boolean {
    const { entry, teacher, done, step } = this.state;
    if (!entry) return false;
    if (teacher || index === step) return true;
    const s = entry.lesson.steps[index];
    const before = entry.lesson.steps[index - 1];
    return (
      s !== undefined && (done.includes(s.id) || (before !== undefined && done.includes(before.id)))
    );
  }

  // ---- checking goals ------------------------------------------------------------------------

  private async poll(): Promise<void> {
    const { entry, step, preparing } = this.state;
    const cur = this.currentStep();
    const mark = this.mark;
    if (!entry || !cur || preparing || !mark || this.polling || this.running) return;
    this.polling = true;
    try {
      const statuses = await this.deps.runner.lessonQuery((api) =>
        api.lessonStatus(cur.goals, mark),
      );
      if (!statuses || this.mark !== mark || this.state.step !== step) return;
      const met = statuses.length > 0 && statuses.every((s) => s.met);
      const done = met && !this.state.done.includes(cur.id) ? [...this.state.done, cur.id] : null;
      this.set(done ? { statuses, done } : { statuses });
      if (done) this.save();
      if (cur.show?.includes('rules') && (this.pollCount++ % 2 === 0 || !this.state.rules)) {
        const node = this.state.rulesNode;
        const rules = await this.deps.runner.lessonQuery((api) => api.lessonRules(node));
        if (rules !== null && this.state.step === step) this.set({ rules });
      }
    } finally {
      this.polling = false;
    }
  }

  /** Shows another node's rules. */
  setRulesNode(node: string): void {
    this.set({ rulesNode: node, rules: null });
    void this.poll();
  }

  showHint(): void {
    this.set({ hints: this.state.hints + 1 });
  }

  // ---- teacher mode ----------------------------------------------------------------------------

  setTeacher(on: boolean): void {
    this.set({ teacher: on });
    this.progress = { ...this.progress, teacher: on };
    writeProgress(this.deps.storage, this.progress);
  }

  /** Runs one solution entry the way a learner would: console, editor + Apply, or the clock. */
  async runEntry(entry: SolutionEntry): Promise<void> {
    const { runner, app } = this.deps;
    this.set({ message: null });
    if (typeof entry === 'string') {
      await runner.exec(entry);
      return;
    }
    if ('apply' in entry) {
      // The YAML merge (and its parser) is fetched the first time a solution applies manifests.
      const { mergeManifests } = await import('./mergeManifests');
      await runner.apply(mergeManifests(app.getState().editor.text, entry.apply));
      return;
    }
    await this.runInWorker([{ goals: [], solution: [entry] }]);
  }

  /** Runs the whole solution of the open step and lets time pass until its goals hold. */
  async solve(): Promise<void> {
    const cur = this.currentStep();
    if (!cur) return;
    this.set({ message: null });
    const r = await this.runInWorker([{ goals: cur.goals, solution: cur.solution }]);
    const first = r?.steps[0];
    if (first && (!first.met || first.errors.length > 0))
      this.set({ message: first.errors.join('\n') || '—' });
  }

  private async runInWorker(steps: Parameters<LessonRunner['lessonRun']>[0]) {
    this.running = true;
    try {
      return await this.deps.runner.lessonRun(steps);
    } finally {
      this.running = false;
      void this.poll();
    }
  }

  /** A lesson skeleton from the running scenario and the commands run on it. */
  async skeleton(): Promise<LessonSkeleton | null> {
    const snap = await this.deps.runner.snapshot();
    if (!snap) return null;
    const { lessonSkeleton } = await import('./skeleton');
    return lessonSkeleton(this.deps.app.getState().lesson.scenario, snap.log);
  }

  // ---- progress ------------------------------------------------------------------------------

  private save(): void {
    const { entry, step, done } = this.state;
    if (!entry) return;
    const p = { step, done, ...(this.mark ? { mark: this.mark } : {}) };
    this.progress = { ...this.progress, lessons: { ...this.progress.lessons, [entry.id]: p } };
    writeProgress(this.deps.storage, this.progress);
  }

  /** Stored progress of a lesson (the gallery's "3 of 4 steps done"). */
  progressOf(id: string): { done: number } {
    return { done: this.progress.lessons[id]?.done.length ?? 0 };
  }
}
