// `kubectl delete`: by type and name, `type/name`, `-l`, `--all`; `--grace-period`, `--now`,
// `--force` (and its warning), `--cascade`, `-o name`; `pod "x" deleted` lines, NotFound errors.
import type { Cluster } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import type { KubeObject } from '../../api/types';
import {
  flagBool,
  flagInt,
  flagString,
  flagStrings,
  hasFlag,
  type FlagSpec,
  type ParsedFlags,
} from '../flags';
import { getObject } from '../objects';
import { manifestRefs, readFiles } from './apply';
import type { KubectlContext } from './registry';
import { deleteObject, type Cascade } from '../gc';
import { Output, errorResult } from '../output';
import { kindGroup, resourceGroup } from '../resources';
import { selectTargets } from '../select';
import { parseTargets } from '../targets';

export const DELETE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'field-selector', kind: 'string' },
  { name: 'all', kind: 'bool' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'grace-period', kind: 'int' },
  { name: 'force', kind: 'bool' },
  { name: 'now', kind: 'bool' },
  { name: 'wait', kind: 'bool' },
  { name: 'cascade', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'ignore-not-found', kind: 'bool' },
  { name: 'filename', short: 'f', kind: 'strings' },
];

export const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

const PROTECTED_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** Runs `kubectl delete`. */
export function runDelete(c: Cluster, p: ParsedFlags, ctx: KubectlContext): CommandResult {
  const output = flagString(p, 'output') ?? '';
  if (output && output !== 'name')
    return errorResult(`unexpected -o output mode: ${output}. We only support '-o name'`);
  const selector = flagString(p, 'selector');
  const all = flagBool(p, 'all');
  if (all && selector) return errorResult('cannot set --all and --selector at the same time');
  let grace = flagInt(p, 'grace-period') ?? -1;
  const force = flagBool(p, 'force');
  if (flagBool(p, 'now')) {
    if (grace !== -1) return errorResult('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const cascadeText = flagString(p, 'cascade') ?? 'background';
  const cascade = (
    cascadeText === 'true' ? 'background' : cascadeText === 'false' ? 'orphan' : cascadeText
  ) as Cascade;
  if (!['background', 'foreground', 'orphan'].includes(cascade))
    return errorResult(
      `invalid cascade value (${cascadeText}). Must be "background", "foreground", or "orphan"`,
    );
  const out = new Output();
  if (grace === 0 && force) out.err(FORCE_WARNING);
  else if (grace > 0 && force)
    return errorResult('--force and --grace-period greater than 0 cannot be specified together');
  if (flagStrings(p, 'filename').length > 0)
    return deleteFromFiles(c, p, ctx, out, force, grace, cascade, output);
  if (p.args.length === 0)
    return out
      .fail(
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      )
      .result();
  const parsed = parseTargets(p.args, true);
  if ('error' in parsed) return errorResult(parsed.error);
  const byName = parsed.targets.some((t) => t.names.length > 0);
  if (!byName && !selector && !all && !hasFlag(p, 'field-selector'))
    return errorResult('resource(s) were provided, but no name was specified');
  const sel = selectTargets(c, parsed.targets, {
    namespace: flagString(p, 'namespace') ?? 'default',
    allNamespaces: flagBool(p, 'all-namespaces'),
    ...(selector !== undefined ? { selector } : {}),
    ...(hasFlag(p, 'field-selector')
      ? { fieldSelector: flagString(p, 'field-selector') ?? '' }
      : {}),
  });
  const ignoreNotFound = flagBool(p, 'ignore-not-found') || !byName;
  const errors = sel.errors.filter((e) => !(ignoreNotFound && e.includes('(NotFound)')));
  let found = 0;
  for (const g of sel.groups) {
    for (const o of g.objs) {
      found++;
      const kind = kindGroup(g.r);
      if (o.kind === 'Node' || o.kind === 'Event' || o.kind === 'Endpoints') {
        errors.push(
          `error: deleting ${g.r.resource} is not simulated by kubeplay${o.kind === 'Node' ? ' (use "chaos fail-node")' : ''}`,
        );
        continue;
      }
      if (o.kind === 'Namespace' && PROTECTED_NAMESPACES.includes(o.metadata.name)) {
        errors.push(
          `Error from server (Forbidden): namespaces "${o.metadata.name}" is forbidden: this namespace may not be deleted`,
        );
        continue;
      }
      deleteObject(c, o as KubeObject, {
        force,
        cascade,
        ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      });
      if (output === 'name') out.out(`${kind}/${o.metadata.name}\n`);
      else out.out(`${kind} "${o.metadata.name}" ${grace === 0 ? 'force deleted' : 'deleted'}\n`);
    }
  }
  if (found === 0 && errors.length === 0) out.out('No resources found\n');
  if (errors.length > 0) out.fail(errors.join('\n'));
  return out.result();
}

/** `kubectl delete -f FILE`: every object the file names, NotFound ones reported per file. */
function deleteFromFiles(
  c: Cluster,
  p: ParsedFlags,
  ctx: KubectlContext,
  out: Output,
  force: boolean,
  grace: number,
  cascade: Cascade,
  output: string,
): CommandResult {
  const files = readFiles(p, ctx);
  if (typeof files === 'string') return errorResult(files);
  const errors: string[] = [];
  for (const f of files)
    for (const ref of manifestRefs(f.text)) {
      const obj = getObject(c, ref.r, ref.namespace, ref.name);
      if (!obj) {
        if (!flagBool(p, 'ignore-not-found'))
          errors.push(
            `Error from server (NotFound): error when deleting "${f.name}": ${resourceGroup(ref.r)} "${ref.name}" not found`,
          );
        continue;
      }
      deleteObject(c, obj as KubeObject, {
        force,
        cascade,
        ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      });
      const kind = kindGroup(ref.r);
      out.out(
        output === 'name'
          ? `${kind}/${ref.name}\n`
          : `${kind} "${ref.name}" ${grace === 0 ? 'force deleted' : 'deleted'}\n`,
      );
    }
  if (errors.length > 0) out.fail(errors.join('\n'));
  return out.result();
}
