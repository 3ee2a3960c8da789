// Nodes (B.5) and the scheduler: a failed node is unreachable at once, NotReady after the monitor
// grace period, its pods evicted after the 300 s tolerations; nodeName, nodeSelector and spreading.
import { describe, expect, it } from 'vitest';
import { isPodReady } from '../api/pods';
import type { Node } from '../api/types';
import type { TestCluster } from '../testing/driver';
import { client, clusterOf, deployment, podsOf, request, requests, service } from './harness';

const svc = service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] });

function setup(replicas = 3) {
  const t = clusterOf([deployment('web', { replicas }), client('client', 1), svc]).settle();
  // Fail a node that runs a web pod but not the client.
  const clientNode = podsOf(t, 'client')[0]?.spec.nodeName;
  const node =
    podsOf(t, 'web').find((p) => p.spec.nodeName !== clientNode)?.spec.nodeName ?? 'node-3';
  return { t, node, from: podsOf(t, 'client')[0]?.metadata.name ?? '' };
}

const readyCond = (t: TestCluster, node: string) =>
  (t.c.store.get('Node', node) as Node).status.conditions.find((c) => c.type === 'Ready');

const podsOn = (t: TestCluster, node: string) =>
  podsOf(t, 'web').filter((p) => p.spec.nodeName === node);

describe('B.5 node failure', () => {
  it('B.5 the node is unreachable at once, but still Ready in the API until the grace period passes', () => {
    const { t, node, from } = setup();
    const victim = podsOn(t, node)[0];
    t.advance('3s');
    t.run(`chaos fail-node ${node}`);
    const r = request(t, from, `http://${victim?.status.podIP}:8080`);
    expect(r.outcome).toBe('timeout');
    expect(r.hops.find((h) => h.kind === 'pod')).toMatchObject({ result: 'unreachable' });
    expect(readyCond(t, node)?.status).toBe('True');
    // Through the Service, the dead node's endpoint is still ready: about a third of requests time out.
    const rs = requests(t, from, 'http://web', 60, 100);
    const lost = rs.filter((x) => x.outcome === 'timeout');
    expect(lost.length).toBeGreaterThan(5);
    expect(lost.every((x) => x.podNode === node)).toBe(true);
  });

  it('B.5 NotReady (Unknown) after the 50 s grace, checked every 5 s; unreachable taints; pods not ready', () => {
    const { t, node, from } = setup();
    t.advance('13s');
    const failedAt = t.engine.now;
    t.run(`chaos fail-node ${node}`);
    t.advance('39s');
    expect(readyCond(t, node)?.status).toBe('True');
    while (readyCond(t, node)?.status === 'True') t.advance(100);
    const cond = readyCond(t, node);
    expect(cond).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    const at = cond?.lastTransitionTime ?? 0;
    expect(at % 5000).toBe(0); // the lifecycle controller looks every node-monitor-period
    expect(at - failedAt).toBeGreaterThan(40_000);
    expect(at - failedAt).toBeLessThanOrEqual(55_000);
    const taints = (t.c.store.get('Node', node) as Node).spec.taints ?? [];
    expect(taints.map((x) => `${x.key}:${x.effect}`).sort()).toEqual([
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/unreachable:NoSchedule',
    ]);
    for (const p of podsOn(t, node)) expect(isPodReady(p)).toBe(false);
    const eps = t.c.ctl.sliceIndex.slicesFor('default/web').flatMap((s) => s.endpoints);
    for (const e of eps.filter((x) => x.nodeName === node)) expect(e.conditions.ready).toBe(false);
    t.advance('2s');
    expect(requests(t, from, 'http://web', 30).every((r) => r.outcome === 'ok')).toBe(true);
    const get = t.run('kubectl get nodes');
    expect(get.stdout).toMatch(new RegExp(`\\n${node}\\s+NotReady\\s+<none>\\s`));
  });

  it('B.5 evicted 300 s after the taint: Terminating while the node is away, replaced elsewhere', () => {
    const { t, node, from } = setup();
    t.run(`chaos fail-node ${node}`);
    while (readyCond(t, node)?.status === 'True') t.advance(1000);
    const taintedAt = readyCond(t, node)?.lastTransitionTime ?? 0;
    const stranded = podsOn(t, node).map((p) => p.metadata.name);
    expect(stranded.length).toBeGreaterThan(0);
    t.advance(taintedAt + 299_000 - t.engine.now);
    expect(podsOn(t, node).every((p) => p.metadata.deletionTimestamp === undefined)).toBe(true);
    t.advance('2s');
    for (const p of podsOn(t, node)) expect(p.metadata.deletionTimestamp).toBe(taintedAt + 300_000);
    const evictions = t.c.events.filter((e) => e.reason === 'TaintManagerEviction');
    expect(evictions.map((e) => e.message)).toEqual(
      stranded.map((n) => `Marking for deletion Pod default/${n}`),
    );
    t.advance('30s');
    // The kubelet is gone, so the pods stay Terminating; replacements run on the other nodes.
    expect(podsOn(t, node).map((p) => p.metadata.name)).toEqual(stranded);
    const running = podsOf(t, 'web').filter((p) => !p.metadata.deletionTimestamp);
    expect(running).toHaveLength(3);
    expect(running.every((p) => p.spec.nodeName !== node && isPodReady(p))).toBe(true);
    expect(requests(t, from, 'http://web', 30).every((r) => r.outcome === 'ok')).toBe(true);
    // recover-node: the kubelet finishes the deletions; the node is Ready and schedulable again.
    t.run(`chaos recover-node ${node}`);
    t.advance('5s');
    expect(readyCond(t, node)?.status).toBe('True');
    expect((t.c.store.get('Node', node) as Node).spec.taints).toBeUndefined();
    expect(podsOn(t, node)).toEqual([]);
  });

  it('B.5 a node that comes back before eviction keeps its pods, which serve again', () => {
    const { t, node, from } = setup();
    const before = podsOf(t, 'web').map((p) => `${p.metadata.name}@${p.status.podIP}`);
    t.run(`chaos fail-node ${node}`);
    t.advance('120s');
    expect(podsOn(t, node).every((p) => !isPodReady(p))).toBe(true);
    t.run(`chaos recover-node ${node}`);
    t.advance('5s');
    expect(podsOf(t, 'web').map((p) => `${p.metadata.name}@${p.status.podIP}`)).toEqual(before);
    expect(podsOn(t, node).every(isPodReady)).toBe(true);
    const rs = requests(t, from, 'http://web', 60);
    expect(rs.every((r) => r.outcome === 'ok')).toBe(true);
    expect(rs.some((r) => r.podNode === node)).toBe(true);
  });

  it('B.5 the scheduler places nothing on a tainted node', () => {
    const { t, node } = setup();
    t.run(`chaos fail-node ${node}`);
    t.advance('60s');
    t.run('chaos kill-pod -l app=web');
    t.advance('20s');
    const fresh = podsOf(t, 'web').filter((p) => !p.metadata.deletionTimestamp);
    expect(fresh).toHaveLength(3);
    expect(fresh.every((p) => p.spec.nodeName !== node)).toBe(true);
  });
});

