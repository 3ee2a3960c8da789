// Checks lesson goals written as data (YAML): the type is known, the required fields are there and
// every field has the right kind of value. A lesson with a bad goal must fail its test, never
// silently count as done in class.
import type { Outcome } from '../trace';
import { parseDuration } from '../util/duration';
import { parseSelector } from '../util/labels';
import { GOAL_TYPES, type Goal } from './goals';

const OUTCOMES: readonly Outcome[] = ['ok', 'refused', 'timeout', 'nxdomain', 'reset'];

type FieldKind =
  'string' | 'number' | 'boolean' | 'selector' | 'outcome' | 'regex' | 'scalar' | 'duration';

interface FieldSpec {
  kind: FieldKind;
  required?: boolean;
}

const BOUNDS: Record<string, FieldSpec> = {
  count: { kind: 'number' },
  min: { kind: 'number' },
  max: { kind: 'number' },
};
const FILTER: Record<string, FieldSpec> = {
  from: { kind: 'string' },
  to: { kind: 'string' },
  generator: { kind: 'string' },
  within: { kind: 'duration' },
};
const NS: Record<string, FieldSpec> = { namespace: { kind: 'string' } };

/** The fields each goal type takes. */
const FIELDS: Record<Goal['type'], Record<string, FieldSpec>> = {
  serviceReadyEndpoints: { service: { kind: 'string', required: true }, ...NS, ...BOUNDS },
  requestsOk: { ...FILTER, ...BOUNDS },
  requestsOutcome: { outcome: { kind: 'outcome', required: true }, ...FILTER, ...BOUNDS },
  backendsHit: { minRequests: { kind: 'number' }, ...FILTER, ...BOUNDS },
  podReplaced: { selector: { kind: 'selector', required: true }, ...NS },
  podCount: {
    selector: { kind: 'selector', required: true },
    ...NS,
    status: { kind: 'string' },
    ready: { kind: 'boolean' },
    node: { kind: 'string' },
    ip: { kind: 'string' },
    ...BOUNDS,
  },
  deploymentRevision: {
    name: { kind: 'string', required: true },
    ...NS,
    min: { kind: 'number', required: true },
  },
  deploymentAvailable: {
    name: { kind: 'string', required: true },
    ...NS,
    replicas: { kind: 'number' },
  },
  nodeReady: {
    node: { kind: 'string', required: true },
    ready: { kind: 'boolean', required: true },
  },
  ruleCount: { ...BOUNDS },
  proxySync: { node: { kind: 'string' }, minMs: { kind: 'number' }, maxMs: { kind: 'number' } },
  rulesCurrent: { node: { kind: 'string' } },
  endpointSliceHas: {
    service: { kind: 'string', required: true },
    ...NS,
    ip: { kind: 'string' },
    pod: { kind: 'selector' },
    ready: { kind: 'boolean' },
    serving: { kind: 'boolean' },
    terminating: { kind: 'boolean' },
    ...BOUNDS,
  },
  dnsResolves: {
    name: { kind: 'string', required: true },
    from: { kind: 'string' },
    answer: { kind: 'string' },
    nxdomain: { kind: 'boolean' },
    ...BOUNDS,
  },
  dnsLookups: { ...FILTER, ...BOUNDS },
  objectField: {
    kind: { kind: 'string', required: true },
    name: { kind: 'string', required: true },
    ...NS,
    path: { kind: 'string', required: true },
    equals: { kind: 'scalar' },
    exists: { kind: 'boolean' },
  },
  commandRun: { pattern: { kind: 'regex', required: true } },
};

/** Problems with one goal (empty when it is a valid Goal), each prefixed with `path`. */
export function checkGoal(raw: unknown, path = 'goal'): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return [`${path}: must be a mapping with a type`];
  const g = raw as Record<string, unknown>;
  const type = g.type;
  if (typeof type !== 'string' || !(GOAL_TYPES as readonly string[]).includes(type))
    return [
      `${path}.type: unknown goal type ${JSON.stringify(type ?? null)}; known types: ${GOAL_TYPES.join(', ')}`,
    ];
  const spec = FIELDS[type as Goal['type']];
  const errors: string[] = [];
  for (const [name, f] of Object.entries(spec)) {
    const v = g[name];
    if (v === undefined) {
      if (f.required) errors.push(`${path}.${name}: is required for ${type}`);
      continue;
    }
    const problem = fieldProblem(f.kind, v);
    if (problem) errors.push(`${path}.${name}: ${problem}`);
  }
  for (const name of Object.keys(g))
    if (name !== 'type' && name !== 'label' && !(name in spec))
      errors.push(`${path}.${name}: unknown field for ${type}`);
  return errors;
}

function fieldProblem(kind: FieldKind, v: unknown): string | null {
  switch (kind) {
    case 'string':
      return typeof v === 'string' && v.length > 0 ? null : 'must be a non-empty string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : 'must be a number ≥ 0';
    case 'boolean':
      return typeof v === 'boolean' ? null : 'must be true or false';
    case 'scalar':
      return ['string', 'number', 'boolean'].includes(typeof v)
        ? null
        : 'must be a string, number or boolean';
    case 'selector': {
      if (typeof v !== 'string' || !v.trim()) return 'must be a label selector such as app=web';
      const s = parseSelector(v);
      return 'error' in s ? s.error : null;
    }
    case 'outcome': {
      const list = Array.isArray(v) ? v : [v];
      return list.length > 0 && list.every((o) => OUTCOMES.includes(o as Outcome))
        ? null
        : `must be one of ${OUTCOMES.join(', ')} (or a list of them)`;
    }
    case 'duration':
      return typeof v === 'string' && parseDuration(v) !== null
        ? null
        : 'must be a duration such as 10s or 1m30s';
    case 'regex':
      if (typeof v !== 'string' || !v) return 'must be a regular expression';
      try {
        new RegExp(v);
        return null;
      } catch (e) {
        return `is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`;
      }
  }
}
