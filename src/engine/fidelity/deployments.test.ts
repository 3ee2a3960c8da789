// Deployments (C, B.6): rolling updates within maxSurge/maxUnavailable, minReadySeconds, Recreate,
// revisions, and which pod a scale-down deletes (ActivePodsWithRanks).
import { describe, expect, it } from 'vitest';
import { isPodReady } from '../api/pods';
import type { Deployment, Pod } from '../api/types';
import { resolveFenceposts } from '../controllers/deployment';
import type { TestCluster } from '../testing/driver';
import {
  applyObjects,
  client,
  clusterOf,
  deployment,
  kubectl,
  podsOf,
  requests,
  service,
  type DeployOpts,
} from './harness';

const REVISION = 'deployment.kubernetes.io/revision';

const live = (t: TestCluster) => podsOf(t, 'web').filter((p) => !p.metadata.deletionTimestamp);

/** Watches every store change and records the extremes the rollout went through. */
function watchRollout(t: TestCluster) {
  const seen = { maxPods: 0, minAvailable: Infinity, images: new Set<string>() };
  t.c.store.onChange((ch) => {
    if (ch.kind !== 'Pod') return;
    const pods = live(t);
    seen.maxPods = Math.max(seen.maxPods, pods.length);
    seen.minAvailable = Math.min(seen.minAvailable, pods.filter(isPodReady).length);
  });
  return seen;
}

const version = (o: DeployOpts, image: string) => deployment('web', { ...o, image });

describe('C rolling update', () => {
  it('C defaults: 1 replica, RollingUpdate 25%/25%, history 10, progress deadline 600 s', () => {
    const t = clusterOf([
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: "nginx:1.27"}]}\n',
    ]);
    expect(t.c.store.get('Deployment', 'default/web')?.spec).toMatchObject({
      replicas: 1,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
  });

  const table: [number, number, number, number, number][] = [
    // replicas, maxSurge, maxUnavailable, max pods, min available
    [1, 1, 0, 2, 1],
    [2, 1, 0, 3, 2],
    [3, 1, 0, 4, 3],
    [4, 1, 1, 5, 3],
    [5, 2, 1, 7, 4],
    [10, 3, 2, 13, 8],
  ];
  for (const [replicas, surge, unavailable, maxPods, minAvailable] of table) {
    it(`C ${replicas} replicas: maxSurge ${surge} (up), maxUnavailable ${unavailable} (down) → at most ${maxPods} pods, at least ${minAvailable} available`, () => {
      const o = { replicas };
      const t = clusterOf([version(o, 'nginx:1.27')]).settle();
      const d = t.c.store.get('Deployment', 'default/web') as Deployment;
      expect(resolveFenceposts(d)).toEqual([surge, unavailable]);
      const seen = watchRollout(t);
      applyObjects(t, [version(o, 'nginx:1.28')]);
      t.settle();
      expect(seen.maxPods).toBe(maxPods);
      expect(seen.minAvailable).toBe(minAvailable);
      const pods = live(t);
      expect(pods).toHaveLength(replicas);
      expect(pods.every((p) => p.spec.containers[0]?.image === 'nginx:1.28')).toBe(true);
    });
  }

  it('C maxSurge 0 and maxUnavailable 0 resolve to maxUnavailable 1', () => {
    const d = deployment('web', {
      replicas: 3,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '10%' } },
    }) as Deployment;
    expect(resolveFenceposts(d)).toEqual([0, 1]);
  });

  it('C the Service keeps answering through a rolling update when pods have a preStop hook', () => {
    const o = { replicas: 3, preStopSleep: 5 };
    const svc = service('web', {
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 8080 }],
    });
    const t = clusterOf([version(o, 'nginx:1.27'), client('client', 1), svc]).settle();
    const from = podsOf(t, 'client')[0]?.metadata.name ?? '';
    applyObjects(t, [version(o, 'nginx:1.28')]);
    const rs = requests(t, from, 'http://web', 300, 100);
    expect(rs.filter((r) => r.outcome !== 'ok')).toEqual([]);
    expect(new Set(rs.map((r) => r.pod)).size).toBeGreaterThanOrEqual(6);
  });

  it('C minReadySeconds: a new pod must stay Ready that long before an old one is removed', () => {
    const o = { replicas: 1, minReadySeconds: 10 };
    const t = clusterOf([version(o, 'nginx:1.27')]).settle();
    const old = live(t)[0]?.metadata.name;
    applyObjects(t, [version(o, 'nginx:1.28')]);
    while (!live(t).some((p) => p.metadata.name !== old && isPodReady(p))) t.advance(100);
    const readyAt = t.engine.now;
    t.advance('9s');
    expect(live(t).map((p) => p.metadata.name)).toContain(old);
    expect(t.c.store.get('Deployment', 'default/web')?.status.availableReplicas).toBe(1);
    while (live(t).some((p) => p.metadata.name === old)) t.advance(100);
    expect(t.engine.now - readyAt).toBeGreaterThanOrEqual(10_000);
    expect(t.engine.now - readyAt).toBeLessThan(10_500);
  });

  it('C Recreate: every old pod is gone before the first new pod is created', () => {
    const o = { replicas: 3, strategy: { type: 'Recreate' } };
    const t = clusterOf([version(o, 'nginx:1.27')]).settle();
    let overlap = false;
    t.c.store.onChange((ch) => {
      if (ch.kind !== 'Pod' || ch.old) return;
      const pod = ch.obj as Pod;
      if (podsOf(t, 'web').some((p) => p.spec.containers[0]?.image === 'nginx:1.27'))
        overlap ||= pod.spec.containers[0]?.image === 'nginx:1.28';
    });
    applyObjects(t, [version(o, 'nginx:1.28')]);
    t.settle();
    expect(overlap).toBe(false);
    expect(live(t).map((p) => p.spec.containers[0]?.image)).toEqual(Array(3).fill('nginx:1.28'));
  });

  it('C revisions: each template change is a new ReplicaSet and revision; old ones kept at 0', () => {
    const t = clusterOf([version({ replicas: 2 }, 'nginx:1.27')]).settle();
    const dep = () => t.c.store.get('Deployment', 'default/web');
    expect(dep()?.metadata.annotations?.[REVISION]).toBe('1');
    applyObjects(t, [version({ replicas: 2 }, 'nginx:1.28')]);
    t.settle();
    applyObjects(t, [version({ replicas: 2 }, 'nginx:1.29')]);
    t.settle();
    expect(dep()?.metadata.annotations?.[REVISION]).toBe('3');
    const rss = t.c.store
      .list('ReplicaSet')
      .sort((a, b) => a.metadata.creationTimestamp - b.metadata.creationTimestamp);
    expect(rss.map((r) => r.metadata.annotations?.[REVISION])).toEqual(['1', '2', '3']);
    expect(rss.map((r) => r.spec.replicas)).toEqual([0, 0, 2]);
    const scaled = t.c.events.filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
    expect(scaled[0]).toBe(`Scaled up replica set ${rss[0]?.metadata.name} from 0 to 2`);
    expect(scaled).toContain(`Scaled down replica set ${rss[0]?.metadata.name} from 1 to 0`);
  });
});

