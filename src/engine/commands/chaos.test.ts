// Chaos on one pod by name (the canvas's pod actions): the same effects as with a selector.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';

const SEED = readFileSync(
  new URL('../../lessons/seed-services/scenario.yaml', import.meta.url),
  'utf8',
);

function seed(): Engine {
  const r = Engine.create(SEED);
  if (!r.ok) throw new Error(r.message);
  r.engine.settle();
  return r.engine;
}

const backends = (e: Engine) =>
  e
    .view()
    .pods.filter((p) => p.name.startsWith('backend-'))
    .sort((a, b) => a.name.localeCompare(b.name));

describe('chaos by pod name', () => {
  it('crash, fail-readiness and kill-pod act on the named pod only', () => {
    const e = seed();
    const [a, b] = backends(e);
    if (!a || !b) throw new Error('no backends');
    expect(e.exec(`chaos crash ${b.name}`).stdout).toBe(`pod/${b.name} crashed\n`);
    e.advanceBy(15_000);
    const after = backends(e);
    expect(after.find((p) => p.name === b.name)?.restarts).toBe(1);
    expect(after.find((p) => p.name === a.name)?.restarts).toBe(0);

    expect(e.exec(`chaos fail-readiness pod/${a.name}`).stdout).toBe(
      `pod/${a.name} readiness failing\n`,
    );
    e.advanceBy(30_000);
    expect(backends(e).find((p) => p.name === a.name)?.ready).toBe(false);
    expect(e.exec(`chaos pass-readiness ${a.name}`).exitCode).toBe(0);

    expect(e.exec(`chaos kill-pod ${a.name}`).stdout).toBe(`pod/${a.name} killed\n`);
    expect(backends(e).some((p) => p.name === a.name)).toBe(false);
  });

  it('explains unknown pods and mixing names with a selector', () => {
    const e = seed();
    expect(e.exec('chaos crash nope').stderr).toContain('pods "nope" not found');
    expect(e.exec('chaos crash nope -l app=backend').stderr).toContain('not both');
    expect(e.exec('chaos kill-pod').stderr).toContain('needs pod names or a label selector');
  });
});
