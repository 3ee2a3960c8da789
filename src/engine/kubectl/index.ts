// kubectl over the simulated cluster — get, describe, delete, scale, apply, create, expose, set
// image, rollout, label, annotate, cordon, uncordon, drain, exec, version, cluster-info,
// api-resources — printing what kubectl v1.33 prints. This is the module's public face.
export { runKubectl } from './run';
export type { KubectlContext } from './commands/registry';
export { watchKubectl, type KubectlWatch } from './watch';
