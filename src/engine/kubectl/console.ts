// What the UI console needs besides running a line: tab completion (commands, resource types,
// flags, flag values and object names from the live cluster) and spotting lines that keep
// printing (`kubectl get … -w`, `kubectl rollout status`). Pure reads: it never changes the cluster.
import type { Cluster } from '../cluster';
import { splitArgs } from '../commands/argv';
import { COMMANDS } from './commands';
import { GLOBAL_FLAGS, parseFlags, type FlagSpec } from './flags';
import { listObjects } from './objects';
import { RESOURCES, resolveResource, type ResourceType } from './resources';
import { watchKubectl, type KubectlWatch } from './watch';

/** Candidates for the word that ends a command line. */
export interface Completion {
  /** Index in the line where the word being completed starts. */
  from: number;
  /** Whole words that may replace it, sorted, at most MAX_COMPLETIONS. */
  items: string[];
}

export const MAX_COMPLETIONS = 200;

const CHAOS_VERBS = [
  'kill-pod',
  'crash',
  'fail-node',
  'recover-node',
  'fail-readiness',
  'pass-readiness',
];
const EXEC_PROGRAMS = ['curl', 'wget', 'nslookup', 'cat', 'hostname', 'echo', 'env', 'printenv'];
const OUTPUTS = ['wide', 'yaml', 'json', 'name', 'jsonpath='];
const ROLLOUT_VERBS = ['status', 'restart', 'history', 'undo', 'pause', 'resume'];
const CREATE_WHAT = ['deployment', 'service', 'namespace'];
const SERVICE_TYPES = ['clusterip', 'nodeport', 'loadbalancer', 'externalname'];
/** Commands whose first argument is a resource type (then names, or `type/name`). */
const TYPED = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'patch', 'expose']);
const NODE_COMMANDS = new Set(['cordon', 'uncordon', 'drain']);

/** Completes the last word of `line` (the cursor is at its end). */
export function completeLine(c: Cluster, line: string): Completion {
  const word = /\S*$/.exec(line)?.[0] ?? '';
  const from = line.length - word.length;
  const before = line.slice(0, from).split(/\s+/).filter(Boolean);
  const seen = new Set<string>();
  for (const item of candidates(c, before, word))
    if (item.startsWith(word) && item !== '') seen.add(item);
  const items = [...seen].sort().slice(0, MAX_COMPLETIONS);
  return { from, items };
}

function candidates(c: Cluster, before: string[], word: string): string[] {
  const [head, ...rest] = before;
  if (head === undefined) return ['kubectl', 'chaos', ...Object.keys(COMMANDS)];
  if (head === 'chaos') return chaos(c, rest);
  return kubectl(c, head === 'kubectl' ? rest : before, word);
}

function chaos(c: Cluster, args: string[]): string[] {
  const [verb, ...rest] = args;
  if (verb === undefined) return CHAOS_VERBS;
  const prev = rest.at(-1);
  if (prev === '-l' || prev === '--selector') return labelPairs(c, 'default');
  if (prev === '--count') return [];
  if (verb === 'fail-node' || verb === 'recover-node')
    return rest.length === 0 ? names(c, 'nodes', 'default') : [];
  // Pods by name (`chaos crash POD…`) or by selector.
  return ['-l', '--selector', '--count', ...names(c, 'pods', 'default')];
}

const flagWords = (specs: FlagSpec[]) =>
  specs.flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]);

function findSpec(specs: FlagSpec[], word: string): FlagSpec | undefined {
  if (word.startsWith('--')) return specs.find((f) => f.name === word.slice(2));
  if (word.startsWith('-') && word.length === 2) return specs.find((f) => f.short === word[1]);
  return undefined;
}

interface Parsed {
  sub: string | undefined;
  positionals: string[];
  /** Words after `--` (exec), or null before it. */
  dash: string[] | null;
  namespace: string | undefined;
  /** The flag whose value the next word is, if any. */
  pending: FlagSpec | undefined;
}

function parse(args: string[]): Parsed {
  const out: Parsed = {
    sub: undefined,
    positionals: [],
    dash: null,
    namespace: 'default',
    pending: undefined,
  };
  for (const a of args) {
    const specs = [...(out.sub ? (COMMANDS[out.sub]?.flags ?? []) : []), ...GLOBAL_FLAGS];
    if (out.dash) {
      out.dash.push(a);
      continue;
    }
    if (out.pending) {
      if (out.pending.name === 'namespace') out.namespace = a;
      out.pending = undefined;
      continue;
    }
    if (a === '--') {
      out.dash = [];
      continue;
    }
    if (a.startsWith('-')) {
      const eq = a.indexOf('=');
      const spec = findSpec(specs, eq > 0 ? a.slice(0, eq) : a);
      if (spec?.name === 'all-namespaces') out.namespace = undefined;
      if (spec?.name === 'namespace' && eq > 0) out.namespace = a.slice(eq + 1);
      if (spec && spec.kind !== 'bool' && eq < 0) out.pending = spec;
      continue;
    }
    if (out.sub === undefined) out.sub = a;
    else out.positionals.push(a);
  }
  return out;
}

function flagValues(c: Cluster, spec: FlagSpec, ns: string | undefined): string[] {
  switch (spec.name) {
    case 'namespace':
      return names(c, 'namespaces', undefined);
    case 'output':
      return OUTPUTS;
    case 'selector':
      return labelPairs(c, ns);
    default:
      return [];
  }
}

