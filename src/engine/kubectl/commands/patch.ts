// `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]`: the patch is applied to the
// object as the user wrote it (spec, labels, annotations) and the result goes through the API
// server's validation like an apply. Strategic merge merges lists of objects by their merge key
// (name, port, containerPort); when a Service stops needing node ports they are dropped, as the API
// server's dropTypeDependentFields does. Prints `service/web patched` or `… patched (no change)`.
import { parse as parseYaml, stringify } from 'yaml';
import type { Cluster } from '../../cluster';
import type { CommandResult } from '../../commands/result';
import type { KubeObject, Service } from '../../api/types';
import { canonicalJson } from '../../util/hash';
import { flagString, type FlagSpec, type ParsedFlags } from '../flags';
import { Output, errorResult } from '../output';
import { kindGroup } from '../resources';
import { singleObject } from '../select';
import { parseTargets } from '../targets';
import { stripLastApplied, writeManifests } from './apply';
import { setUnschedulable } from './nodes';

export const PATCH_FLAGS: FlagSpec[] = [
  { name: 'patch', short: 'p', kind: 'string' },
  { name: 'type', kind: 'string' },
  { name: 'dry-run', kind: 'string' },
];

type Json = Record<string, unknown>;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MERGE_KEYS = ['name', 'port', 'containerPort'];

const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

function mergePatch(target: unknown, patch: unknown, strategic: boolean): unknown {
  if (Array.isArray(patch) && Array.isArray(target) && strategic) {
    const key = MERGE_KEYS.find((k) => patch.every((p) => isObj(p) && k in p));
    if (key) {
      const out = [...target];
      for (const p of patch as Json[]) {
        const i = out.findIndex((t) => isObj(t) && t[key] === p[key]);
        if (i >= 0) out[i] = mergePatch(out[i], p, true);
        else out.push(p);
      }
      return out;
    }
  }
  if (!isObj(patch)) return patch;
  const out: Json = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v, strategic);
  }
  return out;
}

function jsonPatch(doc: unknown, ops: unknown): unknown | string {
  if (!Array.isArray(ops)) return 'json patch must be an array of operations';
  let root = structuredClone(doc);
  for (const op of ops as Json[]) {
    const path = String(op.path ?? '')
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = path.pop();
    let parent: unknown = root;
    for (const p of path) parent = (parent as Json | unknown[] | undefined)?.[p as never];
    if (last === undefined) {
      if (op.op === 'replace' || op.op === 'add') root = op.value;
      continue;
    }
    if (!parent || typeof parent !== 'object')
      return `jsonpatch ${op.op} operation does not apply: doc is missing path: ${String(op.path)}`;
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (op.op === 'add') parent.splice(i, 0, op.value);
      else if (op.op === 'replace') parent[i] = op.value;
      else if (op.op === 'remove') parent.splice(i, 1);
    } else {
      const o = parent as Json;
      if ((op.op === 'replace' || op.op === 'remove') && !(last in o))
        return `jsonpatch ${op.op} operation does not apply: doc is missing key: ${String(op.path)}`;
      if (op.op === 'remove') delete o[last];
      else o[last] = op.value;
    }
  }
  return root;
}

/** The object as a user would have written it: what patch and apply act on. */
function userView(obj: KubeObject): Json {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const metadata: Json = { name: obj.metadata.name };
  if (obj.metadata.namespace) metadata.namespace = obj.metadata.namespace;
  if (obj.metadata.labels && Object.keys(obj.metadata.labels).length)
    metadata.labels = obj.metadata.labels;
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  const view: Json = { apiVersion: obj.apiVersion, kind: obj.kind, metadata };
  if ('spec' in obj) view.spec = structuredClone(obj.spec);
  return view;
}

/** dropTypeDependentFields: node ports and health-check ports a Service no longer needs. */
function dropTypeDependent(before: Service, after: Json): void {
  const spec = after.spec as Service['spec'] | undefined;
  if (!spec) return;
  const type = spec.type ?? 'ClusterIP';
  if (type === 'ClusterIP' || type === 'ExternalName')
    for (const p of spec.ports ?? [])
      if (before.spec.ports?.some((o) => o.nodePort === p.nodePort)) delete p.nodePort;
  if (type === 'ExternalName') {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
  }
  if (type !== 'LoadBalancer' || spec.externalTrafficPolicy !== 'Local')
    delete spec.healthCheckNodePort;
  if (type !== 'NodePort' && type !== 'LoadBalancer') delete spec.externalTrafficPolicy;
}

/** Runs `kubectl patch`. */
export function runPatch(c: Cluster, p: ParsedFlags): CommandResult {
  const text = flagString(p, 'patch');
  if (text === undefined) return errorResult('must specify -p to patch');
  const type = flagString(p, 'type') ?? 'strategic';
  if (!['strategic', 'merge', 'json'].includes(type))
    return errorResult(`--type must be one of [json merge strategic], not "${type}"`);
  let patch: unknown;
  try {
    patch = parseYaml(text);
  } catch (e) {
    return errorResult(
      `unable to parse "${text}": ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}`,
    );
  }
  const found = singleObject(c, p.args, flagString(p, 'namespace') ?? 'default', (a) =>
    parseTargets(a, false),
  );
  if ('error' in found) return new Output().fail(found.error).result();
  const obj = found.obj as KubeObject;
  const ref = `${kindGroup(found.r)}/${obj.metadata.name}`;
  if (obj.kind === 'Node') {
    const unschedulable = (patch as { spec?: { unschedulable?: unknown } } | null)?.spec
      ?.unschedulable;
    if (typeof unschedulable !== 'boolean')
      return errorResult('kubeplay can patch only spec.unschedulable of a node');
    return new Output()
      .out(`${ref} patched${setUnschedulable(c, obj, unschedulable) ? '' : ' (no change)'}\n`)
      .result();
  }
  if (obj.kind === 'EndpointSlice' || obj.kind === 'Namespace')
    return errorResult(`kubeplay cannot patch ${found.r.resource}`);
  const before = userView(obj);
  const after =
    type === 'json' ? jsonPatch(before, patch) : mergePatch(before, patch, type === 'strategic');
  if (typeof after === 'string')
    return new Output().fail(`The request is invalid: ${after}`).result();
  if (!isObj(after)) return errorResult('the patch must produce an object');
  if (obj.kind === 'Service') dropTypeDependent(obj, after);
  if (canonicalJson(after) === canonicalJson(before))
    return new Output().out(`${ref} patched (no change)\n`).result();
  const dryRun = flagString(p, 'dry-run');
  const hadLastApplied = obj.metadata.annotations?.[LAST_APPLIED] !== undefined;
  const r = writeManifests(
    c,
    stringify(after),
    'patch',
    'apply',
    dryRun === 'client' || dryRun === 'server',
  );
  if (r.err) return new Output().fail(r.err).result();
  if (!hadLastApplied && !dryRun) stripLastApplied(c, obj.kind, c.key(obj));
  return new Output()
    .out(`${ref} patched${dryRun ? ` (${dryRun === 'server' ? 'server ' : ''}dry run)` : ''}\n`)
    .result();
}
