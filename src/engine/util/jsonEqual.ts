// Equality of plain data as JSON sees it, without building the JSON. Controllers compare objects
// they built on every sync; stringifying both sides made that the hottest path at scale.

/**
 * True when `JSON.stringify(a) === JSON.stringify(b)` for plain data (objects, arrays, strings,
 * numbers, booleans, null): same keys in the same order, keys holding `undefined` ignored, as JSON
 * drops them. Short-circuits on identical references.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return asJsonLeaf(a) === asJsonLeaf(b);
  const aa = Array.isArray(a);
  if (aa !== Array.isArray(b)) return false;
  if (aa) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      if (!jsonEqual(x[i] ?? null, y[i] ?? null)) return false;
    }
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < kx.length && x[kx[i] as string] === undefined) i++;
    while (j < ky.length && y[ky[j] as string] === undefined) j++;
    if (i === kx.length || j === ky.length) return i === kx.length && j === ky.length;
    const k = kx[i] as string;
    if (k !== ky[j] || !jsonEqual(x[k], y[k])) return false;
    i++;
    j++;
  }
}

/** A scalar as JSON writes it: NaN and ±Infinity become null (undefined in arrays is mapped by the caller). */
function asJsonLeaf(v: unknown): unknown {
  if (typeof v === 'number' && !isFinite(v)) return null;
  return v;
}
