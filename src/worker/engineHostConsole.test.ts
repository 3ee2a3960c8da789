// The worker's console calls over a real engine: watches that stream in frames and end, lines
// that print once, completion, and a rebuilt session that matches the one it replaces.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineHost } from './engineHost';

const SEED = readFileSync(
  new URL('../lessons/seed-services/scenario.yaml', import.meta.url),
  'utf8',
);

const podKey = (host: EngineHost, t: number) =>
  host
    .tick(t)
    .view.pods.map((p) => `${p.name} ${p.ip} ${p.node} ${p.status}`)
    .sort();

describe('EngineHost console', () => {
  it('streams a watch in later frames until unwatch, and does not log it', () => {
    const host = new EngineHost();
    expect(host.load(SEED, {}).ok).toBe(true);
    const logged = host.log().length;
    const w = host.execWatch('kubectl get pods -l app=backend -w');
    expect(w.watch).not.toBeNull();
    expect(w.result.stdout).toMatch(/^NAME +READY +STATUS/);
    const victim = host.tick(host.ping() + 100).view.pods.find((p) => p.name.startsWith('backend'));
    host.exec(`kubectl delete pod ${victim?.name}`);
    const f = host.tick(host.ping() + 2000);
    const out = f.watches?.find((x) => x.id === w.watch);
    expect(out?.text).toContain(`${victim?.name}   1/1     Terminating`);
    expect(out?.done).toBe(false);
    host.unwatch(w.watch as number);
    expect(host.tick(host.ping() + 5000).watches).toBeUndefined();
    expect(host.log()).toHaveLength(logged + 1); // the delete, not the watch
  });

  it('ends watches when the cluster is replaced, and runs one-shot lines as exec', () => {
    const host = new EngineHost();
    host.load(SEED, {});
    const w = host.execWatch('kubectl get svc -w');
    const once = host.execWatch('kubectl get svc');
    expect(once.watch).toBeNull();
    expect(once.result.stdout).toContain('backend-service');
    const r = host.load(SEED, {});
    expect(r.ok && r.frame.watches).toEqual([{ id: w.watch, text: '', done: true }]);
  });

  it('completes from the live cluster', () => {
    const host = new EngineHost();
    expect(host.complete('get po')).toEqual({ from: 6, items: [] });
    host.load(SEED, {});
    const backends = host
      .tick(host.ping())
      .view.pods.filter((p) => p.name.startsWith('backend-'))
      .map((p) => p.name)
      .sort();
    expect(host.complete('kubectl delete pod backend').items).toEqual(backends);
  });

  it('a session rebuilt from the log at the last time is the same cluster (worker recovery)', () => {
    const a = new EngineHost();
    a.load(SEED, {});
    // Ticks of irregular sizes, as the clock loop sends them.
    let t = a.ping();
    for (const step of [37, 100, 250, 16, 999, 3]) a.tick((t += step));
    const victim = a.tick(t).view.pods.find((p) => p.name.startsWith('backend'))?.name;
    a.exec(`kubectl delete pod ${victim}`);
    a.exec('chaos kill-pod -l app=frontend --count 1');
    for (const step of [120, 77, 1500, 333, 2400]) a.tick((t += step));
    const b = new EngineHost();
    const r = b.load(SEED, { log: a.log(), at: t });
    expect(r.ok).toBe(true);
    expect(podKey(b, t)).toEqual(podKey(a, t));
    expect(podKey(b, t + 5000)).toEqual(podKey(a, t + 5000));
  });
});
