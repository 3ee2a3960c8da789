// What the simulation refuses to attempt, so a scenario can never hang the tab: real Kubernetes
// would accept these, but no classroom laptop can simulate them.

export const SIM_LIMITS = {
  /** Replicas one Deployment or ReplicaSet may ask for. */
  maxReplicas: 5000,
  /** Pod objects the whole cluster may hold at once. */
  maxPods: 250_000,
};

/** The message for a workload that asks for too many replicas. */
export function replicasLimitText(kind: string, name: string, replicas: number): string {
  return `error: ${kind} "${name}" asks for ${replicas.toLocaleString('en-US')} replicas; kubeplay simulates at most ${SIM_LIMITS.maxReplicas.toLocaleString('en-US')} replicas per workload`;
}
