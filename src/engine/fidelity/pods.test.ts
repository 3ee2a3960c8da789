// Pods (A.4, B.1–B.4, B.6, D.1): defaults, readiness and its effect on endpoints, crash restarts with
// CrashLoopBackOff, graceful termination with preStop, names and IPs.
import { describe, expect, it } from 'vitest';
import { podStatusText } from '../api/pods';
import type { Pod } from '../api/types';
import { HostLocalIpam } from '../network/ipam';
import type { TestCluster } from '../testing/driver';
import {
  client,
  clusterOf,
  deployment,
  podsOf,
  request,
  requests,
  service,
  type DeployOpts,
} from './harness';

const svc = service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] });

function setup(o: DeployOpts = {}, nodes = 3) {
  const t = clusterOf([deployment('web', o), client('client', 1), svc], { nodes }).settle();
  return { t, from: podsOf(t, 'client')[0]?.metadata.name ?? '' };
}

const pod = (t: TestCluster, name: string): Pod | undefined =>
  t.c.store.list('Pod').find((p) => p.metadata.name === name);

const endpointOf = (t: TestCluster, name: string) =>
  t.c.ctl.sliceIndex
    .slicesFor('default/web')
    .flatMap((s) => s.endpoints)
    .find((e) => e.targetRef?.name === name);

/** Advances 100 ms at a time until `cond` holds; returns the elapsed virtual ms. */
function until(t: TestCluster, cond: () => boolean, limitMs = 120_000): number {
  const start = t.engine.now;
  while (!cond()) {
    if (t.engine.now - start > limitMs) throw new Error('condition never held');
    t.advance(100);
  }
  return t.engine.now - start;
}

