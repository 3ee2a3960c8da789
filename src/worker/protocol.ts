// The worker's API as the main thread sees it: plain JSON in and out. Comlink carries the calls.
import type {
  ApplyResult,
  ClusterEvent,
  Diagnostic,
  ClusterView,
  CommandResult,
  Completion,
  Goal,
  GoalStatus,
  LessonStep,
  LoggedCommand,
  NodeRules,
  RequestRecord,
  RulesPanel,
  StepMark,
} from '../engine/index';

/** What changed since the previous frame, plus the whole (small) cluster picture. */
export interface Frame {
  now: number;
  view: ClusterView;
  /** Requests sent since the previous frame. */
  requests: RequestRecord[];
  /** Events recorded since the previous frame. */
  events: ClusterEvent[];
  /** The trace restarted (load, rewind): drop what you had. */
  reset: boolean;
  /** What the console's running watches printed since the previous frame (absent: nothing). */
  watches?: WatchOutput[];
}

/** New output of one console watch (`kubectl get -w`, `rollout status`); `done` when it ended. */
export interface WatchOutput {
  id: number;
  text: string;
  done: boolean;
}

/** How to open a scenario. */
export interface LoadOptions {
  /** Commands to replay (share links, saved sessions). */
  log?: LoggedCommand[];
  /** Virtual time to stop at; when absent, the cluster is settled first (lessons open settled). */
  at?: number;
  settle?: boolean;
}

export type LoadResult =
  { ok: true; frame: Frame; settledAt: number } | { ok: false; message: string };

/** How the editor's text is applied. */
export interface ApplyOptions {
  /** `kubectl apply --prune`: delete objects applied before that the text no longer lists. */
  prune?: boolean;
}

/** A moment worth marking on the time scrubber. */
export interface TimelineMark {
  t: number;
  kind: 'apply' | 'delete' | 'failure' | 'command';
  /** The command line, or the event's reason and object (Kubernetes' own words). */
  label: string;
  /** How many such moments this mark stands for (close together), when more than one. */
  count?: number;
}

/** The history the scrubber can move through: 0 … `horizon`, with what happened on it. */
export interface Timeline {
  now: number;
  /** The furthest virtual time this history has reached (rewinding keeps it). */
  horizon: number;
  marks: TimelineMark[];
}

/** The engine worker's API. Every call answers with data; nothing throws across the boundary. */
export interface EngineApi {
  load(scenario: string, opts: LoadOptions): LoadResult;
  /** Advances virtual time to `t` and returns what happened. */
  tick(t: number): Frame;
  exec(line: string): { result: CommandResult; frame: Frame };
  apply(text: string, opts?: ApplyOptions): { result: ApplyResult; frame: Frame };
  /** A dry run of `apply` against the running cluster (editor markers): changes and logs nothing. */
  validate(text: string): Diagnostic[];
  /**
   * Rebuilds the cluster from the log up to time `t` (rewind). Commands logged after `t` stay
   * ahead and run again when the clock reaches them, until a new command starts another history.
   */
  rewind(t: number): Frame;
  log(): LoggedCommand[];
  /** Any object as YAML text (`kubectl get -o yaml`). */
  inspect(kind: string, name: string, namespace: string): string | null;
  /** Any object as plain JSON (what `inspect` prints as YAML), or null. */
  object(kind: string, name: string, namespace: string): unknown;
  /** Every node's kube-proxy rules for one Service (`ns/name`), with their packet counters. */
  serviceRules(service: string): NodeRules[];
  /** How far this history reaches and its marks, for the time scrubber. */
  timeline(): Timeline;
  ping(): number;
  // The kubectl console (src/app/console).
  /**
   * Like exec, but a line that keeps printing (`kubectl get … -w`, `kubectl rollout status`)
   * starts a watch instead: `watch` is its id and its output comes in later frames' `watches`
   * until it ends or `unwatch`. Watches are not logged (they change nothing).
   */
  execWatch(line: string): { result: CommandResult; frame: Frame; watch: number | null };
  unwatch(id: number): void;
  /** Tab completion of the line's last word, from the live cluster. */
  complete(line: string): Completion;
  /** Resilience tests only (`?test=1`): make the worker hang (busy loop) or crash. */
  faultForTest(kind: 'hang' | 'crash'): void;
  // Lessons (src/app/lessons): goals are evaluated here, against the live cluster.
  /** Where a lesson step starts now: virtual time and the command log's length. */
  lessonMark(): StepMark;
  /** Each goal's status now, for a step that started at `mark`. */
  lessonStatus(goals: Goal[], mark: StepMark): GoalStatus[];
  /**
   * Runs steps' solutions in order, each until its goals hold (opening a lesson at a later step,
   * teacher mode's "solve"); answers with a fresh frame and the next step's mark.
   */
  lessonRun(steps: LessonRunStep[]): LessonRunResult;
  /** One node's kube-proxy rules (drawn namespaces only) and totals, for the lesson rules panel. */
  lessonRules(node: string): RulesPanel | null;
}

/** What `lessonRun` needs of a step. */
export type LessonRunStep = Pick<LessonStep, 'goals' | 'solution'>;

/** What `lessonRun` did: per step, whether its goals were met and which commands failed. */
export interface LessonRunResult {
  frame: Frame;
  mark: StepMark;
  steps: { met: boolean; errors: string[] }[];
}
