// The engine commands behind the inspector's chaos actions (DESIGN.md §3 chaos, kubectl). Pure
// string builders, so what a button does is exactly what a learner could type in the console,
// and it enters the command log (share links, rewind) like anything typed.

/** Names and label values as kubectl accepts them (no quoting needed). */
const SAFE = /^[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?$/;

export const podCommands = {
  delete: (pod: string) => `kubectl delete pod ${pod}`,
  kill: (pod: string) => `chaos kill-pod ${pod}`,
  crash: (pod: string) => `chaos crash ${pod}`,
  failReadiness: (pod: string) => `chaos fail-readiness ${pod}`,
  passReadiness: (pod: string) => `chaos pass-readiness ${pod}`,
};

export const nodeCommands = {
  fail: (node: string) => `chaos fail-node ${node}`,
  recover: (node: string) => `chaos recover-node ${node}`,
};

/** `kubectl scale` to `replicas` (never below zero). */
export function scaleCommand(deployment: string, replicas: number): string {
  return `kubectl scale deployment/${deployment} --replicas=${Math.max(0, Math.floor(replicas))}`;
}

/**
 * `kubectl label --overwrite` of one label, or null when the key or value is not something
 * kubectl would accept as typed (the form says so instead of sending it).
 */
export function labelCommand(pod: string, key: string, value: string): string | null {
  const k = key.trim();
  const v = value.trim();
  if (!SAFE.test(k) || (v !== '' && !SAFE.test(v)) || v.length > 63) return null;
  return `kubectl label pod ${pod} ${k}=${v} --overwrite`;
}

/** The Deployment that owns a pod through its ReplicaSet (name minus the pod-template-hash). */
export function deploymentOf(
  pod: { owner: string | null; labels: Record<string, string> },
  deployments: readonly { name: string }[],
): string | null {
  const hash = pod.labels['pod-template-hash'];
  if (!pod.owner || !hash || !pod.owner.endsWith(`-${hash}`)) return null;
  const name = pod.owner.slice(0, -hash.length - 1);
  return deployments.some((d) => d.name === name) ? name : null;
}