describe('B.1 defaults', () => {
  it('B.1 the API server fills grace period 30, restartPolicy Always, ClusterFirst, probe 1/10/1/3', () => {
    const { t } = setup({ readinessProbe: { httpGet: { port: 8080 } } });
    const p = podsOf(t, 'web')[0];
    expect(p?.spec).toMatchObject({
      terminationGracePeriodSeconds: 30,
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
    });
    expect(p?.spec.containers[0]?.readinessProbe).toEqual({
      httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(p?.spec.containers[0]?.imagePullPolicy).toBe('IfNotPresent');
    const latest = setup({ image: 'nginx' }).t;
    expect(podsOf(latest, 'web')[0]?.spec.containers[0]?.imagePullPolicy).toBe('Always');
  });
});

describe('B.1 readiness', () => {
  it('B.1/D.1 Running but not Ready: the endpoint is not ready and gets no traffic', () => {
    // The probe checks a port nobody listens on, so it never passes.
    const { t, from } = setup({ replicas: 1, readinessProbe: { tcpSocket: { port: 9999 } } });
    t.advance('40s');
    const p = podsOf(t, 'web')[0] as Pod;
    expect(podStatusText(p)).toBe('Running');
    expect(p.status.containerStatuses?.[0]?.ready).toBe(false);
    expect(endpointOf(t, p.metadata.name)?.conditions).toEqual({
      ready: false,
      serving: false,
      terminating: false,
    });
    expect(request(t, from, 'http://web').outcome).toBe('refused');
    const unhealthy = t.c.events.filter(
      (e) => e.reason === 'Unhealthy' && e.object === `pod/${p.metadata.name}`,
    );
    expect(unhealthy[0]?.message).toBe(
      `Readiness probe failed: dial tcp ${p.status.podIP}:9999: connect: connection refused`,
    );
  });

  it('B.1 a container without a readinessProbe is Ready as soon as it is Running', () => {
    const { t } = setup();
    const p = podsOf(t, 'web')[0] as Pod;
    const started = p.status.containerStatuses?.[0]?.state.running?.startedAt;
    const ready = p.status.conditions.find((c) => c.type === 'Ready');
    expect(ready?.status).toBe('True');
    expect(ready?.lastTransitionTime).toBe(started);
  });

  it('B.1 initialDelaySeconds: not Ready before the first probe has run', () => {
    const t = clusterOf([
      deployment('web', { readinessProbe: { httpGet: { port: 8080 }, initialDelaySeconds: 5 } }),
    ]);
    const started = () => podsOf(t, 'web')[0]?.status.containerStatuses?.[0]?.state.running;
    until(t, () => started() !== undefined);
    const at = started()?.startedAt ?? 0;
    t.advance(Math.max(0, at + 4900 - t.engine.now));
    expect(podsOf(t, 'web')[0]?.status.conditions.find((c) => c.type === 'Ready')?.status).toBe(
      'False',
    );
    t.advance('600ms');
    const ready = podsOf(t, 'web')[0]?.status.conditions.find((c) => c.type === 'Ready');
    expect(ready?.status).toBe('True');
    expect((ready?.lastTransitionTime ?? 0) - at).toBeGreaterThanOrEqual(5000);
  });

  it('B.1 chaos fail-readiness: NotReady after failureThreshold × periodSeconds, then out of the endpoints', () => {
    for (const [period, threshold] of [
      [10, 3],
      [2, 2],
    ] as const) {
      const probe = { httpGet: { port: 8080 }, periodSeconds: period, failureThreshold: threshold };
      const { t, from } = setup({ replicas: 2, readinessProbe: probe });
      const victim = podsOf(t, 'web')[0]?.metadata.name ?? '';
      t.run(`chaos fail-readiness -l app=web --count 1`);
      const tookMs = until(t, () => endpointOf(t, victim)?.conditions.ready === false);
      // The first failing probe comes within one period; the threshold-th one (threshold-1) periods later.
      expect(tookMs).toBeGreaterThan((threshold - 1) * period * 1000);
      expect(tookMs).toBeLessThanOrEqual(threshold * period * 1000 + 500);
      const failures = t.c.events.filter(
        (e) => e.reason === 'Unhealthy' && e.object === `pod/${victim}`,
      );
      expect(failures).toHaveLength(threshold);
      expect(failures[0]?.message).toBe(
        'Readiness probe failed: HTTP probe failed with statuscode: 503',
      );
      t.advance('2s');
      const rs = requests(t, from, 'http://web', 20);
      expect(rs.every((r) => r.outcome === 'ok' && r.pod !== victim)).toBe(true);
      // pass-readiness: Ready again after successThreshold (1) successful probe.
      t.run('chaos pass-readiness -l app=web');
      expect(until(t, () => endpointOf(t, victim)?.conditions.ready === true)).toBeLessThanOrEqual(
        period * 1000 + 500,
      );
    }
  });
});

describe('B.3 crash and CrashLoopBackOff', () => {
  it('B.3/A.4 the same pod restarts in place: same name, same IP, RESTARTS+1; back-off 0, 10 s, 20 s, 40 s', () => {
    const { t } = setup({ replicas: 1 });
    const p0 = podsOf(t, 'web')[0] as Pod;
    const running = () => podsOf(t, 'web')[0]?.status.containerStatuses?.[0]?.state.running;
    const delays: number[] = [];
    for (let i = 1; i <= 4; i++) {
      expect(t.run('chaos crash -l app=web').exitCode).toBe(0);
      const crashedAt = t.engine.now;
      if (i > 1) {
        t.advance('1s');
        const p = podsOf(t, 'web')[0] as Pod;
        expect(podStatusText(p)).toBe('CrashLoopBackOff');
        const wait = 10 * 2 ** (i - 2);
        expect(p.status.containerStatuses?.[0]?.state.waiting?.message).toBe(
          `back-off ${wait}s restarting failed container=web pod=${p.metadata.name}_default(${p.metadata.uid})`,
        );
      } else expect(podStatusText(podsOf(t, 'web')[0] as Pod)).toBe('Error');
      until(t, () => running() !== undefined);
      delays.push((running()?.startedAt ?? 0) - crashedAt);
      const p = podsOf(t, 'web')[0] as Pod;
      expect(p.metadata.name).toBe(p0.metadata.name);
      expect(p.metadata.uid).toBe(p0.metadata.uid);
      expect(p.status.podIP).toBe(p0.status.podIP);
      expect(p.status.containerStatuses?.[0]?.restartCount).toBe(i);
      expect(p.status.containerStatuses?.[0]?.lastState.terminated).toMatchObject({
        exitCode: 1,
        reason: 'Error',
      });
    }
    const waits = [0, 10_000, 20_000, 40_000];
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(waits[i] ?? 0);
      expect(d).toBeLessThan((waits[i] ?? 0) + 1000);
    });
    expect(t.c.events.some((e) => e.reason === 'BackOff')).toBe(true);
  });

  it('B.3 the back-off resets after the container has run 10 minutes', () => {
    const { t } = setup({ replicas: 1 });
    const running = () => podsOf(t, 'web')[0]?.status.containerStatuses?.[0]?.state.running;
    t.run('chaos crash -l app=web');
    until(t, () => running() !== undefined);
    t.run('chaos crash -l app=web');
    until(t, () => running() !== undefined); // waited 10 s
    t.advance('10m');
    const at = t.engine.now;
    t.run('chaos crash -l app=web');
    until(t, () => running() !== undefined);
    expect((running()?.startedAt ?? 0) - at).toBeLessThan(1000);
  });

  it('B.3 while the container is down its endpoint is not ready and gets no traffic', () => {
    const { t, from } = setup({ replicas: 2 });
    const victim = podsOf(t, 'web')[0]?.metadata.name ?? '';
    const running = () => pod(t, victim)?.status.containerStatuses?.[0]?.state.running;
    expect(t.run('chaos crash -l app=web --count 1').stdout).toBe(`pod/${victim} crashed\n`);
    // The first restart is immediate; a crash of a container that is not running does nothing.
    expect(t.run('chaos crash -l app=web --count 1').stdout).toBe(`pod/${victim} not running\n`);
    until(t, () => running() !== undefined);
    t.run('chaos crash -l app=web --count 1'); // now a 10 s back-off
    t.advance('200ms');
    expect(endpointOf(t, victim)?.conditions.ready).toBe(false);
    t.advance('1500ms'); // every kube-proxy has synced (minSyncPeriod 1 s)
    const rs = requests(t, from, 'http://web', 50, 100);
    expect(rs.every((r) => r.outcome === 'ok' && r.pod !== victim)).toBe(true);
    expect(running()).toBeUndefined();
  });
});

