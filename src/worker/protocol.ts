// The worker's API as the main thread sees it: plain JSON in and out. Comlink carries the calls.
import type {
  ApplyResult,
  ClusterEvent,
  Diagnostic,
  ClusterView,
  CommandResult,
  LoggedCommand,
  RequestRecord,
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

/** The engine worker's API. Every call answers with data; nothing throws across the boundary. */
export interface EngineApi {
  load(scenario: string, opts: LoadOptions): LoadResult;
  /** Advances virtual time to `t` and returns what happened. */
  tick(t: number): Frame;
  exec(line: string): { result: CommandResult; frame: Frame };
  apply(text: string, opts?: ApplyOptions): { result: ApplyResult; frame: Frame };
  /** A dry run of `apply` against the running cluster (editor markers): changes and logs nothing. */
  validate(text: string): Diagnostic[];
  /** Rebuilds the cluster from the log up to time `t` (rewind). */
  rewind(t: number): Frame;
  log(): LoggedCommand[];
  /** Any object as YAML text (`kubectl get -o yaml`). */
  inspect(kind: string, name: string, namespace: string): string | null;
  ping(): number;
}
