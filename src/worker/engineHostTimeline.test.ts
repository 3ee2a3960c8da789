// The worker calls behind the inspector and the time scrubber: objects as JSON, a Service's rules
// on every node, and rewinding that keeps the history ahead (replayed when the clock gets there).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineHost } from './engineHost';

const SEED = readFileSync(
  new URL('../lessons/seed-services/scenario.yaml', import.meta.url),
  'utf8',
);

function opened(): { host: EngineHost; t0: number } {
  const host = new EngineHost();
  const r = host.load(SEED, {});
  if (!r.ok) throw new Error(r.message);
  return { host, t0: r.frame.now };
}

const backendNames = (host: EngineHost, t: number) =>
  host
    .tick(t)
    .view.pods.filter((p) => p.name.startsWith('backend-') && !p.terminating)
    .map((p) => p.name)
    .sort();

describe('EngineHost: inspector and timeline', () => {
  it('rewinds to before a deletion, then replays the same history when the clock gets there', () => {
    const { host, t0 } = opened();
    const before = backendNames(host, t0);
    const victim = before[0] ?? '';
    expect(host.exec(`kubectl delete pod ${victim}`).result.exitCode).toBe(0);
    const later = backendNames(host, t0 + 20_000);
    expect(later).not.toContain(victim);

    const back = host.rewind(t0 - 1000);
    expect(back.reset).toBe(true);
    expect(back.now).toBe(t0 - 1000);
    expect(back.view.pods.map((p) => p.name)).toContain(victim);
    const tl = host.timeline();
    expect(tl.now).toBe(t0 - 1000);
    expect(tl.horizon).toBe(t0 + 20_000);
    expect(tl.marks).toContainEqual(
      expect.objectContaining({ t: t0, kind: 'delete', label: `kubectl delete pod ${victim}` }),
    );

    // Deterministic replay: the same replacement pod, with the same name, as the first time.
    expect(backendNames(host, t0 + 20_000)).toEqual(later);
    expect(host.log()).toHaveLength(1);
  });

  it('a new command after a rewind starts another history; forward seeks just run the clock', () => {
    const { host, t0 } = opened();
    host.exec('chaos fail-node node-2');
    host.tick(t0 + 30_000);
    host.rewind(t0 - 500);
    host.exec('kubectl scale deployment backend --replicas=4');
    const tl = host.timeline();
    expect(tl.horizon).toBe(t0 - 500);
    expect(tl.marks.some((m) => m.label.startsWith('chaos fail-node'))).toBe(false);
    const fwd = host.rewind(t0 + 5000);
    expect(fwd.reset).toBe(false);
    expect(fwd.now).toBe(t0 + 5000);
    expect(host.log().map((l) => ('run' in l ? l.run : 'apply'))).toEqual([
      'kubectl scale deployment backend --replicas=4',
    ]);
  });

  it('gives objects as JSON and every node’s rules for one Service with counters', () => {
    const { host } = opened();
    const svc = host.object('Service', 'backend-service', 'default') as {
      spec: { clusterIP: string };
    };
    expect(svc.spec.clusterIP).toMatch(/^10\.(9[6-9]|1[01]\d)\./);
    expect(host.object('Service', 'nope', 'default')).toBeNull();
    const rules = host.serviceRules('default/backend-service');
    expect(rules.map((r) => r.node)).toEqual(['node-1', 'node-2', 'node-3']);
    for (const r of rules) {
      expect(r.lines.some((l) => l.chain.startsWith('KUBE-SVC-'))).toBe(true);
      expect(
        r.lines.every((l) => l.service === undefined || l.service === 'default/backend-service'),
      ).toBe(true);
    }
    const hits = rules.flatMap((r) => r.lines).reduce((n, l) => n + l.packets, 0);
    expect(hits).toBeGreaterThan(0);
  });
});