describe('B.3/B.4 more lifecycle', () => {
  it('B.3 the back-off doubles up to the 300 s cap: 0, 10, 20, 40, 80, 160, 300, 300 s', () => {
    const { t } = setup({ replicas: 1 });
    const running = () => podsOf(t, 'web')[0]?.status.containerStatuses?.[0]?.state.running;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      t.run('chaos crash -l app=web');
      const at = t.engine.now;
      until(t, () => running() !== undefined, 400_000);
      waits.push(Math.floor(((running()?.startedAt ?? 0) - at) / 1000));
    }
    expect(waits).toEqual([0, 10, 20, 40, 80, 160, 300, 300]);
  });

  it('B.4/D.1 a new pod is Pending, then ContainerCreating (no IP, no endpoint), then Running', () => {
    const t = clusterOf([deployment('web', { replicas: 1 }), svc]);
    const seen: string[] = [];
    for (let i = 0; i < 400 && !seen.includes('Running'); i++) {
      const p = podsOf(t, 'web')[0];
      if (p) {
        const status = podStatusText(p);
        if (seen[seen.length - 1] !== status) seen.push(status);
        if (!p.status.podIP)
          expect(t.c.ctl.sliceIndex.slicesFor('default/web').flatMap((s) => s.endpoints)).toEqual(
            [],
          );
      }
      t.advance(10);
    }
    expect(seen).toEqual(['Pending', 'ContainerCreating', 'Running']);
  });

  it('D.1 publishNotReadyAddresses: a not-ready pod is still a ready endpoint', () => {
    const probe = { tcpSocket: { port: 9999 } };
    const t = clusterOf([
      deployment('web', { replicas: 1, readinessProbe: probe }),
      service('web', {
        selector: { app: 'web' },
        publishNotReadyAddresses: true,
        ports: [{ port: 80, targetPort: 8080 }],
      }),
    ]).settle();
    t.advance('30s');
    const p = podsOf(t, 'web')[0] as Pod;
    expect(endpointOf(t, p.metadata.name)?.conditions).toEqual({
      ready: true,
      serving: false,
      terminating: false,
    });
  });
});

