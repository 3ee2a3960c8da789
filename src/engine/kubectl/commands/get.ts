// `kubectl get`: tables (with -o wide, -A, --show-labels, kind/name when several kinds print, a
// blank line between kinds), -o yaml|json|name|jsonpath, label and field selectors, --sort-by,
// "No resources found" on stderr, NotFound errors after the output, the v1 Endpoints warning.
import type { Cluster } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import { flagBool, flagString, type FlagSpec, type ParsedFlags } from '../flags';
import type { ApiObject } from '../objects';
import { Output, errorResult } from '../output';
import { TABLES } from '../printers';
import { jsonpath } from '../printers/jsonpath';
import { goJson, goYaml, wireList, wireObject } from '../printers/serialize';
import { headerLine, rowLine, type TableOptions } from '../printers/table';
import { kindGroup } from '../resources';
import { selectTargets, type Group } from '../select';
import { GET_TABLE, Tabwriter } from '../tabwriter';
import { parseTargets } from '../targets';

export const GET_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'field-selector', kind: 'string' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'show-labels', kind: 'bool' },
  { name: 'watch', short: 'w', kind: 'bool' },
  { name: 'watch-only', kind: 'bool' },
  { name: 'no-headers', kind: 'bool' },
  { name: 'ignore-not-found', kind: 'bool' },
  { name: 'sort-by', kind: 'string' },
  { name: 'label-columns', short: 'L', kind: 'strings' },
];

export const ENDPOINTS_WARNING =
  'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** Everything a `get` decided before printing; reused by the watch helper. */
export interface GetPlan {
  groups: Group[];
  errors: string[];
  output: string;
  table: TableOptions;
  namespace: string;
  allNamespaces: boolean;
  singleItem: boolean;
  warnings: string;
}

/** Parses and fetches; returns a finished result when the command fails early. */
export function planGet(c: Cluster, p: ParsedFlags): GetPlan | CommandResult {
  const output = flagString(p, 'output') ?? '';
  const format = output.split('=')[0] ?? '';
  if (output && !['wide', 'yaml', 'json', 'name', 'jsonpath'].includes(format))
    return errorResult(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`,
    );
  if (flagBool(p, 'show-labels') && output && format !== 'wide')
    return errorResult(`--show-labels option cannot be used with ${format} printer`);
  if (p.args.length === 0)
    return new Output()
      .err(
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
      )
      .fail(
        `error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples`,
      )
      .result();
  const parsed = parseTargets(p.args, true);
  if ('error' in parsed) return errorResult(parsed.error);
  const allNamespaces = flagBool(p, 'all-namespaces');
  const namespace = flagString(p, 'namespace') ?? 'default';
  const sel = selectTargets(c, parsed.targets, {
    namespace,
    allNamespaces,
    selector: flagString(p, 'selector'),
    fieldSelector: flagString(p, 'field-selector'),
  });
  if (sel.groups.length === 0 && sel.errors.length > 0)
    return new Output().fail(sel.errors.join('\n')).result();
  const ignore = flagBool(p, 'ignore-not-found');
  const errors = ignore ? sel.errors.filter((e) => !e.includes('(NotFound)')) : sel.errors;
  const sortBy = flagString(p, 'sort-by');
  if (sortBy) for (const g of sel.groups) g.objs = sortObjects(g.objs, sortBy);
  const kinds = sel.groups.filter((g) => g.listed || g.objs.length > 0).length;
  const singleItem =
    sel.groups.length === 1 &&
    !sel.groups[0]?.listed &&
    (parsed.targets[0]?.names.length ?? 0) === 1;
  return {
    groups: sel.groups,
    errors,
    output,
    namespace,
    allNamespaces,
    singleItem,
    warnings: sel.groups.some((g) => g.r.kind === 'Endpoints') ? ENDPOINTS_WARNING : '',
    table: {
      wide: format === 'wide',
      withNamespace: allNamespaces,
      showLabels: flagBool(p, 'show-labels'),
      noHeaders: flagBool(p, 'no-headers'),
      ...(kinds > 1 ? { kindPrefix: '' } : {}),
    },
  };
}

function sortObjects(objs: ApiObject[], field: string): ApiObject[] {
  const path = field.replace(/^\{|\}$/g, '');
  const key = (o: ApiObject) => {
    const r = jsonpath(`{${path.startsWith('.') ? path : `.${path}`}}`, wireObject(o));
    return 'text' in r ? r.text : '';
  };
  const num = (s: string) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN);
  return [...objs].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const na = num(ka);
    const nb = num(kb);
    if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/** Human-readable tables for every group; the tabwriter keeps widths per kind. */
export function printTables(c: Cluster, plan: GetPlan, tw: Tabwriter): string {
  let text = '';
  let written = false;
  for (const g of plan.groups) {
    if (g.objs.length === 0) continue;
    const def = TABLES[g.r.kind];
    if (!def) continue;
    const opts: TableOptions = {
      ...plan.table,
      ...(plan.table.kindPrefix !== undefined ? { kindPrefix: kindGroup(g.r) } : {}),
      withNamespace: plan.table.withNamespace && g.r.namespaced,
    };
    tw.resetRememberedWidths();
    if (!opts.noHeaders) tw.write(headerLine(def, opts));
    for (const o of g.objs) tw.write(rowLine(def, o, c, opts));
    const chunk = tw.flush();
    if (written && !opts.noHeaders) text += '\n';
    text += chunk;
    written = true;
  }
  return text;
}

/** Runs `kubectl get`. */
export function runGet(c: Cluster, p: ParsedFlags): CommandResult {
  const plan = planGet(c, p);
  if (!('groups' in plan)) return plan;
  if ((flagBool(p, 'watch') || flagBool(p, 'watch-only')) && plan.groups.length > 1)
    return errorResult(
      'watch is only supported on individual resources and resource collections - more than 1 resource was found',
    );
  const out = new Output().err(plan.warnings);
  const format = plan.output.split('=')[0] ?? '';
  const objs = plan.groups.flatMap((g) => g.objs);
  if (format === 'name') {
    for (const g of plan.groups)
      for (const o of g.objs) out.out(`${kindGroup(g.r)}/${o.metadata.name}\n`);
  } else if (format === 'yaml' || format === 'json' || format === 'jsonpath') {
    if (objs.length > 0 || !plan.singleItem) {
      const value =
        plan.singleItem && objs[0] ? wireObject(objs[0]) : wireList(objs.map(wireObject));
      if (format === 'yaml') out.out(goYaml(value));
      else if (format === 'json') out.out(goJson(value));
      else {
        const r = jsonpath(plan.output.slice(plan.output.indexOf('=') + 1), value);
        if ('error' in r) return out.fail(r.error).result();
        out.out(r.text);
      }
    }
  } else if (!flagBool(p, 'watch-only')) {
    const text = printTables(c, plan, new Tabwriter(GET_TABLE));
    out.out(text);
    if (text === '' && plan.errors.length === 0 && !flagBool(p, 'ignore-not-found')) {
      const namespaced = !plan.allNamespaces && plan.groups.every((g) => g.r.namespaced);
      out.err(
        namespaced
          ? `No resources found in ${plan.namespace} namespace.\n`
          : 'No resources found\n',
      );
    }
  }
  if (plan.errors.length > 0) out.fail(plan.errors.join('\n'));
  return out.result();
}
