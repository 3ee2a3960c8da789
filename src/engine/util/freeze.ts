// Deep freezing for data that many objects share (one pod template's containers under thousands of
// pods): a write into it by mistake throws instead of silently changing every sharer.

/** Freezes `v` and everything reachable from it; returns `v`. */
export function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
