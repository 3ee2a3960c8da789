// Objects as the API returns them (`kubectl get -o yaml|json`): timestamps as RFC 3339 strings,
// condition times likewise, empty maps dropped — the stored shape is otherwise the wire shape.
import { stringify } from 'yaml';
import { toRfc3339 } from '../util/time';
import type { KubeObject } from './types';

const TIME_KEYS = new Set([
  'creationTimestamp',
  'deletionTimestamp',
  'lastTransitionTime',
  'lastUpdateTime',
  'lastHeartbeatTime',
  'startTime',
  'startedAt',
  'finishedAt',
  'timeAdded',
]);

/** A deep copy with every virtual-time field rendered as an RFC 3339 string. */
export function toWire(obj: KubeObject): Record<string, unknown> {
  return convert(obj) as Record<string, unknown>;
}

function convert(v: unknown, key?: string): unknown {
  if (typeof v === 'number' && key && TIME_KEYS.has(key)) return toRfc3339(v);
  if (Array.isArray(v)) return v.map((x) => convert(x));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = convert(x, k);
    return out;
  }
  return v;
}

/** `kubectl get -o yaml` text of one object. */
export function toYaml(obj: KubeObject): string {
  return stringify(toWire(obj), { lineWidth: 0 });
}