function kubectl(c: Cluster, args: string[], word: string): string[] {
  const p = parse(args);
  const ns = p.namespace;
  if (p.dash) return execCandidates(c, p.dash, ns);
  const specs = [...(p.sub ? (COMMANDS[p.sub]?.flags ?? []) : []), ...GLOBAL_FLAGS];
  if (p.pending) return flagValues(c, p.pending, ns);
  if (word.startsWith('-')) {
    const eq = word.indexOf('=');
    if (eq > 0) {
      const spec = findSpec(specs, word.slice(0, eq));
      const prefix = word.slice(0, eq + 1);
      return spec ? flagValues(c, spec, ns).map((v) => prefix + v) : [];
    }
    return flagWords(specs);
  }
  const sub = p.sub;
  if (sub === undefined) return Object.keys(COMMANDS);
  const pos = p.positionals;
  if (word.includes('/')) return slashNames(c, word, ns);
  if (TYPED.has(sub)) {
    if (pos.length === 0) return resourceWords();
    const first = pos[0] as string;
    return first.includes('/') ? slashForms(c, ns, first) : names(c, first, ns);
  }
  if (NODE_COMMANDS.has(sub)) return names(c, 'nodes', ns);
  switch (sub) {
    case 'exec':
    case 'logs':
      return pos.length === 0 ? names(c, 'pods', ns) : [];
    case 'scale':
      if (pos.length === 0)
        return ['deployment', 'replicaset', ...slashForms(c, ns, 'deployment/')];
      return pos.length === 1 && !(pos[0] as string).includes('/')
        ? names(c, pos[0] as string, ns)
        : [];
    case 'rollout':
      if (pos.length === 0) return ROLLOUT_VERBS;
      if (pos.length === 1) return ['deployment', ...slashForms(c, ns, 'deployment/')];
      return pos.length === 2 && !(pos[1] as string).includes('/')
        ? names(c, 'deployments', ns)
        : [];
    case 'set':
      if (pos.length === 0) return ['image'];
      return pos.length === 1 ? slashForms(c, ns, 'deployment/') : [];
    case 'create':
      if (pos.length === 0) return CREATE_WHAT;
      return pos[0] === 'service' || pos[0] === 'svc'
        ? pos.length === 1
          ? SERVICE_TYPES
          : []
        : [];
    case 'top':
      return pos.length === 0 ? ['pods', 'nodes'] : [];
    default:
      return [];
  }
}

function execCandidates(c: Cluster, dash: string[], ns: string | undefined): string[] {
  if (dash.length === 0) return EXEC_PROGRAMS;
  const program = dash[0];
  const services = listObjects(c, resource('services'), ns ?? 'default').map(
    (o) => o.metadata.name,
  );
  if (program === 'curl' || program === 'wget') return services.map((s) => `http://${s}`);
  if (program === 'nslookup') return services;
  return [];
}

/** Resource type words (plural, singular and short names) of the simulated resources. */
function resourceWords(): string[] {
  return RESOURCES.flatMap((r) => [r.resource, r.singular, ...r.shortNames]);
}

function resource(typed: string): ResourceType {
  const r = resolveResource(typed);
  if (!r || 'empty' in r) return RESOURCES[0] as ResourceType;
  return r;
}

/** Names of objects of the typed resource in `ns` (all namespaces when undefined). */
function names(c: Cluster, typed: string, ns: string | undefined): string[] {
  const r = resolveResource(typed);
  if (!r || 'empty' in r) return [];
  return listObjects(c, r, ns).map((o) => o.metadata.name);
}

/** `type/name` forms for a word such as `deploy/` or `pod/back`. */
function slashNames(c: Cluster, word: string, ns: string | undefined): string[] {
  return slashForms(c, ns, word.slice(0, word.indexOf('/') + 1));
}

function slashForms(c: Cluster, ns: string | undefined, typed: string): string[] {
  const type = typed.slice(0, typed.indexOf('/'));
  return names(c, type, ns).map((n) => `${type}/${n}`);
}

/** `key=value` pairs of the pods' labels (selectors a learner is likely to want). */
function labelPairs(c: Cluster, ns: string | undefined): string[] {
  const pairs = new Set<string>();
  for (const o of listObjects(c, resource('pods'), ns))
    for (const [k, v] of Object.entries(o.metadata.labels ?? {}))
      if (k !== 'pod-template-hash') pairs.add(`${k}=${v}`);
  return [...pairs];
}

/**
 * The kubectl words of a line that keeps printing until it is stopped — `get … -w` /
 * `--watch-only`, or `rollout status` (which waits for the rollout unless `--watch=false`) — or
 * null for a line that prints once.
 */
export function watchArgs(line: string): string[] | null {
  const words = splitArgs(line.trim());
  if ('error' in words || words[0] !== 'kubectl') return null;
  const args = words.slice(1);
  if (args[0] === 'get') {
    const p = parseFlags(args.slice(1), COMMANDS.get?.flags ?? []);
    if ('error' in p) return null;
    return p.values.get('watch') === true || p.values.get('watch-only') === true ? args : null;
  }
  if (args[0] === 'rollout' && args[1] === 'status') {
    const p = parseFlags(args.slice(2), COMMANDS.rollout?.flags ?? []);
    if ('error' in p || p.values.get('watch') === false) return null;
    return args;
  }
  return null;
}

/** Starts a watch for `line` when it is one (see watchArgs), else null. */
export function watchLine(c: Cluster, line: string): KubectlWatch | null {
  const args = watchArgs(line);
  return args ? watchKubectl(c, args) : null;
}

export type { KubectlWatch };
