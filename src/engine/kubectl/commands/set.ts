// `kubectl set image deployment/NAME CONTAINER=IMAGE …` (also ReplicaSets and Pods): changes the
// pod template's images — for a Deployment that starts a rollout. `*=IMAGE` sets every container.
import type { Cluster } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import type { Container, KubeObject } from '../../api/types';
import { flagString, type FlagSpec, type ParsedFlags } from '../flags';
import { Output, errorResult, usageError } from '../output';
import { kindGroup } from '../resources';
import { singleObject } from '../select';
import { parseTargets } from '../targets';

export const SET_FLAGS: FlagSpec[] = [
  { name: 'all', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'dry-run', kind: 'string' },
];

function setImages(containers: Container[], pairs: [string, string][]): Container[] | string {
  const next = containers.map((ct) => ({ ...ct }));
  for (const [name, image] of pairs) {
    const targets = name === '*' ? next : next.filter((ct) => ct.name === name);
    if (targets.length === 0) return `unable to find container named "${name}"`;
    for (const ct of targets) ct.image = image;
  }
  return next;
}

/** Runs `kubectl set image`. */
export function runSet(c: Cluster, p: ParsedFlags): CommandResult {
  const [sub, ...rest] = p.args;
  if (sub !== 'image')
    return new Output()
      .fail(
        sub === undefined
          ? "error: Required resource not specified.\nSee 'kubectl set -h' for help and examples"
          : `error: unknown command "${sub}" for "kubectl set"\nSee 'kubectl set -h' for help and examples`,
      )
      .result();
  const resourceArgs = rest.filter((a) => !a.includes('='));
  const pairs = rest
    .filter((a) => a.includes('='))
    .map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] as [string, string]);
  if (pairs.length === 0)
    return usageError('kubectl set image', 'at least one image update is required');
  const ns = flagString(p, 'namespace') ?? 'default';
  const found = singleObject(c, resourceArgs, ns, (a) => parseTargets(a, false));
  if ('error' in found) return new Output().fail(found.error).result();
  const obj = found.obj as KubeObject;
  if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') {
    const containers = setImages(obj.spec.template.spec.containers, pairs);
    if (typeof containers === 'string') return errorResult(containers);
    const template = { ...obj.spec.template, spec: { ...obj.spec.template.spec, containers } };
    c.store.put({
      ...obj,
      spec: { ...obj.spec, template },
      metadata: { ...obj.metadata, generation: (obj.metadata.generation ?? 1) + 1 },
    } as KubeObject);
  } else if (obj.kind === 'Pod') {
    const containers = setImages(obj.spec.containers, pairs);
    if (typeof containers === 'string') return errorResult(containers);
    c.store.put({ ...obj, spec: { ...obj.spec, containers } });
  } else return errorResult(`cannot set image on ${found.r.resource}`);
  return new Output().out(`${kindGroup(found.r)}/${obj.metadata.name} image updated\n`).result();
}
