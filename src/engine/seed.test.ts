// The seed lesson's promises, checked on the engine: determinism, balancing, replacement with a new
// IP, the Service surviving it, and the hard-coded-IP client breaking.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testCluster } from './testing/driver';

const SEED = readFileSync(
  new URL('../lessons/seed-services/scenario.yaml', import.meta.url),
  'utf8',
);

describe('seed lesson', () => {
  it('same scenario and seed give the identical trace, byte for byte', () => {
    const run = () => {
      const t = testCluster(SEED).settle().advance('20s');
      t.run('chaos kill-pod -l app=backend --count 1');
      t.advance('20s');
      return JSON.stringify(t.engine.report());
    };
    expect(run()).toBe(run());
  });

  it('a different seed gives different pod names', () => {
    const a = testCluster(SEED)
      .settle()
      .pods()
      .map((p) => p.name);
    const b = testCluster(SEED.replace('seed: 1', 'seed: 2'))
      .settle()
      .pods()
      .map((p) => p.name);
    expect(a).not.toEqual(b);
  });

  it('opens settled: 3 backends Running and Ready, each with an IP from its node /24 (A.4)', () => {
    const t = testCluster(SEED).settle();
    const backends = t.pods({ app: 'backend' });
    expect(backends).toHaveLength(3);
    for (const p of backends) {
      expect(p.status).toBe('Running');
      expect(p.ready).toBe(true);
      const nodeIndex = Number(p.node?.split('-')[1]) - 1;
      expect(p.ip).toMatch(new RegExp(`^10\\.244\\.${nodeIndex}\\.\\d+$`));
    }
    expect(new Set(backends.map((p) => p.node)).size).toBe(3);
    expect(t.endpoints('backend-service')).toHaveLength(3);
  });

  it('pod names follow <deployment>-<pod-template-hash>-<5 chars> (B.6)', () => {
    const t = testCluster(SEED).settle();
    for (const p of t.pods())
      expect(p.name).toMatch(/^[a-z-]+-[4-9bcdf]{9,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('ClusterIP comes from the dynamic band of 10.96.0.0/12 (A.2)', () => {
    const svc = testCluster(SEED)
      .settle()
      .engine.view()
      .services.find((s) => s.name === 'backend-service');
    const [a, b, c] = (svc?.clusterIP ?? '').split('.').map(Number);
    expect(a).toBe(10);
    expect(b).toBeGreaterThanOrEqual(96);
    expect(b).toBeLessThanOrEqual(111);
    expect(b === 96 && (c ?? 0) < 1).toBe(false);
  });

  it('E.2 over 3,000 requests each backend gets a third ± 5 %', () => {
    const t = testCluster(SEED).settle();
    const start = t.engine.now;
    t.advance('760s');
    const reqs = t
      .requests((r) => r.t > start && r.generator === 'frontend-to-service')
      .slice(0, 3000);
    expect(reqs).toHaveLength(3000);
    const by = new Map<string, number>();
    for (const r of reqs) by.set(r.pod ?? r.outcome, (by.get(r.pod ?? r.outcome) ?? 0) + 1);
    expect(by.size).toBe(3);
    for (const n of by.values()) expect(Math.abs(n / 3000 - 1 / 3)).toBeLessThan(0.05);
  });

  it('chaos kill-pod: a replacement with a new IP becomes Ready, joins the slice and gets traffic', () => {
    const t = testCluster(SEED).settle().advance('5s');
    const before = t.pods({ app: 'backend' });
    const victim = before[0];
    expect(t.run('chaos kill-pod -l app=backend --count 1').exitCode).toBe(0);
    const killedAt = t.engine.now;
    t.advance('15s');
    const after = t.pods({ app: 'backend' });
    expect(after).toHaveLength(3);
    const fresh = after.filter((p) => !before.some((b) => b.name === p.name));
    expect(fresh).toHaveLength(1);
    const pod = fresh[0];
    expect(pod?.name).not.toBe(victim?.name);
    expect(before.map((p) => p.ip)).not.toContain(pod?.ip);
    expect(pod?.ready).toBe(true);
    expect(t.endpoints('backend-service')).toContain(pod?.ip);
    expect(t.endpoints('backend-service')).not.toContain(victim?.ip);
    const served = t.requests((r) => r.t > killedAt && r.pod === pod?.name && r.outcome === 'ok');
    expect(served.length).toBeGreaterThan(0);
  });

  it('requests through the Service succeed before and after a kill; only ones racing the rule update fail', () => {
    const t = testCluster(SEED).settle().advance('10s');
    const killedAt = t.engine.now;
    t.run('chaos kill-pod -l app=backend --count 1');
    t.advance('20s');
    const svc = t.requests((r) => r.generator === 'frontend-to-service' && r.t > killedAt - 10_000);
    const failed = svc.filter((r) => r.outcome !== 'ok');
    for (const r of failed) {
      expect(r.t).toBeGreaterThanOrEqual(killedAt);
      expect(r.t).toBeLessThan(killedAt + 2000);
      expect(r.outcome).toBe('timeout');
    }
    expect(svc.filter((r) => r.t > killedAt + 2000).every((r) => r.outcome === 'ok')).toBe(true);
    expect(svc.length - failed.length).toBeGreaterThan(50);
  });

  it('the client that hard-coded a pod IP fails once that pod is replaced', () => {
    const t = testCluster(SEED).settle().advance('5s');
    const target = t.pods({ app: 'backend' }).find((p) => p.ip === '10.244.2.2');
    expect(target).toBeDefined();
    const legacyOk = t.requests((r) => r.generator === 'legacy-to-pod-ip');
    expect(legacyOk.length).toBeGreaterThan(0);
    expect(legacyOk.every((r) => r.outcome === 'ok' && r.pod === target?.name)).toBe(true);
    const at = t.engine.now;
    expect(t.run(`kubectl delete pod ${target?.name}`).exitCode).toBe(0);
    t.advance('40s');
    const late = t.requests((r) => r.generator === 'legacy-to-pod-ip' && r.t > at + 1000);
    expect(late.length).toBeGreaterThan(10);
    expect(late.every((r) => r.outcome !== 'ok')).toBe(true);
    // ... while the Service keeps working.
    const svc = t.requests((r) => r.generator === 'frontend-to-service' && r.t > at + 2000);
    expect(svc.every((r) => r.outcome === 'ok')).toBe(true);
  });

  it('B.2 a deleted pod is Terminating, leaves ready endpoints at once, and its object goes away', () => {
    const t = testCluster(SEED).settle();
    const victim = t.pods({ app: 'backend' })[0];
    t.run(`kubectl delete pod ${victim?.name}`);
    t.advance(60);
    const p = t.pods().find((x) => x.name === victim?.name);
    expect(p?.status).toBe('Terminating');
    expect(t.endpoints('backend-service')).not.toContain(victim?.ip);
    const slice = t.c.ctl.sliceIndex
      .slicesFor('default/backend-service')
      .flatMap((s) => s.endpoints);
    const ep = slice.find((e) => e.addresses[0] === victim?.ip);
    expect(ep?.conditions).toEqual({ ready: false, serving: true, terminating: true });
    t.advance('5s');
    expect(t.pods().find((x) => x.name === victim?.name)).toBeUndefined();
  });

  it('kubectl scale changes the number of backend pods and endpoints', () => {
    const t = testCluster(SEED).settle();
    t.run('kubectl scale deployment backend --replicas=5');
    t.settle();
    expect(t.pods({ app: 'backend' })).toHaveLength(5);
    expect(t.endpoints('backend-service')).toHaveLength(5);
    t.run('kubectl scale deployment/backend --replicas=1');
    t.settle();
    expect(t.pods({ app: 'backend' })).toHaveLength(1);
    expect(t.endpoints('backend-service')).toHaveLength(1);
  });
});
