// Readers for decoded manifest objects with Go zero-value semantics (a missing string is "", a
// missing int is 0). They never throw and never mutate.

/** A decoded JSON object. */
export type Obj = Record<string, unknown>;

/** The value as an object, or undefined (Go: nil pointer / absent struct). */
export function rec(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** The value as an object, or an empty one (Go: zero struct). */
export function recOr(v: unknown): Obj {
  return rec(v) ?? {};
}

/** The value as a string, or "" (Go zero value). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The value as a number, or 0 (Go zero value). */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

/** The value as an optional number (Go: *int32), undefined when absent or null. */
export function optNum(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** The value as an array, or [] (Go: nil slice). */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The value as an array of objects (non-objects read as empty structs). */
export function recs(v: unknown): Obj[] {
  return arr(v).map(recOr);
}

/** The value as a string map (non-string values read as ""), or undefined when absent. */
export function strMap(v: unknown): Record<string, string> | undefined {
  const r = rec(v);
  if (!r) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(r)) out[k] = str(val);
  return out;
}

/** Whether a key is present with a non-null value (Go: non-nil pointer). */
export function has(o: Obj | undefined, key: string): boolean {
  return o !== undefined && o[key] !== undefined && o[key] !== null;
}

/** A deep copy of a JSON value. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Deep equality of JSON values (Go semantic DeepEqual on decoded data). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  const ka = Object.keys(a as Obj).filter((k) => (a as Obj)[k] !== undefined);
  const kb = Object.keys(b as Obj).filter((k) => (b as Obj)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Obj)[k], (b as Obj)[k]));
}
