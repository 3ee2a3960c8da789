// `kubectl get pods` rows (printPod): READY counts ready running containers, STATUS is the
// engine's printPod reason, RESTARTS shows `N (age ago)` once a container has terminated before.
import type { Pod } from '../../api/types';
import { podStatusText } from '../../api/pods';
import { ageSince } from '../age';
import type { TableDef } from './table';

/** READY cell: containers that are ready and running / containers. */
export function podReady(p: Pod): string {
  const ready = (p.status.containerStatuses ?? []).filter((s) => s.ready && s.state.running).length;
  return `${ready}/${p.spec.containers.length}`;
}

/** RESTARTS cell: the sum of restarts, with the age of the last termination when known. */
export function podRestarts(p: Pod, now: number): string {
  let restarts = 0;
  let last: number | undefined;
  for (const s of p.status.containerStatuses ?? []) {
    restarts += s.restartCount;
    const f = s.lastState.terminated?.finishedAt;
    if (f !== undefined && (last === undefined || f > last)) last = f;
  }
  return last === undefined ? String(restarts) : `${restarts} (${ageSince(last, now)} ago)`;
}

export const podTable: TableDef = {
  columns: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Status' },
    { name: 'Restarts' },
    { name: 'Age' },
    { name: 'IP', wide: true },
    { name: 'Node', wide: true },
    { name: 'Nominated Node', wide: true },
    { name: 'Readiness Gates', wide: true },
  ],
  cells(obj, c) {
    const p = obj as Pod;
    return [
      p.metadata.name,
      podReady(p),
      podStatusText(p),
      podRestarts(p, c.now),
      ageSince(p.metadata.creationTimestamp, c.now),
      p.status.podIPs?.[0]?.ip ?? p.status.podIP ?? '<none>',
      p.spec.nodeName ?? '<none>',
      '<none>',
      '<none>',
    ];
  },
};
