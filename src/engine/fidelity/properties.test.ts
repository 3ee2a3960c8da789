// Invariants under random chaos (D.1, E.1, E.2): after any sequence of kills, deletes, crashes,
// scalings, relabels, readiness flips and node failures/recoveries, once the cluster settles every
// node's kube-proxy routes to exactly the Service's ready pods and every request succeeds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPodReady } from '../api/pods';
import type { TestCluster } from '../testing/driver';
import { client, clusterOf, deployment, kubectl, podsOf, requests, service } from './harness';

type Action =
  | { kind: 'kill' | 'delete' | 'crash' | 'failReadiness' | 'passReadiness'; pod: number }
  | { kind: 'relabel'; pod: number; app: 'web' | 'other' }
  | { kind: 'scale'; replicas: number }
  | { kind: 'failNode' | 'recoverNode'; node: number }
  | { kind: 'wait'; ms: number };

const pod = fc.nat({ max: 7 });
const node = fc.integer({ min: 1, max: 3 });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constantFrom('kill', 'delete', 'crash'), pod }),
  fc.record({ kind: fc.constantFrom('failReadiness', 'passReadiness'), pod }),
  fc.record({ kind: fc.constant('relabel'), pod, app: fc.constantFrom('web', 'other') }),
  fc.record({ kind: fc.constant('scale'), replicas: fc.nat({ max: 6 }) }),
  fc.record({ kind: fc.constantFrom('failNode', 'recoverNode'), node }),
  fc.record({
    kind: fc.constant('wait'),
    ms: fc.oneof(fc.nat({ max: 20_000 }), fc.constant(400_000)),
  }),
);
const step = fc.record({ action, gapMs: fc.nat({ max: 5000 }) });

/** Pods that carry app=web now (the Service's selector), sorted by name. */
const webPods = (t: TestCluster) =>
  t.c.store
    .list('Pod')
    .filter((p) => p.metadata.labels?.app === 'web')
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));

function perform(t: TestCluster, a: Action): void {
  const candidates = t.c.store
    .list('Pod')
    .filter((p) => p.metadata.name.startsWith('web-'))
    .sort((x, y) => x.metadata.name.localeCompare(y.metadata.name));
  const target = 'pod' in a ? candidates[a.pod % Math.max(1, candidates.length)] : undefined;
  const name = target?.metadata.name ?? '';
  const key = `default/${name}`;
  switch (a.kind) {
    case 'kill':
      if (target) t.c.ctl.api.removePod(key); // what chaos kill-pod does to one pod
      return;
    case 'delete':
      if (target) t.run(`kubectl delete pod ${name} --wait=false`);
      return;
    case 'crash':
      if (target) t.c.ctl.kubelet.crash(key);
      return;
    case 'failReadiness':
    case 'passReadiness':
      if (target) t.c.ctl.kubelet.setUnhealthy(key, a.kind === 'failReadiness');
      return;
    case 'relabel':
      if (target) kubectl(t, `label pod ${name} app=${a.app} --overwrite`);
      return;
    case 'scale':
      kubectl(t, `scale deployment/web --replicas=${a.replicas}`);
      return;
    case 'failNode':
      t.run(`chaos fail-node node-${a.node}`);
      return;
    case 'recoverNode':
      t.run(`chaos recover-node node-${a.node}`);
      return;
    case 'wait':
      t.advance(a.ms);
  }
}

/** The Service's endpoints as `node`'s kube-proxy has programmed them. */
function programmed(t: TestCluster, node: string) {
  const np = t.c.ctl.proxy.nodes.get(node);
  const info = [...t.c.ctl.proxy.table.atVersion(np?.syncedVersion ?? 0)].find(
    (i) => i.name === 'default/web',
  );
  return info?.endpoints ?? [];
}

function checkSettled(t: TestCluster): void {
  const live = webPods(t);
  const ready = live.filter((p) => isPodReady(p) && !p.metadata.deletionTimestamp);
  const readyIPs = ready.map((p) => p.status.podIP).sort();
  const liveIPs = new Set(live.map((p) => p.status.podIP));
  for (const n of ['node-1', 'node-2', 'node-3']) {
    const eps = programmed(t, n);
    // Every Ready pod that matches the selector is a ready endpoint on every node…
    expect(
      eps
        .filter((e) => e.ready)
        .map((e) => e.ip)
        .sort(),
    ).toEqual(readyIPs);
    // …and no deleted (or relabelled) pod is an endpoint anywhere.
    for (const e of eps) expect(liveIPs.has(e.ip)).toBe(true);
  }
  // The ReplicaSet keeps exactly spec.replicas pods matching its selector (relabelled ones are
  // released and replaced; a pod relabelled back is adopted again).
  const replicas = t.c.store.get('Deployment', 'default/web')?.spec.replicas ?? 1;
  expect(live.filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(replicas);
  const from = podsOf(t, 'client').find((p) => isPodReady(p))?.metadata.name;
  expect(from).toBeDefined();
  const rs = requests(t, from ?? '', 'http://web', 12, 10);
  const want = ready.length > 0 ? 'ok' : 'refused';
  expect(rs.map((r) => r.outcome)).toEqual(Array(rs.length).fill(want));
  if (ready.length > 0)
    for (const r of rs) expect(ready.map((p) => p.metadata.name)).toContain(r.pod);
}

function chaosRun(steps: { action: Action; gapMs: number }[]): TestCluster {
  const t = clusterOf([
    deployment('web', { replicas: 3 }),
    client('client', 2),
    service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }),
  ]).settle();
  for (const s of steps) {
    perform(t, s.action);
    t.advance(s.gapMs);
  }
  return t;
}

describe('properties', () => {
  it('D.1/E.1 after random chaos and settling, every node routes to exactly the ready pods', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const t = chaosRun(steps);
        for (let n = 1; n <= 3; n++) t.run(`chaos recover-node node-${n}`);
        t.advance('90s');
        checkSettled(t);
      }),
      { numRuns: 50, seed: 20_260_603, endOnFailure: true },
    );
  });

  it('determinism: the same chaos on the same seed gives the same report, byte for byte', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        const a = chaosRun(steps);
        const b = chaosRun(steps);
        for (const t of [a, b])
          requests(t, podsOf(t, 'client')[0]?.metadata.name ?? '', 'http://web', 5);
        expect(JSON.stringify(b.engine.report())).toBe(JSON.stringify(a.engine.report()));
      }),
      { numRuns: 10, seed: 7, endOnFailure: true },
    );
  });
});
