// `kubectl label` and `kubectl annotate`: `key=value` sets (an existing different value needs
// --overwrite), `key-` removes; by name, `type/name`, `-l` or `--all`. Prints `pod/x labeled`,
// `unlabeled` or `not labeled` (annotated likewise), with kubectl's error texts.
import type { Cluster } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import type { KubeObject, StringMap } from '../../api/types';
import { flagBool, flagString, hasFlag, type FlagSpec, type ParsedFlags } from '../flags';
import { Output, errorResult, usageError } from '../output';
import { kindGroup } from '../resources';
import { selectTargets } from '../select';
import { parseTargets } from '../targets';

export const LABEL_FLAGS: FlagSpec[] = [
  { name: 'overwrite', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'all', kind: 'bool' },
  { name: 'list', kind: 'bool' },
  { name: 'dry-run', kind: 'string' },
];

const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Runs `kubectl label` (field labels) or `kubectl annotate` (field annotations). */
export function runLabel(
  c: Cluster,
  p: ParsedFlags,
  field: 'labels' | 'annotations',
): CommandResult {
  const verb = field === 'labels' ? 'label' : 'annotate';
  const past = field === 'labels' ? 'labeled' : 'annotated';
  const changes = p.args.filter((a) => a.includes('=') || (a.endsWith('-') && !a.includes('/')));
  const resources = p.args.filter((a) => !changes.includes(a));
  const set: StringMap = {};
  const remove: string[] = [];
  for (const ch of changes) {
    if (ch.includes('=')) {
      const k = ch.slice(0, ch.indexOf('='));
      const v = ch.slice(ch.indexOf('=') + 1);
      if (
        field === 'labels' &&
        (!LABEL_KEY.test(k) ||
          !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(v) ||
          v.length > 63)
      )
        return errorResult(`invalid label spec: ${ch}`);
      set[k] = v;
    } else remove.push(ch.slice(0, -1));
  }
  if (changes.length === 0 && !flagBool(p, 'list'))
    return usageError(
      `kubectl ${verb}`,
      `at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`,
    );
  if (resources.length === 0)
    return usageError(
      `kubectl ${verb}`,
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  const parsed = parseTargets(resources, false);
  if ('error' in parsed) return errorResult(parsed.error);
  const byName = parsed.targets.some((t) => t.names.length > 0);
  if (!byName && !hasFlag(p, 'selector') && !flagBool(p, 'all'))
    return errorResult('resource(s) were provided, but no name was specified');
  const sel = selectTargets(c, parsed.targets, {
    namespace: flagString(p, 'namespace') ?? 'default',
    allNamespaces: false,
    ...(hasFlag(p, 'selector') ? { selector: flagString(p, 'selector') ?? '' } : {}),
  });
  const out = new Output();
  const errors = [...sel.errors];
  for (const g of sel.groups)
    for (const o of g.objs) {
      const ref = `${kindGroup(g.r)}/${o.metadata.name}`;
      if (o.kind === 'Endpoints' || o.kind === 'Event') {
        errors.push(`error: ${verb} of ${g.r.resource} is not simulated by kubeplay`);
        continue;
      }
      const current: StringMap = { ...(o.metadata[field] ?? {}) };
      if (!flagBool(p, 'overwrite')) {
        const clash = Object.keys(set).filter((k) => k in current && current[k] !== set[k]);
        if (clash.length > 0) {
          errors.push(
            field === 'labels'
              ? `error: '${clash[0]}' already has a value (${current[clash[0] as string]}), and --overwrite is false`
              : `error: --overwrite is false but found the following declared annotation(s): ${clash.map((k) => `'${k}' already has a value (${current[k]})`).join('; ')}`,
          );
          continue;
        }
      }
      const next: StringMap = { ...current, ...set };
      for (const k of remove) delete next[k];
      const before = JSON.stringify(Object.entries(current).sort());
      const after = JSON.stringify(Object.entries(next).sort());
      let msg = `not ${past}`;
      if (before !== after) {
        msg = past;
        if (!flagBool(p, 'overwrite') && Object.keys(next).length < Object.keys(current).length)
          msg = `un${past}`;
        const meta = { ...o.metadata, [field]: next };
        if (Object.keys(next).length === 0) delete meta[field];
        if (flagString(p, 'dry-run') === undefined)
          c.store.put({ ...o, metadata: meta } as KubeObject);
      }
      out.out(`${ref} ${msg}\n`);
    }
  if (errors.length > 0) out.fail(errors.join('\n'));
  return out.result();
}