describe('B.2 graceful termination', () => {
  it('B.2 delete with a preStop sleep: Terminating, endpoint ready=false serving terminating, still answering', () => {
    const { t, from } = setup({ replicas: 2, preStopSleep: 5 });
    const victim = podsOf(t, 'web')[0] as Pod;
    const deletedAt = t.engine.now;
    expect(t.run(`kubectl delete pod ${victim.metadata.name} --wait=false`).exitCode).toBe(0);
    const p = pod(t, victim.metadata.name) as Pod;
    expect(podStatusText(p)).toBe('Terminating');
    expect(p.metadata.deletionTimestamp).toBe(deletedAt);
    expect(p.metadata.deletionGracePeriodSeconds).toBe(30);
    t.advance('1s');
    expect(endpointOf(t, victim.metadata.name)?.conditions).toEqual({
      ready: false,
      serving: true,
      terminating: true,
    });
    // During preStop the container still serves (direct to its IP).
    expect(request(t, from, `http://${victim.status.podIP}:8080`).outcome).toBe('ok');
    // A replacement is created at once (the terminating pod no longer counts as a replica).
    expect(podsOf(t, 'web').filter((x) => !x.metadata.deletionTimestamp)).toHaveLength(2);
    const gone = until(t, () => pod(t, victim.metadata.name) === undefined) + 1000;
    expect(gone).toBeGreaterThanOrEqual(5000);
    expect(gone).toBeLessThan(6000);
    expect(endpointOf(t, victim.metadata.name)).toBeUndefined();
  });

  it('B.2 without preStop: SIGTERM at once, the container stops accepting and the pod goes quickly', () => {
    const { t, from } = setup({ replicas: 2 });
    const victim = podsOf(t, 'web')[0] as Pod;
    t.run(`kubectl delete pod ${victim.metadata.name} --wait=false`);
    t.advance(50);
    expect(request(t, from, `http://${victim.status.podIP}:8080`).outcome).toBe('refused');
    expect(until(t, () => pod(t, victim.metadata.name) === undefined)).toBeLessThan(1000);
  });

  it('B.2 a preStop longer than the grace period gets a one-off 2 s extension, then SIGKILL', () => {
    // (A sleep action longer than the grace period is rejected by validation; an exec sleep is not.)
    const preStop = { exec: { command: ['sh', '-c', 'sleep 60'] } };
    const { t } = setup({ replicas: 1, preStop, grace: 10 });
    const victim = podsOf(t, 'web')[0] as Pod;
    const at = t.engine.now;
    t.run(`kubectl delete pod ${victim.metadata.name} --wait=false`);
    until(t, () => pod(t, victim.metadata.name) === undefined);
    expect(t.engine.now - at).toBeGreaterThanOrEqual(12_000);
    expect(t.engine.now - at).toBeLessThan(12_200);
    const killing = t.c.events.find(
      (e) => e.reason === 'Killing' && e.object === `pod/${victim.metadata.name}`,
    );
    expect(killing?.message).toBe('Stopping container web');
  });
});

describe('B.6 names', () => {
  it('B.6 <deployment>-<pod-template-hash>-<5 chars>; the hash labels the RS selector and the pods', () => {
    const { t } = setup({ replicas: 3 });
    const rs = t.c.store.list('ReplicaSet').find((r) => r.metadata.name.startsWith('web-'));
    const hash = rs?.metadata.labels?.['pod-template-hash'] ?? '';
    expect(hash).toMatch(/^[4-9bcdf]{9,10}$/);
    expect(rs?.metadata.name).toBe(`web-${hash}`);
    expect(rs?.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    for (const p of podsOf(t, 'web')) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.generateName).toBe(`web-${hash}-`);
      expect(p.metadata.labels?.['pod-template-hash']).toBe(hash);
    }
    const slice = t.c.ctl.sliceIndex.slicesFor('default/web')[0];
    expect(slice?.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice?.metadata.labels).toMatchObject({
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
  });
});

describe('A.4 pod IPs', () => {
  it('A.4 each node hands out its /24 from .2; a replacement pod gets a new, higher IP', () => {
    const { t } = setup({ replicas: 1 }, 1);
    const ips = () => podsOf(t, 'web').map((p) => p.status.podIP);
    const first = ips()[0] ?? '';
    expect(first).toMatch(/^10\.244\.0\.[23]$/); // the client may have taken .2
    const seen = [first];
    for (let i = 0; i < 4; i++) {
      t.run('chaos kill-pod -l app=web');
      t.settle();
      const ip = ips()[0] ?? '';
      expect(seen).not.toContain(ip);
      expect(Number(ip.split('.')[3])).toBeGreaterThan(
        Number(seen[seen.length - 1]?.split('.')[3]),
      );
      seen.push(ip);
    }
  });

  it('A.4 host-local: freed addresses are not reused until the range wraps', () => {
    const ipam = new HostLocalIpam((10 << 24) + (244 << 16));
    expect(ipam.gateway).toBe('10.244.0.1');
    const a = ipam.allocate();
    expect(a).toBe('10.244.0.2');
    ipam.release(a ?? '');
    expect(ipam.allocate()).toBe('10.244.0.3');
    for (let i = 4; i <= 254; i++) expect(ipam.allocate()).toBe(`10.244.0.${i}`);
    expect(ipam.allocate()).toBe('10.244.0.2'); // wrapped: .2 was freed
    expect(ipam.allocate()).toBeNull(); // full
  });
});