describe('B.6 scale-down order (ActivePodsWithRanks)', () => {
  it('B.6 a not-ready pod is deleted before ready ones, even before the newest', () => {
    const probe = { httpGet: { port: 8080 }, periodSeconds: 1, failureThreshold: 1 };
    const t = clusterOf([deployment('web', { replicas: 3, readinessProbe: probe })]).settle();
    t.advance('30s');
    const sick = live(t)[0]?.metadata.name ?? '';
    kubectl(t, 'scale deployment/web --replicas=4');
    t.settle();
    t.c.ctl.kubelet.setUnhealthy(`default/${sick}`, true); // chaos fail-readiness on that one pod
    t.advance('3s');
    expect(isPodReady(live(t).find((p) => p.metadata.name === sick) as Pod)).toBe(false);
    expect(kubectl(t, 'scale deployment/web --replicas=3').exitCode).toBe(0);
    t.advance('1s');
    const deleted = t.c.events.filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
    expect(deleted).toEqual([`Deleted pod: ${sick}`]);
    expect(live(t)).toHaveLength(3);
    expect(live(t).every(isPodReady)).toBe(true);
  });

  it('B.6 an unscheduled pod goes before running ones; then the newest', () => {
    const t = clusterOf([deployment('web', { replicas: 3 })]).settle();
    const before = live(t).map((p) => p.metadata.name);
    kubectl(t, 'scale deployment/web --replicas=4');
    t.advance(5); // the ReplicaSet has created the 4th pod; the scheduler has not bound it yet
    const fresh = live(t).find((p) => !before.includes(p.metadata.name));
    expect(fresh?.spec.nodeName).toBeUndefined();
    kubectl(t, 'scale deployment/web --replicas=3');
    t.settle();
    expect(live(t).map((p) => p.metadata.name)).toEqual(before);
    t.advance('30s');
    kubectl(t, 'scale deployment/web --replicas=4');
    t.settle();
    const newest = live(t).find((p) => !before.includes(p.metadata.name))?.metadata.name;
    kubectl(t, 'scale deployment/web --replicas=3');
    t.settle();
    expect(live(t).map((p) => p.metadata.name)).not.toContain(newest);
  });

  it('D.1 relabelling a pod takes it out of the Service; the ReplicaSet releases and replaces it, and re-adopts it when relabelled back', () => {
    const svc = service('web', {
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 8080 }],
    });
    const t = clusterOf([deployment('web', { replicas: 3 }), svc]).settle();
    const isolated = live(t)[0];
    const name = isolated?.metadata.name ?? '';
    expect(kubectl(t, `label pod ${name} app=debug --overwrite`).exitCode).toBe(0);
    t.settle();
    const orphan = t.c.store.get('Pod', `default/${name}`);
    expect(orphan?.metadata.ownerReferences).toBeUndefined();
    expect(isPodReady(orphan as Pod)).toBe(true);
    expect(t.endpoints('web')).not.toContain(isolated?.status.podIP);
    const owned = t.c.store.list('Pod').filter((p) => p.metadata.labels?.app === 'web');
    expect(owned).toHaveLength(3);
    expect(t.endpoints('web')).toHaveLength(3);
    kubectl(t, `label pod ${name} app=web --overwrite`);
    t.settle();
    expect(t.c.store.get('Pod', `default/${name}`)?.metadata.ownerReferences?.[0]?.kind).toBe(
      'ReplicaSet',
    );
    expect(live(t).filter((p) => p.metadata.labels?.app === 'web')).toHaveLength(3);
    expect(t.endpoints('web')).toHaveLength(3);
  });
});
