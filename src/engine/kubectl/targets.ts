// Resource arguments as kubectl's resource builder reads them: `pods`, `pods,svc`, `pod x y`,
// `pod/x svc/y`, `all`. Owns the argument grammar and its error texts.
import { resolveResource, type ResourceType } from './resources';

/** One resource type the user asked for, with the names asked for (empty = list). */
export interface Target {
  r: ResourceType;
  names: string[];
}

/** Resolved targets, or kubectl's error. `emptyOnly` is true when every type was unsimulated. */
export type TargetResult = { targets: Target[]; emptyTypes: number } | { error: string };

/** What `kubectl get all` expands to, among the kinds simulated here. */
const ALL = ['pods', 'services', 'deployments', 'replicasets'];

function resolveType(typed: string, out: Target[], names: string[]): string | number {
  const r = resolveResource(typed);
  if (r === null) return `the server doesn't have a resource type "${typed}"`;
  if ('empty' in r) return 1;
  const existing = out.find((t) => t.r === r);
  if (existing) existing.names.push(...names.filter((n) => !existing.names.includes(n)));
  else out.push({ r, names: [...names] });
  return 0;
}

/** Parses resource arguments. `allowAll` enables the `all` category (get, delete). */
export function parseTargets(args: string[], allowAll: boolean): TargetResult {
  const out: Target[] = [];
  let emptyTypes = 0;
  if (args.length === 0) return { targets: [], emptyTypes: 0 };
  if (args.some((a) => a.includes('/'))) {
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0)
        return {
          error: `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        };
      const res = resolveType(a.slice(0, slash), out, [a.slice(slash + 1)]);
      if (typeof res === 'string') return { error: res };
      emptyTypes += res;
    }
    return { targets: out, emptyTypes };
  }
  const [types = '', ...names] = args;
  for (const typed of types.split(',')) {
    if (typed === 'all' && allowAll) {
      for (const t of ALL) resolveType(t, out, names);
      continue;
    }
    const res = resolveType(typed, out, names);
    if (typeof res === 'string') return { error: res };
    emptyTypes += res;
  }
  return { targets: out, emptyTypes };
}
