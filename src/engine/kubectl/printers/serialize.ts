// `-o yaml`, `-o json` and `-o name` the way kubectl prints unstructured objects: keys sorted,
// JSON indented by four spaces with Go's HTML escaping, YAML in go-yaml v2's style (sequences not
// indented, strings that would read back as another type double-quoted, others single-quoted).
import { Document, visit } from 'yaml';
import { toWire } from '../../api/serialize';
import type { KubeObject } from '../../api/types';
import { toRfc3339 } from '../../util/time';
import type { ApiObject } from '../objects';

/** The object as the API returns it (times as RFC 3339 strings). */
export function wireObject(obj: ApiObject): Record<string, unknown> {
  const w = toWire(obj as KubeObject);
  if (obj.kind === 'Event') {
    w.firstTimestamp = toRfc3339(obj.firstTimestamp);
    w.lastTimestamp = toRfc3339(obj.lastTimestamp);
  }
  return w;
}

/** A `kind: List` of items, as kubectl prints several objects. */
export function wireList(items: Record<string, unknown>[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

const RESOLVES_TO_OTHER = [
  /^(~|null|Null|NULL)?$/,
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^[-+]?(0|[1-9][0-9_]*)$/,
  /^[-+]?0b[01_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/,
  /^[-+]?\.(inf|Inf|INF)$/,
  /^\.(nan|NaN|NAN)$/,
  /^\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?$/,
  /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/,
];

/** go-yaml v2 (sigs.k8s.io/yaml) text of a value. */
export function goYaml(value: unknown): string {
  const doc = new Document(value, { version: '1.1', sortMapEntries: true });
  visit(doc, {
    Scalar(_key, node) {
      const v = node.value;
      if (typeof v !== 'string' || v.includes('\n')) return;
      if (RESOLVES_TO_OTHER.some((re) => re.test(v))) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ indentSeq: false, lineWidth: 0, singleQuote: true });
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sortKeys(o[k]);
    return out;
  }
  return v;
}

/** json.MarshalIndent(obj, "", "    ") of an unstructured object, plus the newline kubectl adds. */
export function goJson(value: unknown): string {
  const text = JSON.stringify(sortKeys(value), null, 4)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return text + '\n';
}
