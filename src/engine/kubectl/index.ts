// kubectl over the simulated cluster. (First version: delete, scale and label; the full command set
// and printers arrive with the kubectl work.)
import type { Cluster } from '../cluster';
import { fail, ok, type CommandResult } from '../commands/result';
import { objectKey } from '../api/store';
import { matchesSelector, parseSelector } from '../util/labels';

/** Extra inputs some commands need (the editor's text for `apply -f`). */
export interface KubectlContext {
  files?: Record<string, string>;
}

/** Runs kubectl with `args` (without the word `kubectl`). */
export function runKubectl(c: Cluster, args: string[], ctx: KubectlContext = {}): CommandResult {
  void ctx;
  const [verb, ...rest] = args;
  if (verb === 'delete') return del(c, rest);
  if (verb === 'scale') return scale(c, rest);
  return fail(
    `error: unknown command "${verb ?? ''}" for "kubectl"\nRun 'kubectl --help' for usage.`,
  );
}

function del(c: Cluster, args: string[]): CommandResult {
  const [type, ...rest] = args;
  if (type !== 'pod' && type !== 'pods' && type !== 'po')
    return fail(`error: the server doesn't have a resource type "${type ?? ''}"`);
  let selector: string | null = null;
  let grace: number | undefined;
  let force = false;
  const names: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === '-l' || a === '--selector') selector = rest[++i] ?? '';
    else if (a.startsWith('--grace-period=')) grace = Number(a.slice(15));
    else if (a === '--force') force = true;
    else if (a.startsWith('-'))
      return fail(`error: unknown flag: ${a}\nSee 'kubectl delete --help' for usage.`);
    else names.push(a);
  }
  const keys: string[] = [];
  const out: string[] = [];
  const errs: string[] = [];
  if (selector !== null) {
    const sel = parseSelector(selector);
    if ('error' in sel) return fail(`error: ${sel.error}`);
    for (const p of c.store
      .list('Pod', 'default')
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name)))
      if (matchesSelector(sel, p.metadata.labels)) keys.push(c.key(p));
    if (keys.length === 0) return ok('No resources found\n');
  }
  for (const n of names) {
    const key = objectKey('default', n);
    if (c.store.get('Pod', key)) keys.push(key);
    else errs.push(`Error from server (NotFound): pods "${n}" not found`);
  }
  for (const key of keys) {
    const name = key.split('/')[1] ?? key;
    c.ctl.api.deletePod(key, {
      ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}),
      force,
    });
    out.push(`pod "${name}" deleted`);
  }
  const warn = force
    ? 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'
    : '';
  return {
    stdout: out.map((l) => l + '\n').join(''),
    stderr: warn + errs.map((l) => l + '\n').join(''),
    exitCode: errs.length ? 1 : 0,
  };
}

function scale(c: Cluster, args: string[]): CommandResult {
  let target = '';
  let replicas: number | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('--replicas=')) replicas = Number(a.slice(11));
    else if (a === '--replicas') replicas = Number(args[++i]);
    else if (!target) target = a;
    else if (!target.includes('/')) target = `${target}/${a}`;
  }
  const [type, name] = target.split('/');
  if (!name || !['deployment', 'deployments', 'deploy', 'deployment.apps'].includes(type ?? ''))
    return fail('error: resource(s) were provided, but no name was specified');
  if (replicas === null || !Number.isInteger(replicas) || replicas < 0)
    return fail(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  const d = c.store.get('Deployment', objectKey('default', name));
  if (!d) return fail(`Error from server (NotFound): deployments.apps "${name}" not found`);
  c.store.put({
    ...d,
    spec: { ...d.spec, replicas },
    metadata: { ...d.metadata, generation: (d.metadata.generation ?? 1) + 1 },
  });
  return ok(`deployment.apps/${name} scaled\n`);
}
