import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from './base64url';
import { decodeShare, encodeRaw, encodeShare, LINK_LIMITS } from './codec';
import { FORMATS, type FormatRegistry } from './formats';
import { inflateCapped } from './inflateCapped';
import type { SharePayload } from './payload';

const seedScenario = readFileSync('src/lessons/seed-services/scenario.yaml', 'utf8');

const logEntry = (at: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }).map((run) => ({ at, run })),
    fc.string({ unit: 'binary', maxLength: 400 }).map((apply) => ({ at, apply })),
    fc.string({ maxLength: 40 }).map((apply) => ({ at, apply, prune: true })),
  );

const payloadArb: fc.Arbitrary<SharePayload> = fc
  .record({
    scenario: fc.string({ unit: 'binary', maxLength: 2000 }),
    times: fc.array(fc.nat({ max: 3_600_000 }), { maxLength: 12 }),
    extra: fc.nat({ max: 100_000 }),
    mode: fc.constantFrom('concept' as const, 'dataplane' as const),
    speed: fc.double({ min: 0.1, max: 100, noNaN: true }),
    playing: fc.boolean(),
    lang: fc.constantFrom(undefined, 'en' as const, 'es' as const),
  })
  .chain((r) => {
    const times = [...r.times].sort((a, b) => a - b);
    const at = (times.at(-1) ?? 0) + r.extra;
    return fc.tuple(...times.map(logEntry)).map((log) => {
      const p: SharePayload = {
        v: 1,
        scenario: r.scenario,
        log,
        at,
        view: { mode: r.mode, speed: r.speed, playing: r.playing },
      };
      if (r.lang) p.lang = r.lang;
      return p;
    });
  });

const seedPayload = (extra: Partial<SharePayload> = {}): SharePayload => ({
  v: 1,
  scenario: seedScenario,
  log: [{ at: 8250, run: 'kubectl delete pod backend-7c9f8d6b5d-x2x7q' }],
  at: 21_430,
  view: { mode: 'concept', speed: 1, playing: false },
  lang: 'es',
  ...extra,
});

