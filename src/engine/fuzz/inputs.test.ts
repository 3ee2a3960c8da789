// Fuzzing the engine's front doors (fast-check): random and mutated YAML, manifests and scenario
// files. No exception escapes, every failure is a clear error, and a running cluster is untouched.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { testCluster } from '../testing/driver';

const SEED = readFileSync(
  new URL('../../lessons/seed-services/scenario.yaml', import.meta.url),
  'utf8',
);
const MANIFESTS =
  (SEED.split('manifests: |\n')[1] ?? '').split('\ntraffic:')[0]?.replace(/^ {2}/gm, '') ?? '';
const FC = { seed: 20261127, numRuns: 150 };

/** Mutations a person or a broken link makes: drop, duplicate, swap, insert junk, cut. */
const mutated = (base: string) =>
  fc
    .array(
      fc.oneof(
        fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
        fc.record({
          op: fc.constant('drop' as const),
          at: fc.nat(),
          n: fc.integer({ min: 1, max: 40 }),
        }),
        fc.record({
          op: fc.constant('insert' as const),
          at: fc.nat(),
          s: fc.string({ maxLength: 12 }),
        }),
        fc.record({
          op: fc.constant('char' as const),
          at: fc.nat(),
          s: fc.constantFrom(
            ':',
            '-',
            ' ',
            '\t',
            '"',
            "'",
            '{',
            '[',
            '#',
            '&',
            '*',
            '|',
            '>',
            '\n',
            '%',
            '!',
            '0',
            '-1',
            '99999999999',
          ),
        }),
        fc.record({ op: fc.constant('dupLine' as const), at: fc.nat() }),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((ops) => {
      let s = base;
      for (const o of ops) {
        const at = s.length ? o.at % s.length : 0;
        if (o.op === 'cut') s = s.slice(0, at);
        if (o.op === 'drop') s = s.slice(0, at) + s.slice(at + o.n);
        if (o.op === 'insert' || o.op === 'char') s = s.slice(0, at) + o.s + s.slice(at);
        if (o.op === 'dupLine') {
          const lines = s.split('\n');
          const i = lines.length ? o.at % lines.length : 0;
          lines.splice(i, 0, lines[i] ?? '');
          s = lines.join('\n');
        }
      }
      return s;
    });

describe('fuzz: scenario files', () => {
  it('random text never throws; a refusal always says what is wrong', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), mutated(SEED)), (text) => {
        const r = Engine.create(text);
        if (!r.ok) {
          expect(r.message.length).toBeGreaterThan(5);
          expect(r.errors.length).toBeGreaterThan(0);
        }
      }),
      FC,
    );
  });

  it('random JSON-ish scenario objects never throw', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), (obj) => {
        const r = Engine.create(obj as never);
        expect(typeof r.ok).toBe('boolean');
      }),
      FC,
    );
  });
});

describe('fuzz: apply', () => {
  it('mutated manifests: no exception, errors carry a message and a line, the cluster is untouched on failure', () => {
    const t = testCluster(SEED).settle();
    fc.assert(
      fc.property(mutated(MANIFESTS), (text) => {
        const before = JSON.stringify(t.engine.view().pods.map((p) => [p.name, p.ip, p.status]));
        const r = t.engine.apply(text);
        if (!r.ok) {
          expect(r.errorText.length).toBeGreaterThan(5);
          for (const d of r.diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
            expect(d.message.length).toBeGreaterThan(3);
          }
          expect(JSON.stringify(t.engine.view().pods.map((p) => [p.name, p.ip, p.status]))).toBe(
            before,
          );
        }
        // Put the original back so every run starts from the same cluster.
        t.engine.apply(MANIFESTS);
        t.advance('5s');
      }),
      { ...FC, numRuns: 60 },
    );
  });

  it('arbitrary values in every field are refused or admitted, never thrown', () => {
    const t = testCluster(SEED).settle();
    const field = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
    );
    fc.assert(
      fc.property(field, field, field, field, (a, b, c, d) => {
        const doc = JSON.stringify({
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'fuzz', labels: a },
          spec: { type: b, selector: { app: 'x' }, ports: [{ port: c, targetPort: d }] },
        });
        const r = t.engine.apply(doc);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.errorText).toMatch(/invalid|error|cannot/i);
      }),
      FC,
    );
  });
});

describe('limits', () => {
  it('refuses a million replicas with a clear limit message and keeps the cluster', () => {
    const t = testCluster(SEED).settle();
    const r = t.engine.apply(MANIFESTS.replace('replicas: 3', 'replicas: 1000000'));
    expect(r.ok).toBe(false);
    expect(r.errorText).toMatch(/kubeplay simulates at most [\d,]+ replicas/);
    expect(t.pods({ app: 'backend' })).toHaveLength(3);
  });

  it('refuses a 6 MB manifest text', () => {
    const t = testCluster(SEED).settle();
    const r = t.engine.apply(`# ${'x'.repeat(6_000_000)}\n${MANIFESTS}`);
    expect(r.ok).toBe(false);
    expect(r.errorText).toMatch(/limit is/);
  });

  it('refuses an endless timeline', () => {
    const entries = Array.from(
      { length: 5000 },
      (_, i) => `  - at: ${i}s\n    run: chaos kill-pod -l app=backend`,
    ).join('\n');
    const r = Engine.create(`${SEED}\ntimeline:\n${entries}\n`.replace(/\ntraffic:/, '\ntraffic:'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/at most 1000 entries|timeline/);
  });

  it('YAML alias bombs are refused, not expanded', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    const t = testCluster(SEED).settle();
    const r = t.engine.apply(bomb);
    expect(r.ok).toBe(false);
    expect(Engine.create(bomb).ok).toBe(false);
  });
});

describe('limits through kubectl', () => {
  it('kubectl scale refuses a million replicas and leaves the Deployment alone', () => {
    const t = testCluster(SEED).settle();
    const r = t.run('kubectl scale deployment backend --replicas=1000000');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('kubeplay simulates at most 5,000 replicas per workload');
    t.advance('5s');
    expect(t.pods({ app: 'backend' })).toHaveLength(3);
  });
});
