// The lesson goal language: a typed union of predicates over the simulated cluster, plus the status
// the evaluator hands back. Pure types; the evaluator (evaluate.ts) and the checker (check.ts) own
// the meaning. Lessons are data (src/lessons/<id>/lesson.yaml): never put code in a goal.
import type { Outcome } from '../trace';

/**
 * Which requests a request goal counts. Every field is optional; an empty filter counts all
 * requests sent since the step started.
 */
export interface RequestFilter {
  /** Client: a label selector of the sending pods (`app=frontend`), or `external`. */
  from?: string;
  /** Destination: a Service name (the Service that routed it, or the URL's host name). */
  to?: string;
  /** The load generator's name (`traffic[].name`), or `kubectl-exec:curl` for `kubectl exec … curl`. */
  generator?: string;
  /** Only the last stretch of virtual time, e.g. `10s` ("right now"), instead of the whole step. */
  within?: string;
}

/** At least `min`, at most `max`, or exactly `count` (any combination). */
export interface Bounds {
  count?: number;
  min?: number;
  max?: number;
}

/** A goal's own wording, when the generated description is not enough: `{en: …, es: …}`. */
export type GoalLabel = Partial<Record<'en' | 'es', string>>;

/**
 * One predicate a step's state must satisfy (plus an optional `label`). `namespace` defaults to
 * `default` everywhere. Request and command goals count only what happened since the step started.
 */
export type Goal = GoalPredicate & { label?: GoalLabel };

/** The predicates, keyed by `type`. */
export type GoalPredicate =
  /** The Service's EndpointSlices list this many ready endpoints. */
  | ({ type: 'serviceReadyEndpoints'; service: string; namespace?: string } & Bounds)
  /** Requests answered with 200 since the step started. */
  | ({ type: 'requestsOk' } & RequestFilter & Bounds)
  /** Requests that ended with `outcome` (one or several) since the step started. */
  | ({ type: 'requestsOutcome'; outcome: Outcome | Outcome[] } & RequestFilter & Bounds)
  /** Distinct backend pods that answered the filtered requests since the step started. */
  | ({ type: 'backendsHit'; minRequests?: number } & RequestFilter & Bounds)
  /**
   * A pod matching `selector` that did not exist when the step started is Running and Ready,
   * with an IP none of the matching pods had at the start (the ReplicaSet replaced one).
   */
  | { type: 'podReplaced'; selector: string; namespace?: string }
  /** Pods matching the selector (and the optional status text, readiness, node or IP). */
  | ({
      type: 'podCount';
      selector: string;
      namespace?: string;
      /** kubectl's STATUS text: `Running`, `Terminating`, `Pending`, `CrashLoopBackOff`… */
      status?: string;
      ready?: boolean;
      node?: string;
      ip?: string;
    } & Bounds)
  /** The Deployment's `deployment.kubernetes.io/revision` is at least `min`. */
  | { type: 'deploymentRevision'; name: string; namespace?: string; min: number }
  /** The Deployment finished rolling out: every replica updated and available, no old pod left. */
  | { type: 'deploymentAvailable'; name: string; namespace?: string; replicas?: number }
  /** The Node's Ready condition is True (`ready: true`) or not. */
  | { type: 'nodeReady'; node: string; ready: boolean }
  /**
   * How many iptables rules the cluster's Services need (kube-proxy's rule model, whatever the
   * mode): what each iptables sync has to rewrite.
   */
  | ({ type: 'ruleCount' } & Bounds)
  /**
   * A kube-proxy sync finished since the step started, on `node` or any node, and the latest
   * one took at least `minMs` / at most `maxMs` virtual milliseconds.
   */
  | { type: 'proxySync'; node?: string; minMs?: number; maxMs?: number }
  /** Every running node's kube-proxy (or `node`'s) has synced the API's latest state. */
  | { type: 'rulesCurrent'; node?: string }
  /**
   * The Service's EndpointSlices hold endpoints matching the conditions given (an IP, a pod
   * selector, ready / serving / terminating), counted against the bounds (default: at least 1).
   */
  | ({
      type: 'endpointSliceHas';
      service: string;
      namespace?: string;
      ip?: string;
      pod?: string;
      ready?: boolean;
      serving?: boolean;
      terminating?: boolean;
    } & Bounds)
  /**
   * Cluster DNS answers `name` for a pod in namespace `from` (walking the search path):
   * `answer` an IP or `clusterIP:<service>` (that Service's ClusterIP) or `cname:<name>`;
   * `nxdomain: true` when the name must NOT resolve; bounds count the addresses in the answer.
   */
  | ({
      type: 'dnsResolves';
      name: string;
      from?: string;
      answer?: string;
      nxdomain?: boolean;
    } & Bounds)
  /** A field of an object equals a value (or exists / is absent): `spec.type`, `spec.ports[0].targetPort`. */
  | {
      type: 'objectField';
      kind: string;
      name: string;
      namespace?: string;
      path: string;
      equals?: string | number | boolean;
      exists?: boolean;
    }
  /**
   * A request since the step started (matching the filter) whose name lookup sent this many DNS
   * queries along the search path: `max: 1` for an absolute name, more for a short one (ndots).
   */
  | ({ type: 'dnsLookups' } & RequestFilter & Bounds)
  /** The learner ran a console command matching the regular expression since the step started. */
  | { type: 'commandRun'; pattern: string };

/** Every goal type, in the order docs/lessons.md describes them. */
export const GOAL_TYPES = [
  'serviceReadyEndpoints',
  'requestsOk',
  'requestsOutcome',
  'backendsHit',
  'podReplaced',
  'podCount',
  'deploymentRevision',
  'deploymentAvailable',
  'nodeReady',
  'ruleCount',
  'proxySync',
  'rulesCurrent',
  'endpointSliceHas',
  'dnsResolves',
  'dnsLookups',
  'objectField',
  'commandRun',
] as const satisfies readonly Goal['type'][];

export type GoalType = (typeof GOAL_TYPES)[number];

/** Where a step started: virtual time and the length of the command log then. */
export interface StepMark {
  at: number;
  log: number;
}

/**
 * One goal's state now: met or not, and what the evaluator saw, as a code with parameters the UI
 * turns into English or Spanish (`have`/`want` for counts, `value` for a field, …).
 */
export interface GoalStatus {
  met: boolean;
  /** `goal.count` (have vs want), `goal.missing` (the object does not exist), `goal.invalid`… */
  code: string;
  params: Record<string, string | number>;
}
