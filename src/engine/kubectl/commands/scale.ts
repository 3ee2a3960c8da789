// `kubectl scale deployment/NAME --replicas=N` (also ReplicaSets): sets spec.replicas; the
// controllers do the rest. Prints `deployment.apps/NAME scaled`.
import { SIM_LIMITS } from '../../limits';
import type { Cluster } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import type { Deployment, ReplicaSet } from '../../api/types';
import { flagInt, flagString, hasFlag, type FlagSpec, type ParsedFlags } from '../flags';
import { Output, errorResult } from '../output';
import { kindGroup } from '../resources';
import { selectTargets } from '../select';
import { parseTargets } from '../targets';

export const SCALE_FLAGS: FlagSpec[] = [
  { name: 'replicas', kind: 'int' },
  { name: 'current-replicas', kind: 'int' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'all', kind: 'bool' },
  { name: 'timeout', kind: 'string' },
];

/** Sets the desired replicas of a Deployment or ReplicaSet, bumping its generation. */
export function setReplicas(c: Cluster, obj: Deployment | ReplicaSet, replicas: number): void {
  c.store.put({
    ...obj,
    spec: { ...obj.spec, replicas },
    metadata: { ...obj.metadata, generation: (obj.metadata.generation ?? 1) + 1 },
  } as Deployment | ReplicaSet);
}

/** Runs `kubectl scale`. */
export function runScale(c: Cluster, p: ParsedFlags): CommandResult {
  if (!hasFlag(p, 'replicas')) return errorResult('required flag(s) "replicas" not set');
  const replicas = flagInt(p, 'replicas') ?? -1;
  if (replicas < 0)
    return errorResult(
      'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  if (replicas > SIM_LIMITS.maxReplicas)
    return errorResult(
      `kubeplay simulates at most ${SIM_LIMITS.maxReplicas.toLocaleString('en-US')} replicas per workload; asked for ${replicas.toLocaleString('en-US')}`,
    );
  if (p.args.length === 0)
    return errorResult(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  const parsed = parseTargets(p.args, false);
  if ('error' in parsed) return errorResult(parsed.error);
  const selector = flagString(p, 'selector');
  if (!parsed.targets.some((t) => t.names.length > 0) && !selector && !hasFlag(p, 'all'))
    return errorResult('resource(s) were provided, but no name was specified');
  const sel = selectTargets(c, parsed.targets, {
    namespace: flagString(p, 'namespace') ?? 'default',
    allNamespaces: false,
    ...(selector !== undefined ? { selector } : {}),
  });
  const out = new Output();
  const errors = [...sel.errors];
  for (const g of sel.groups)
    for (const o of g.objs) {
      if (o.kind !== 'Deployment' && o.kind !== 'ReplicaSet') {
        errors.push(
          `Error from server (NotFound): the server could not find the requested resource`,
        );
        continue;
      }
      const current = flagInt(p, 'current-replicas');
      if (current !== undefined && current !== (o.spec.replicas ?? 1)) {
        errors.push(`error: Expected replicas to be ${current}, was ${o.spec.replicas ?? 1}`);
        continue;
      }
      setReplicas(c, o, replicas);
      out.out(`${kindGroup(g.r)}/${o.metadata.name} scaled\n`);
    }
  if (errors.length > 0) out.fail(errors.join('\n'));
  return out.result();
}
