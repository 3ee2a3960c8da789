// `kubectl cordon|uncordon|drain NODE`: spec.unschedulable with the node.kubernetes.io/unschedulable
// taint and the kubelet's NodeSchedulable events; drain evicts the node's pods (pods without a
// controller need --force, emptyDir pods --delete-emptydir-data) and prints kubectl's lines.
import type { Cluster } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import type { Node, Pod } from '../../api/types';
import { flagBool, flagInt, type FlagSpec, type ParsedFlags } from '../flags';
import { Output, notFoundText, usageError } from '../output';

export const NODE_FLAGS: FlagSpec[] = [
  { name: 'ignore-daemonsets', kind: 'bool' },
  { name: 'delete-emptydir-data', kind: 'bool' },
  { name: 'delete-local-data', kind: 'bool' },
  { name: 'force', kind: 'bool' },
  { name: 'grace-period', kind: 'int' },
  { name: 'timeout', kind: 'string' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'pod-selector', kind: 'string' },
  { name: 'disable-eviction', kind: 'bool' },
  { name: 'dry-run', kind: 'string' },
];

const TAINT = 'node.kubernetes.io/unschedulable';

/** Sets or clears unschedulable; returns false when it already had that value. */
export function setUnschedulable(c: Cluster, node: Node, value: boolean): boolean {
  if (!!node.spec.unschedulable === value) return false;
  const taints = (node.spec.taints ?? []).filter((t) => t.key !== TAINT);
  if (value) taints.push({ key: TAINT, effect: 'NoSchedule', timeAdded: c.now });
  const spec: Node['spec'] = { ...node.spec, taints };
  if (value) spec.unschedulable = true;
  else delete spec.unschedulable;
  if (taints.length === 0) delete spec.taints;
  c.store.put({ ...node, spec });
  const reason = value ? 'NodeNotSchedulable' : 'NodeSchedulable';
  c.recordEvent(
    node,
    'Normal',
    reason,
    `Node ${node.metadata.name} status is now: ${reason}`,
    'kubelet',
    value ? 'node.notSchedulable' : 'node.schedulable',
    { node: node.metadata.name },
  );
  if (!value) c.ctl.scheduler.retryUnschedulable();
  return true;
}

function hasEmptyDir(p: Pod): boolean {
  const vols = p.spec['volumes'];
  return Array.isArray(vols) && vols.some((v) => v && typeof v === 'object' && 'emptyDir' in v);
}

/** Runs `kubectl cordon`, `uncordon` or `drain`. */
export function runNodeCommand(
  c: Cluster,
  p: ParsedFlags,
  verb: 'cordon' | 'uncordon' | 'drain',
): CommandResult {
  const [name] = p.args;
  if (!name) return usageError(`kubectl ${verb}`, `USAGE: ${verb} NODE [flags]`);
  const node = c.store.get('Node', name);
  if (!node) return new Output().fail(notFoundText('nodes', name)).result();
  const out = new Output();
  const desired = verb !== 'uncordon';
  const changed = setUnschedulable(c, node, desired);
  const word = desired ? 'cordoned' : 'uncordoned';
  out.out(`node/${name} ${changed ? word : `already ${word}`}\n`);
  if (verb !== 'drain') return out.result();
  const pods = c.store
    .list('Pod')
    .filter(
      (x) =>
        x.spec.nodeName === name && x.status.phase !== 'Succeeded' && x.status.phase !== 'Failed',
    )
    .sort((a, b) =>
      `${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}`
        ? -1
        : 1,
    );
  const ref = (x: Pod) => `${x.metadata.namespace}/${x.metadata.name}`;
  const unmanaged = pods.filter((x) => !x.metadata.ownerReferences?.some((o) => o.controller));
  const local = pods.filter(hasEmptyDir);
  const problems: string[] = [];
  if (unmanaged.length && !flagBool(p, 'force'))
    problems.push(
      `cannot delete Pods that declare no controller (use --force to override): ${unmanaged.map(ref).join(', ')}`,
    );
  if (local.length && !flagBool(p, 'delete-emptydir-data') && !flagBool(p, 'delete-local-data'))
    problems.push(
      `cannot delete Pods with local storage (use --delete-emptydir-data to override): ${local.map(ref).join(', ')}`,
    );
  if (problems.length > 0) {
    const msg = problems.length === 1 ? (problems[0] as string) : `[${problems.join(', ')}]`;
    return out
      .fail(
        `error: unable to drain node "${name}" due to error:${msg}, continuing command...\nThere are pending nodes to be drained:\n ${name}\nerror: ${msg}`,
      )
      .result();
  }
  const warnings: string[] = [];
  if (unmanaged.length)
    warnings.push(`deleting Pods that declare no controller: ${unmanaged.map(ref).join(', ')}`);
  if (local.length) warnings.push(`deleting Pods with local storage: ${local.map(ref).join(', ')}`);
  if (warnings.length) out.err(`Warning: ${warnings.join('; ')}\n`);
  const grace = flagInt(p, 'grace-period') ?? -1;
  for (const x of pods) out.out(`evicting pod ${ref(x)}\n`);
  for (const x of pods) {
    c.ctl.api.deletePod(c.key(x), grace >= 0 ? { gracePeriodSeconds: grace } : {});
    out.out(`pod/${x.metadata.name} evicted\n`);
  }
  out.out(`node/${name} drained\n`);
  return out.result();
}
