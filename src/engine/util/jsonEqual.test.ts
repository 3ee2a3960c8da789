import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from './jsonEqual';

const json = (v: unknown) => JSON.stringify(v);

describe('jsonEqual', () => {
  it('agrees with comparing JSON text on random data and its near copies', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, true, false, 0, 1, NaN, Infinity, 'a', 'b', ''),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c', '1'), tie('v'), { maxKeys: 3 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(jsonEqual(a, b)).toBe(json(a) === json(b));
        const copy = JSON.parse(json({ a }) ?? '{}') as { a: unknown };
        expect(jsonEqual(a, copy.a)).toBe(json(a) === json(copy.a));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
  it('sees key order and ignores keys holding undefined, as JSON does', () => {
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([undefined], [null])).toBe(true);
  });
});