describe('share codec round trip', () => {
  it('decode(encode(p)) equals p for random payloads', () => {
    fc.assert(
      fc.property(payloadArb, (p) => {
        const r = decodeShare(encodeShare(p));
        expect(r).toEqual({ ok: true, payload: p, version: 1, migrations: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('codes are URL-safe and deterministic', () => {
    const a = encodeShare(seedPayload());
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encodeShare(seedPayload())).toBe(a);
  });

  it('the seed lesson with one edit fits in well under 1,000 characters of URL', () => {
    const origin = 'https://kubeplay.example.org/';
    const deleted = `${origin}#s=${encodeShare(seedPayload())}`;
    const manifests = seedScenario
      .split('manifests: |\n')[1]!
      .split('traffic:')[0]!
      .replace(/^ {2}/gm, '')
      .replace('replicas: 3', 'replicas: 5');
    const scaled = `${origin}#s=${encodeShare(seedPayload({ log: [{ at: 8250, apply: manifests }] }))}`;
    // Measured when the codec was written: 219 (a pod deleted), 369 (the manifests re-applied).
    expect(deleted.length).toBeLessThan(1000);
    expect(scaled.length).toBeLessThan(1000);
  });
});

describe('migrations', () => {
  // A synthetic v0 with its own (older) shape and no dictionary, migrated to v1 by a named step.
  const withV0: FormatRegistry = {
    ...FORMATS,
    formats: new Map([
      [
        0,
        {
          version: 0,
          dictionary: null,
          migrate: {
            name: 'v0→v1: yaml/commands/time renamed, view added',
            up: (old) => ({
              v: 1,
              scenario: old.yaml,
              log: (old.commands as { t: number; cmd: string }[]).map((c) => ({
                at: c.t,
                run: c.cmd,
              })),
              at: old.time,
              view: { mode: 'concept', speed: 1, playing: true },
            }),
          },
        },
      ],
      ...FORMATS.formats,
    ]),
  };

  it('a v0 code opens as the equivalent v1 payload, naming the migration', () => {
    const v0 = JSON.stringify({
      v: 0,
      yaml: 'kind: Scenario',
      commands: [{ t: 5, cmd: 'kubectl get pods' }],
      time: 9,
    });
    const r = decodeShare(encodeRaw(v0, 0, null), LINK_LIMITS, withV0);
    expect(r).toEqual({
      ok: true,
      version: 0,
      migrations: ['v0→v1: yaml/commands/time renamed, view added'],
      payload: {
        v: 1,
        scenario: 'kind: Scenario',
        log: [{ at: 5, run: 'kubectl get pods' }],
        at: 9,
        view: { mode: 'concept', speed: 1, playing: true },
      },
    });
  });

  it('a migration that throws or a missing step is an invalid payload, not a crash', () => {
    const broken: FormatRegistry = {
      ...withV0,
      formats: new Map([
        [
          0,
          {
            version: 0,
            dictionary: null,
            migrate: {
              name: 'boom',
              up: () => {
                throw new Error('x');
              },
            },
          },
        ],
        ...FORMATS.formats,
      ]),
    };
    const code = encodeRaw('{"v":0}', 0, null);
    expect(decodeShare(code, LINK_LIMITS, broken)).toMatchObject({
      ok: false,
      error: { code: 'invalidPayload' },
    });
    // This build has no v0 at all.
    expect(decodeShare(code)).toMatchObject({ ok: false, error: { code: 'corrupted' } });
  });

  it('a code from a newer version says so', () => {
    const code = encodeRaw('{"v":2}', 2, null);
    expect(decodeShare(code)).toMatchObject({ ok: false, error: { code: 'newerVersion' } });
  });
});

describe('bad codes', () => {
  const good = encodeShare(seedPayload());

  it('a cut-off code is truncated', () => {
    for (const cut of [1, 5, 10, 40, good.length - 30, good.length - 3, good.length - 1]) {
      const r = decodeShare(good.slice(0, cut));
      expect(r.ok, `cut at ${cut}`).toBe(false);
      if (!r.ok) expect(['truncated', 'corrupted'], `cut at ${cut}`).toContain(r.error.code);
    }
    expect(decodeShare(good.slice(0, good.length - 20))).toMatchObject({
      error: { code: 'truncated' },
    });
    expect(decodeShare('')).toMatchObject({ error: { code: 'truncated' } });
  });

  it('a changed character is corrupted (the checksum catches what inflate accepts)', () => {
    fc.assert(
      fc.property(fc.nat({ max: good.length - 1 }), fc.constantFrom(...'AbZ09-_q'), (i, c) => {
        fc.pre(good[i] !== c);
        const r = decodeShare(good.slice(0, i) + c + good.slice(i + 1));
        // Byte 0 is the version: changing it can read as a newer version.
        expect(r.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(decodeShare(`${good.slice(0, 20)}%${good.slice(21)}`)).toMatchObject({
      error: { code: 'corrupted' },
    });
  });

  it('random text and random bytes never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(() => decodeShare(s)).not.toThrow();
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = decodeShare(toBase64Url(Uint8Array.of(1, ...bytes)));
        expect(r.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('valid JSON of the wrong shape is an invalid payload', () => {
    const cases: unknown[] = [
      [],
      { v: 1 },
      { ...seedPayload(), extra: 1 },
      { ...seedPayload(), at: -1 },
      { ...seedPayload(), at: Number.MAX_SAFE_INTEGER },
      { ...seedPayload(), log: [{ at: 30_000, run: 'x' }] },
      {
        ...seedPayload(),
        log: [
          { at: 2, run: 'x' },
          { at: 1, run: 'y' },
        ],
      },
      { ...seedPayload(), log: [{ at: 1, run: 'x', apply: 'y' }] },
      { ...seedPayload(), log: [{ at: 1 }] },
      { ...seedPayload(), log: [{ at: 1, run: 7 }] },
      { ...seedPayload(), view: { mode: 'x', speed: 1, playing: true } },
      { ...seedPayload(), view: { mode: 'concept', speed: 1e9, playing: true } },
      { ...seedPayload(), view: { mode: 'concept', speed: 1, playing: 'yes' } },
      { ...seedPayload(), lang: 'fr' },
      { ...seedPayload(), scenario: 42 },
      { ...seedPayload(), scenario: 'x'.repeat(1_000_001) },
    ];
    for (const c of cases) {
      const r = decodeShare(encodeRaw(JSON.stringify(c), 1, FORMATS.formats.get(1)!.dictionary));
      expect(r, JSON.stringify(c).slice(0, 120)).toMatchObject({ ok: false });
    }
    const notJson = encodeRaw('{nope', 1, FORMATS.formats.get(1)!.dictionary);
    expect(decodeShare(notJson)).toMatchObject({ error: { code: 'invalidPayload' } });
  });

  it('a code longer than the cap is oversized before any decoding', () => {
    expect(decodeShare('A'.repeat(LINK_LIMITS.maxCodeChars + 1))).toMatchObject({
      error: { code: 'oversized' },
    });
  });
});

/**
 * A hand-made DEFLATE bomb: one fixed-Huffman block with a literal 0 and then "copy 258 bytes from
 * distance 1" over and over (13 bits per 258 output bytes), about `megabytes` MB when inflated.
 */
function zeroBomb(megabytes: number): Uint8Array {
  const repeats = Math.ceil((megabytes * (1 << 20)) / 258);
  const out = new Uint8Array(Math.ceil((3 + 8 + repeats * 13 + 7) / 8) + 1);
  let bit = 0;
  const put = (value: number, n: number) => {
    for (let i = 0; i < n; i++, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  // Huffman codes go most significant bit first.
  const huff = (code: number, n: number) => {
    for (let i = n - 1; i >= 0; i--, bit++) if ((code >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE = fixed Huffman
  huff(0x30, 8); // literal 0
  for (let i = 0; i < repeats; i++) {
    huff(0xc5, 8); // length 258 (symbol 285)
    huff(0, 5); // distance 1
  }
  huff(0, 7); // end of block
  return out.subarray(0, (bit + 7) >> 3);
}

describe('size caps', () => {
  it('the test bomb is a real one', () => {
    expect(inflateSync(zeroBomb(2)).length).toBeGreaterThanOrEqual(2 << 20);
  });

  it('an inflate bomb stops at the cap, having read only a sliver of its input', () => {
    const bomb = zeroBomb(200); // 200 MB of zeros in 1.3 MB
    const before = process.memoryUsage().arrayBuffers;
    const r = inflateCapped(bomb, 1 << 20);
    const grew = process.memoryUsage().arrayBuffers - before;
    expect(r).toMatchObject({ ok: false, reason: 'oversized' });
    if (!r.ok) expect(r.consumed).toBeLessThan(bomb.length / 50);
    // Nowhere near the 200 MB an unbounded inflate would allocate.
    expect(grew).toBeLessThan(16 << 20);
  });

  it('a bomb inside a short link is oversized', () => {
    const body = zeroBomb(3);
    const bytes = new Uint8Array(5 + body.length);
    bytes[0] = 1;
    bytes.set(body, 5);
    const code = toBase64Url(bytes);
    expect(code.length).toBeLessThan(LINK_LIMITS.maxCodeChars);
    expect(decodeShare(code)).toMatchObject({ ok: false, error: { code: 'oversized' } });
  });

  it('inflates exactly up to the cap and with a dictionary in slices', () => {
    const dict = new TextEncoder().encode('hello kubernetes services');
    const text = new TextEncoder().encode('hello kubernetes services! '.repeat(500));
    const code = encodeRaw(new TextDecoder().decode(text), 1, dict);
    const r = decodeShare(code, { maxCodeChars: 1e6, maxJsonBytes: text.length - 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'oversized' } });
  });
});
