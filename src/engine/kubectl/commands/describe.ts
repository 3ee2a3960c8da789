// `kubectl describe TYPE [NAME_PREFIX]`: every object of the type, or those named — and when a name
// is not found, every object whose name starts with it (DescribeMatchingResources). Several
// descriptions are separated by a blank line.
import type { Cluster } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import { describeObject } from '../describe';
import { flagBool, flagString, type FlagSpec, type ParsedFlags } from '../flags';
import { listObjects, type ApiObject } from '../objects';
import { Output, errorResult, notFoundText } from '../output';
import { resourceGroup } from '../resources';
import { selectTargets } from '../select';
import { parseTargets } from '../targets';
import { ENDPOINTS_WARNING } from './get';

export const DESCRIBE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'show-events', kind: 'bool' },
];

/** Runs `kubectl describe`. */
export function runDescribe(c: Cluster, p: ParsedFlags): CommandResult {
  if (p.args.length === 0)
    return new Output()
      .err(
        'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
      )
      .fail(
        `error: Required resource not specified.\nSee 'kubectl describe -h' for help and examples`,
      )
      .result();
  const parsed = parseTargets(p.args, false);
  if ('error' in parsed) return errorResult(parsed.error);
  const namespace = flagString(p, 'namespace') ?? 'default';
  const allNamespaces = flagBool(p, 'all-namespaces');
  const found: ApiObject[] = [];
  const errors: string[] = [];
  for (const t of parsed.targets) {
    const sel = selectTargets(c, [{ r: t.r, names: [] }], {
      namespace,
      allNamespaces,
      selector: flagString(p, 'selector'),
    });
    if (sel.errors.length > 0) return new Output().fail(sel.errors.join('\n')).result();
    const all = sel.groups[0]?.objs ?? [];
    if (t.names.length === 0) {
      found.push(...all);
      continue;
    }
    for (const name of t.names) {
      const exact = all.find((o) => o.metadata.name === name);
      if (exact) {
        found.push(exact);
        continue;
      }
      const prefixed = listObjects(c, t.r, namespace).filter((o) =>
        o.metadata.name.startsWith(name),
      );
      if (prefixed.length > 0) found.push(...prefixed);
      else errors.push(notFoundText(resourceGroup(t.r), name));
    }
  }
  const out = new Output();
  if (parsed.targets.some((t) => t.r.kind === 'Endpoints')) out.err(ENDPOINTS_WARNING);
  const texts: string[] = [];
  for (const o of found) {
    const text = describeObject(c, o);
    if (text === null) return errorResult(`no description has been implemented for ${o.kind}`);
    texts.push(text);
  }
  out.out(texts.join('\n\n'));
  if (texts.length === 0 && errors.length === 0) {
    const nsText =
      allNamespaces || !parsed.targets.every((t) => t.r.namespaced)
        ? 'No resources found\n'
        : `No resources found in ${namespace} namespace.\n`;
    out.err(nsText);
  }
  if (errors.length > 0) out.fail(errors.join('\n'));
  return out.result();
}
