// The goal evaluator on a small cluster: each predicate flips when the cluster changes, reasons
// carry the numbers the UI shows, and evaluating never changes what the simulation does next.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing/driver';
import { evaluateGoal, evaluateGoals, fieldAt } from './evaluate';
import type { Goal } from './goals';
import { markStep, runStep } from './solution';

const SEED = readFileSync(
  new URL('../../lessons/seed-services/scenario.yaml', import.meta.url),
  'utf8',
);

describe('evaluateGoal', () => {
  it('counts ready endpoints against count, min and max, and names a missing Service', () => {
    const t = testCluster(SEED).settle();
    const mark = markStep(t.engine);
    const g = (extra: object) =>
      evaluateGoal(
        t.engine,
        { type: 'serviceReadyEndpoints', service: 'backend-service', ...extra } as Goal,
        mark,
      );
    expect(g({ count: 3 })).toEqual({
      met: true,
      code: 'goal.count',
      params: { have: 3, want: '3' },
    });
    expect(g({ min: 4 }).met).toBe(false);
    expect(g({ max: 2 }).params.want).toBe('≤ 2');
    expect(g({ min: 1, max: 3 }).params.want).toBe('1–3');
    expect(
      evaluateGoal(t.engine, { type: 'serviceReadyEndpoints', service: 'nope' }, mark),
    ).toEqual({ met: false, code: 'goal.missing', params: { kind: 'Service', name: 'nope' } });
  });

  it('request goals count only since the step started, by client selector, Service and generator', () => {
    const t = testCluster(SEED).settle();
    const mark = markStep(t.engine);
    const ok: Goal = { type: 'requestsOk', from: 'app=frontend', to: 'backend-service', min: 10 };
    expect(evaluateGoal(t.engine, ok, mark).met).toBe(false);
    t.advance('5s');
    expect(evaluateGoal(t.engine, ok, mark).params.have).toBeGreaterThanOrEqual(15);
    expect(evaluateGoal(t.engine, { ...ok, from: 'app=legacy-client' }, mark).params.have).toBe(0);
    const legacy: Goal = { type: 'requestsOk', generator: 'legacy-to-pod-ip', min: 3 };
    expect(evaluateGoal(t.engine, legacy, mark).met).toBe(true);
    const recent: Goal = { ...ok, min: 1, max: 25, within: '2s' };
    expect(evaluateGoal(t.engine, recent, mark).met).toBe(true);
  });

  it('podReplaced needs a new Ready pod with an IP no matching pod had at the start', () => {
    const t = testCluster(SEED).settle();
    const mark = markStep(t.engine);
    const goal: Goal = { type: 'podReplaced', selector: 'app=backend' };
    expect(evaluateGoal(t.engine, goal, mark)).toEqual({
      met: false,
      code: 'goal.notReplaced',
      params: {},
    });
    t.run('chaos kill-pod -l app=backend --count 1');
    t.advance('10s');
    const s = evaluateGoal(t.engine, goal, mark);
    expect(s.met).toBe(true);
    expect(s.params.ip).toMatch(/^10\.244\./);
  });

  it('commandRun matches console commands run after the mark only', () => {
    const t = testCluster(SEED).settle();
    t.run('kubectl get pods');
    const mark = markStep(t.engine);
    const goal: Goal = { type: 'commandRun', pattern: 'kubectl\\s+get\\s+pods' };
    expect(evaluateGoal(t.engine, goal, mark).met).toBe(false);
    t.run('kubectl get pods -o wide');
    expect(evaluateGoal(t.engine, goal, mark).met).toBe(true);
  });

  it('DNS goals resolve along the search path: ClusterIP, NXDOMAIN, answer counts', () => {
    const t = testCluster(SEED).settle();
    const mark = markStep(t.engine);
    const ip = t.engine.view().services.find((s) => s.name === 'backend-service')?.clusterIP;
    const dns = (g: object) => evaluateGoal(t.engine, { type: 'dnsResolves', ...g } as Goal, mark);
    expect(dns({ name: 'backend-service', answer: 'clusterIP:backend-service' })).toEqual({
      met: true,
      code: 'goal.dns',
      params: { value: ip },
    });
    expect(dns({ name: 'backend-service.default.svc.cluster.local.', count: 1 }).met).toBe(true);
    expect(dns({ name: 'backend-service', from: 'other' }).met).toBe(false);
    expect(dns({ name: 'backend-service.default', from: 'other' }).met).toBe(true);
    expect(dns({ name: 'nothing', nxdomain: true }).met).toBe(true);
  });

  it('objectField reads dotted paths with indexes; nodeReady, ruleCount and proxySync read kube state', () => {
    const t = testCluster(SEED).settle();
    const mark = markStep(t.engine);
    const field = (path: string, extra: object) =>
      evaluateGoal(
        t.engine,
        { type: 'objectField', kind: 'Service', name: 'backend-service', path, ...extra } as Goal,
        mark,
      );
    expect(field('spec.ports[0].targetPort', { equals: 8080 })).toMatchObject({ met: true });
    expect(field('spec.ports[0].targetPort', { equals: '8080' }).met).toBe(true);
    expect(field('spec.sessionAffinity', { equals: 'ClientIP' }).params.value).toBe('None');
    expect(field('spec.externalName', { exists: false }).met).toBe(true);
    expect(fieldAt({ a: [{ b: 1 }] }, 'a[0].b')).toBe(1);
    expect(
      evaluateGoal(t.engine, { type: 'nodeReady', node: 'node-2', ready: true }, mark).met,
    ).toBe(true);
    expect(evaluateGoal(t.engine, { type: 'ruleCount', min: 10 }, mark).met).toBe(true);
    expect(evaluateGoal(t.engine, { type: 'proxySync' }, mark).code).toBe('goal.noSync');
    t.run('kubectl scale deployment backend --replicas=4');
    t.advance('5s');
    expect(evaluateGoal(t.engine, { type: 'proxySync', maxMs: 50 }, mark).met).toBe(true);
  });

  it('an invalid goal is never met and says why', () => {
    const t = testCluster(SEED).settle();
    const s = evaluateGoal(t.engine, { type: 'podCount' } as unknown as Goal, markStep(t.engine));
    expect(s.met).toBe(false);
    expect(s.code).toBe('goal.invalid');
    expect(s.params.message).toMatch(/selector: is required/);
  });

  it('evaluating goals leaves the simulation untouched (same trace with or without checks)', () => {
    const goals: Goal[] = [
      { type: 'dnsResolves', name: 'backend-service' },
      { type: 'backendsHit', from: 'app=frontend', min: 3 },
      { type: 'podReplaced', selector: 'app=backend' },
      { type: 'endpointSliceHas', service: 'backend-service', ready: true, min: 3 },
      { type: 'rulesCurrent' },
    ];
    goals.push({ type: 'dnsResolves', name: 'backend-peers', min: 3 });
    const peers =
      'apiVersion: v1\nkind: Service\nmetadata: {name: backend-peers}\nspec:\n  clusterIP: None\n  selector: {app: backend}\n  ports: [{port: 8080}]\n';
    const run = (check: boolean) => {
      const t = testCluster(SEED).settle();
      t.engine.apply(peers);
      const mark = markStep(t.engine);
      t.run('chaos kill-pod -l app=backend --count 1');
      for (let i = 0; i < 40; i++) {
        t.advance(250);
        if (check) evaluateGoals(t.engine, goals, mark);
      }
      return JSON.stringify(t.engine.report());
    };
    expect(run(true)).toBe(run(false));
  });

  it('runStep runs the solution, then waits for the goals, and reports failed commands', () => {
    const t = testCluster(SEED).settle();
    const r = runStep(t.engine, {
      goals: [{ type: 'serviceReadyEndpoints', service: 'backend-service', count: 4 }],
      solution: ['kubectl scale deployment backend --replicas=4', { wait: '1s' }, 'kubectl nope'],
    });
    expect(r.met).toBe(true);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^kubectl nope: error: unknown command "nope"/);
  });
});
