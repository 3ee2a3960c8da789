// Pod helpers shared by controllers, printers and the view: copy-on-write updates, conditions,
// readiness, and kubectl's STATUS column (printPod, reference B.4).
import type { ContainerStatus, Pod, PodCondition } from './types';

/**
 * A copy of the pod deep enough that mutating its metadata fields or status fields leaves the
 * original alone. The spec, labels, annotations, condition objects and container statuses stay
 * shared with the original (a change replaces the spec, map or array, via setPodCondition replaces
 * the condition, or takes ownContainerStatuses first), so unchanged ones compare by identity.
 */
export function clonePod(p: Pod): Pod {
  return {
    ...p,
    metadata: { ...p.metadata },
    status: {
      ...p.status,
      conditions: [...p.status.conditions],
    },
  };
}

/**
 * The cloned pod's container statuses made its own (shallow copies, so their fields can be set)
 * before a writer changes them in place; clonePod itself leaves them shared with the original.
 */
export function ownContainerStatuses(p: Pod): ContainerStatus[] {
  const own = (p.status.containerStatuses ?? []).map((s) => ({ ...s }));
  if (p.status.containerStatuses) p.status.containerStatuses = own;
  return own;
}

/** Sets a pod condition, keeping lastTransitionTime when the status does not change. */
export function setPodCondition(
  pod: Pod,
  type: PodCondition['type'],
  status: PodCondition['status'],
  now: number,
  reason?: string,
): void {
  const conditions = pod.status.conditions;
  const i = conditions.findIndex((c) => c.type === type);
  const existing = conditions[i];
  if (existing) {
    // A new object, never a write into the old one: versions of a pod share condition objects,
    // and an object that loses a property (`delete`) turns into a slow, several times larger one.
    const { reason: _, ...rest } = existing;
    const lastTransitionTime = existing.status !== status ? now : existing.lastTransitionTime;
    const next: PodCondition = { ...rest, status, lastTransitionTime };
    if (reason) next.reason = reason;
    conditions[i] = next;
    return;
  }
  const c: PodCondition = { type, status, lastTransitionTime: now };
  if (reason) c.reason = reason;
  // A new array of exactly the right size (push would leave room for 16 more in every pod).
  pod.status.conditions = [...conditions, c];
}

/** The pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** When the Ready condition last turned True, or null. */
export function podReadySince(pod: Pod): number | null {
  const c = pod.status.conditions.find((x) => x.type === 'Ready');
  return c && c.status === 'True' ? c.lastTransitionTime : null;
}

/** Ready for at least minReadySeconds (IsPodAvailable). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const since = podReadySince(pod);
  return since !== null && (minReadySeconds === 0 || since + minReadySeconds * 1000 <= now);
}

/** Phase Succeeded or Failed. */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

/** kubectl's STATUS column for a pod (printPod). */
export function podStatusText(pod: Pod): string {
  let reason: string = pod.status.reason ?? pod.status.phase;
  let hasRunning = false;
  const statuses = pod.status.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const s = statuses[i];
    if (!s) continue;
    if (s.state.waiting?.reason) reason = s.state.waiting.reason;
    else if (s.state.terminated?.reason) reason = s.state.terminated.reason;
    else if (s.state.terminated) {
      const t = s.state.terminated;
      reason = t.exitCode === 0 ? 'Completed' : `ExitCode:${t.exitCode}`;
    } else if (s.state.running && s.ready) hasRunning = true;
    else if (s.state.running) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) reason = isPodReady(pod) ? 'Running' : 'NotReady';
  if (pod.metadata.deletionTimestamp !== undefined) {
    if (pod.status.reason === 'NodeLost') return 'Unknown';
    if (!isPodTerminal(pod)) return 'Terminating';
  }
  return reason;
}

/** kubectl's READY column: ready containers / containers. */
export function podReadyText(pod: Pod): string {
  const statuses = pod.status.containerStatuses ?? [];
  const ready = statuses.filter((s) => s.ready).length;
  return `${ready}/${pod.spec.containers.length}`;
}

/** Sum of the containers' restart counts. */
export function podRestarts(pod: Pod): number {
  return (pod.status.containerStatuses ?? []).reduce((n, s) => n + s.restartCount, 0);
}

/** Same keys, values and key order: what comparing the two maps' JSON meant, without building it. */
export function sameStringMap(
  a: Record<string, string> | undefined,
  b: Record<string, string> | undefined,
): boolean {
  if (a === b) return true;
  const ka = a ? Object.keys(a) : [];
  const kb = b ? Object.keys(b) : [];
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i] || a?.[k] !== b?.[k]) return false;
  }
  return true;
}

/**
 * The two versions agree on what controllers that count pods care about: deletion, phase,
 * readiness (and since when), labels. Called on every pod update, so it builds nothing.
 */
export function sameForCounting(a: Pod, b: Pod): boolean {
  return (
    a.metadata.deletionTimestamp === b.metadata.deletionTimestamp &&
    a.status.phase === b.status.phase &&
    podReadySince(a) === podReadySince(b) &&
    isPodReady(a) === isPodReady(b) &&
    sameStringMap(a.metadata.labels, b.metadata.labels)
  );
}

/** What the endpoint controllers care about: the counting fields plus IP and node. */
export function sameForEndpoints(a: Pod, b: Pod): boolean {
  return (
    a.status.podIP === b.status.podIP &&
    a.spec.nodeName === b.spec.nodeName &&
    sameForCounting(a, b)
  );
}
