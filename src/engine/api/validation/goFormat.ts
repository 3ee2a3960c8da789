// Go's value printers that API error texts depend on: strconv.Quote (%q) and encoding/json.Marshal.
// It never decides what to print, only how Go would spell a value.

/**
 * A Go struct value with its fields in declaration order (JSON output keeps struct order but sorts
 * map keys). Use it for internal API types that appear as bad values, e.g. `core.ServicePort`.
 */
export class GoStruct {
  /** Fields in Go declaration order, already named as encoding/json would name them. */
  readonly fields: ReadonlyArray<readonly [string, unknown]>;
  constructor(fields: ReadonlyArray<readonly [string, unknown]>) {
    this.fields = fields;
  }
}

const SIMPLE_ESCAPES: Record<number, string> = {
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r',
};

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Go `strconv.Quote` / `fmt.Sprintf("%q", s)` for a string. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (cp === 0x20) out += ch;
    else if (cp < 0x20 || cp === 0x7f) out += SIMPLE_ESCAPES[cp] ?? `\\x${hex(cp, 2)}`;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (cp === 0xfffd) out += ch;
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return out + '"';
}

/** A JSON string literal as Go's encoding/json writes it (HTML-safe escaping). */
export function goJSONString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&') out += `\\u${hex(cp, 4)}`;
    else if (cp === 0x2028 || cp === 0x2029) out += `\\u${hex(cp, 4)}`;
    else out += ch;
  }
  return out + '"';
}

/**
 * Go `json.Marshal` of a value: plain objects are maps (keys sorted), GoStruct keeps its order,
 * `undefined` and `null` are `null`.
 */
export function goJSON(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJSONString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof GoStruct) {
    return `{${value.fields.map(([k, v]) => `${goJSONString(k)}:${goJSON(v)}`).join(',')}}`;
  }
  if (Array.isArray(value)) return `[${value.map(goJSON).join(',')}]`;
  if (typeof value === 'object') {
    const rec = value as Record<string, unknown>;
    const keys = Object.keys(rec).sort();
    return `{${keys.map((k) => `${goJSONString(k)}:${goJSON(rec[k])}`).join(',')}}`;
  }
  return 'null';
}
