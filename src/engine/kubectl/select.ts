// Fetches what targets name: lists (filtered by label and field selectors) or named objects, with
// the API server's NotFound for each missing name. Shared by get, describe, delete, label, annotate.
import type { Cluster } from '../cluster';
import type { LabelSelector } from '../api/types';
import { matchesSelector, parseSelector } from '../util/labels';
import { getObject, listObjects, type ApiObject } from './objects';
import { notFoundText } from './output';
import { resourceGroup, type ResourceType } from './resources';
import type { Target } from './targets';

/** The objects found for one resource type. */
export interface Group {
  r: ResourceType;
  objs: ApiObject[];
  /** True when the type was listed (no names), as opposed to fetched by name. */
  listed: boolean;
}

export interface Selection {
  groups: Group[];
  errors: string[];
}

/** Where and how to look. */
export interface Scope {
  namespace: string;
  allNamespaces: boolean;
  selector?: string;
  fieldSelector?: string;
}

const FIELDS: Record<string, (o: ApiObject) => string | undefined> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace,
  'spec.nodeName': (o) => (o.kind === 'Pod' ? (o.spec.nodeName ?? '') : undefined),
  'status.phase': (o) => (o.kind === 'Pod' ? o.status.phase : undefined),
  type: (o) => (o.kind === 'Event' ? o.type : undefined),
  reason: (o) => (o.kind === 'Event' ? o.reason : undefined),
  'involvedObject.name': (o) => (o.kind === 'Event' ? o.involvedObject.name : undefined),
  'involvedObject.kind': (o) => (o.kind === 'Event' ? o.involvedObject.kind : undefined),
};

type FieldReq = { field: string; value: string; negate: boolean };

function parseFieldSelector(text: string, r: ResourceType): FieldReq[] | { error: string } {
  const reqs: FieldReq[] = [];
  for (const part of text.split(',').filter(Boolean)) {
    const m = part.match(/^([^=!]+)(==|=|!=)(.*)$/);
    if (!m) return { error: `error: invalid selector: '${text}'; can't understand '${part}'` };
    const field = m[1] ?? '';
    if (!FIELDS[field])
      return {
        error: `Error from server (BadRequest): Unable to find "${r.group ? `${r.group}/${r.version}` : `/${r.version}`}, Resource=${r.resource}" that match label selector "", field selector "${text}": "${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
      };
    reqs.push({ field, value: m[3] ?? '', negate: m[2] === '!=' });
  }
  return reqs;
}

/** Looks up every target. A bad selector comes back as a single error and no groups. */
export function selectTargets(c: Cluster, targets: Target[], scope: Scope): Selection {
  let sel: LabelSelector | null = null;
  if (scope.selector !== undefined && scope.selector !== '') {
    const parsed = parseSelector(scope.selector);
    if ('error' in parsed) return { groups: [], errors: [`error: ${parsed.error}`] };
    sel = parsed;
  }
  const ns = scope.allNamespaces ? undefined : scope.namespace;
  const out: Selection = { groups: [], errors: [] };
  for (const t of targets) {
    if (t.names.length > 0) {
      const objs: ApiObject[] = [];
      for (const name of t.names) {
        const o = getObject(c, t.r, scope.namespace, name);
        if (o) objs.push(o);
        else out.errors.push(notFoundText(resourceGroup(t.r), name));
      }
      out.groups.push({ r: t.r, objs, listed: false });
      continue;
    }
    let objs = listObjects(c, t.r, ns);
    if (sel) objs = objs.filter((o) => matchesSelector(sel, o.metadata.labels));
    if (scope.fieldSelector) {
      const reqs = parseFieldSelector(scope.fieldSelector, t.r);
      if ('error' in reqs) return { groups: [], errors: [reqs.error] };
      objs = objs.filter((o) =>
        reqs.every((q) => {
          const v = FIELDS[q.field]?.(o);
          return v !== undefined && (v === q.value) !== q.negate;
        }),
      );
    }
    out.groups.push({ r: t.r, objs, listed: true });
  }
  return out;
}

/** Exactly one object named by `TYPE NAME` or `TYPE/NAME` (rollout, set image, expose, scale). */
export function singleObject(
  c: Cluster,
  args: string[],
  namespace: string,
  parse: (args: string[]) => { targets: Target[] } | { error: string },
): { r: ResourceType; obj: ApiObject } | { error: string } {
  const parsed = parse(args);
  if ('error' in parsed) return { error: `error: ${parsed.error}` };
  const t = parsed.targets[0];
  if (!t || parsed.targets.length > 1 || t.names.length !== 1)
    return { error: 'error: resource(s) were provided, but no name was specified' };
  const name = t.names[0] as string;
  const obj = getObject(c, t.r, namespace, name);
  if (!obj) return { error: notFoundText(resourceGroup(t.r), name) };
  return { r: t.r, obj };
}
