// kubeplay's engine: a deterministic simulation of a Kubernetes cluster's Services machinery.
// This file is the engine's only public face; the worker, the CLI and tests import from here.
export {
  Engine,
  SETTLE_LIMIT_MS,
  validateManifestFile,
  type CreateResult,
  type LoggedCommand,
} from './engine';
export type { ApplyResult } from './api/apply';
export type { Diagnostic } from './api/manifests';
export type { CommandResult } from './commands/result';
export type { ClusterEvent, Hop, Outcome, RequestRecord } from './trace';
export type {
  ClusterView,
  DeploymentView,
  NodeView,
  PodView,
  RunReport,
  ServicePortView,
  ServiceView,
} from './view';
export type { Scenario } from './scenario/types';
export type { ProxyMode } from './cluster';
export {
  parseScenario,
  SCENARIO_LIMITS,
  formatScenarioErrors,
  type ScenarioError,
} from './scenario/parse';
export { parseDuration, formatDuration } from './util/duration';
export type { ValidationReport } from './api/validateFile';
export type { NodeRules, RuleLine } from './network/rules/index';
export * from './lessons/index';
export { completeLine, watchLine, type Completion, type KubectlWatch } from './kubectl/console';