describe('B.5 tolerations', () => {
  it('B.5 DefaultTolerationSeconds: every pod tolerates not-ready and unreachable NoExecute for 300 s', () => {
    const t = clusterOf([deployment('web')]).settle();
    expect(podsOf(t, 'web')[0]?.spec.tolerations).toEqual([
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ]);
  });

  it('B.5 a pod is evicted when its own toleration runs out; an unlimited one stays', () => {
    const pin = { 'kubernetes.io/hostname': 'node-2' };
    const t = clusterOf([
      deployment('quick', {
        nodeSelector: pin,
        tolerations: [
          {
            key: 'node.kubernetes.io/unreachable',
            operator: 'Exists',
            effect: 'NoExecute',
            tolerationSeconds: 30,
          },
        ],
      }),
      deployment('forever', {
        nodeSelector: pin,
        tolerations: [
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
        ],
      }),
    ]).settle();
    expect(podsOf(t, 'quick')[0]?.spec.tolerations).toHaveLength(2); // + the not-ready default
    const quick = podsOf(t, 'quick')[0]?.metadata.name;
    t.run('chaos fail-node node-2');
    while (readyCond(t, 'node-2')?.status === 'True') t.advance(1000);
    const taintedAt = readyCond(t, 'node-2')?.lastTransitionTime ?? 0;
    t.advance(taintedAt + 29_000 - t.engine.now);
    const q = () => t.c.store.get('Pod', `default/${quick}`);
    expect(q()?.metadata.deletionTimestamp).toBeUndefined();
    t.advance('2s');
    expect(q()?.metadata.deletionTimestamp).toBe(taintedAt + 30_000);
    t.advance('600s');
    expect(podsOf(t, 'forever').every((p) => p.metadata.deletionTimestamp === undefined)).toBe(
      true,
    );
  });
});

describe('scheduler', () => {
  it('spreads the replicas of one owner over the nodes', () => {
    const t = clusterOf([deployment('web', { replicas: 6 })]).settle();
    const per = new Map<string, number>();
    for (const p of podsOf(t, 'web'))
      per.set(p.spec.nodeName ?? '', (per.get(p.spec.nodeName ?? '') ?? 0) + 1);
    expect([...per.values()]).toEqual([2, 2, 2]);
  });

  it('nodeSelector kubernetes.io/hostname pins pods to a node', () => {
    const t = clusterOf([
      deployment('web', { replicas: 4, nodeSelector: { 'kubernetes.io/hostname': 'node-2' } }),
    ]).settle();
    expect(podsOf(t, 'web').map((p) => p.spec.nodeName)).toEqual(Array(4).fill('node-2'));
  });

  it('nodeSelector on a custom node label', () => {
    const t = clusterOf([deployment('web', { replicas: 2, nodeSelector: { disk: 'ssd' } })], {
      nodes: [{ name: 'a' }, { name: 'b', labels: { disk: 'ssd' } }, { name: 'c' }],
    }).settle();
    expect(podsOf(t, 'web').map((p) => p.spec.nodeName)).toEqual(['b', 'b']);
  });

  it('spec.nodeName bypasses the scheduler', () => {
    const t = clusterOf([
      'apiVersion: v1\nkind: Pod\nmetadata: {name: pinned, labels: {app: pinned}}\nspec:\n  nodeName: node-3\n  containers: [{name: c, image: "nginx:1.27", ports: [{containerPort: 80}]}]\n',
    ]).settle();
    const p = t.c.store.get('Pod', 'default/pinned');
    expect(p?.spec.nodeName).toBe('node-3');
    expect(p?.status.podIP).toMatch(/^10\.244\.2\./);
    expect(t.c.events.some((e) => e.reason === 'Scheduled' && e.object === 'pod/pinned')).toBe(
      false,
    );
  });

  it('an unsatisfiable nodeSelector leaves the pod Pending with the scheduler’s message', () => {
    const t = clusterOf([deployment('web', { nodeSelector: { disk: 'ssd' } })]);
    t.advance('5s');
    const p = podsOf(t, 'web')[0];
    expect(p?.status.phase).toBe('Pending');
    expect(p?.status.podIP).toBeUndefined();
    const ev = t.c.events.find((e) => e.reason === 'FailedScheduling');
    expect(ev?.message).toBe(
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });
});
