import { describe, expect, it } from 'vitest';
import type { ClusterView, PodView, RequestRecord } from '../../engine/index';
import type { Frame } from '../../worker/client';
import { MAX_PACKETS } from '../canvas/packets';
import { emptyMirror, mergeFrame, sweep } from './mirror';
import { GHOST_MS } from './mirrorPods';
import { MAX_EVENTS } from './traceNotes';
import { packetBudget, samplePackets } from './packetFeed';
import { podGroup } from './podMemory';

function pod(name: string, ip: string | null, over: Partial<PodView> = {}): PodView {
  return {
    uid: `uid-${name}`,
    name,
    namespace: 'default',
    labels: { app: 'backend', 'pod-template-hash': 'abc12' },
    ip,
    node: 'node-1',
    status: 'Running',
    ready: true,
    readyText: '1/1',
    restarts: 0,
    createdAt: 0,
    deletedAt: null,
    terminating: false,
    owner: 'backend-abc12',
    ports: [8080],
    ...over,
  };
}

function view(t: number, pods: PodView[]): ClusterView {
  return {
    t,
    proxyMode: 'iptables',
    dnsIP: '10.96.0.10',
    proxyVersion: 1,
    nodes: [
      {
        name: 'node-1',
        ip: '172.18.0.2',
        ready: true,
        failed: false,
        podCIDR: '10.244.0.0/24',
        unschedulable: false,
        proxy: { syncedVersion: 1, behind: false, lastSyncAt: 0, lastSyncDurationMs: 0, syncs: 1 },
      },
    ],
    pods,
    services: [
      {
        name: 'backend-service',
        namespace: 'default',
        type: 'ClusterIP',
        clusterIP: '10.96.0.20',
        externalIP: null,
        selector: { app: 'backend' },
        ports: [{ name: '', port: 80, targetPort: 8080, nodePort: null, protocol: 'TCP' }],
        readyEndpoints: pods.length,
      },
    ],
    deployments: [],
    endpointSlices: [],
  };
}

function frame(t: number, pods: PodView[], requests: RequestRecord[] = [], reset = false): Frame {
  return { now: t, view: view(t, pods), requests, events: [], reset };
}

function request(
  id: number,
  podName: string | null,
  outcome: RequestRecord['outcome'],
): RequestRecord {
  return {
    id,
    t: id,
    from: 'client-1',
    fromNode: 'node-1',
    url: 'http://backend-service',
    resolved: '10.96.0.20',
    dst: '10.244.0.3:8080',
    pod: podName,
    podNode: 'node-1',
    service: 'default/backend-service',
    outcome,
    latencyMs: 1,
    hops: [],
    generator: 'g',
  };
}

const opts = (wall: number) => ({ wall, packetMs: 900 });

describe('mergeFrame', () => {
  it('pairs a replacement even when the old pod vanished in the same frame (a forced delete)', () => {
    const old = pod('backend-abc12-aaaaa', '10.244.0.3', { createdAt: 10 });
    const other = pod('backend-abc12-ccccc', '10.244.0.5', { createdAt: 10 });
    let m = mergeFrame(emptyMirror(), frame(1000, [old, other], [], true), opts(0));
    // A 10 s frame (100x): the pod was removed at ~1500 and its replacement made at ~1510.
    m = mergeFrame(
      m,
      frame(11_000, [other, pod('backend-abc12-bbbbb', '10.244.0.4', { createdAt: 1510 })]),
      opts(20),
    );
    expect(m.replacements['backend-abc12-bbbbb']).toMatchObject({ oldIp: '10.244.0.3' });
    expect(m.replacements['backend-abc12-ccccc']).toBeUndefined();
  });

  it('does not pair pods of other Deployments', () => {
    const old = pod('backend-abc12-aaaaa', '10.244.0.3');
    let m = mergeFrame(emptyMirror(), frame(1000, [old], [], true), opts(0));
    const web = pod('web-xyz99-qqqqq', '10.244.0.9', {
      createdAt: 1100,
      owner: 'web-xyz99',
      labels: { app: 'web', 'pod-template-hash': 'xyz99' },
    });
    m = mergeFrame(m, frame(1200, [web]), opts(10));
    expect(m.replacements).toEqual({});
  });

  it('pairs a replacement with the pod it replaced and remembers the old IP', () => {
    const old = pod('backend-abc12-aaaaa', '10.244.0.3');
    let m = mergeFrame(emptyMirror(), frame(1000, [old], [], true), opts(0));
    m = mergeFrame(
      m,
      frame(1100, [{ ...old, terminating: true, status: 'Terminating' }]),
      opts(10),
    );
    m = mergeFrame(
      m,
      frame(1200, [
        { ...old, terminating: true, status: 'Terminating' },
        pod('backend-abc12-bbbbb', '10.244.0.4', { createdAt: 1150 }),
      ]),
      opts(20),
    );
    expect(m.replacements['backend-abc12-bbbbb']).toMatchObject({
      oldName: 'backend-abc12-aaaaa',
      oldIp: '10.244.0.3',
    });
  });

  it('keeps a gone pod as a fading ghost in its slot, then frees the slot', () => {
    const a = pod('backend-abc12-aaaaa', '10.244.0.3');
    const b = pod('backend-abc12-bbbbb', '10.244.0.4');
    let m = mergeFrame(emptyMirror(), frame(1000, [a, b], [], true), opts(0));
    expect(m.slots['node-1']).toEqual([a.name, b.name]);
    m = mergeFrame(m, frame(1100, [b]), opts(100));
    expect(Object.keys(m.ghosts)).toEqual([a.name]);
    expect(m.layout.pods[a.name]).toBeDefined();
    m = sweep(m, 100 + GHOST_MS, 1100);
    expect(m.ghosts).toEqual({});
    expect(m.slots['node-1']).toEqual([null, b.name]);
    expect(m.layout.pods[a.name]).toBeUndefined();
  });

  it('counts answers per backend pod and outcomes per client', () => {
    const a = pod('backend-abc12-aaaaa', '10.244.0.3');
    const reqs = [request(1, a.name, 'ok'), request(2, a.name, 'ok'), request(3, null, 'timeout')];
    const m = mergeFrame(emptyMirror(), frame(1000, [a], reqs, true), opts(0));
    expect(m.hits).toEqual({ [a.name]: 2 });
    expect(m.clients['client-1']).toEqual({ ok: 2, failed: 1, last: 'timeout' });
    expect(m.packets.map((p) => p.outcome)).toEqual(['ok', 'ok', 'timeout']);
  });

  it('caps packets and events, dropping the oldest', () => {
    const a = pod('backend-abc12-aaaaa', '10.244.0.3');
    const reqs = Array.from({ length: MAX_PACKETS + 50 }, (_, i) => request(i + 1, a.name, 'ok'));
    const events = Array.from({ length: MAX_EVENTS + 5 }, (_, i) => ({
      t: i,
      type: 'Normal' as const,
      reason: 'Test',
      object: 'pod/x',
      message: `event ${i}`,
      namespace: 'default',
      source: 'test',
      code: 'test',
      params: {},
    }));
    const first = mergeFrame(
      emptyMirror(),
      { ...frame(10_000, [a], reqs.slice(0, 150), true), events },
      opts(0),
    );
    const m = mergeFrame(first, frame(20_000, [a], reqs.slice(150)), opts(0));
    expect(m.packets).toHaveLength(MAX_PACKETS);
    expect(m.packets[0]?.id).toBe(51);
    expect(m.events).toHaveLength(MAX_EVENTS);
    expect(m.events.at(-1)?.message).toBe(`event ${MAX_EVENTS + 4}`);
    expect(m.hits[a.name]).toBe(MAX_PACKETS + 50);
  });

  it('keeps unchanged pods as the same objects (narrow re-renders)', () => {
    const a = pod('backend-abc12-aaaaa', '10.244.0.3');
    const m1 = mergeFrame(emptyMirror(), frame(1000, [a], [], true), opts(0));
    const m2 = mergeFrame(m1, frame(1100, [{ ...a }]), opts(0));
    expect(m2.pods).toBe(m1.pods);
    expect(m2.layout).toBe(m1.layout);
  });
});

describe('samplePackets', () => {
  it('draws about MAX_PACKETS in flight: the whole frame at 1×, a sample at high speed', () => {
    expect(packetBudget(100, 900)).toBeGreaterThanOrEqual(8);
    expect(packetBudget(10_000, 20_000)).toBe(MAX_PACKETS / 2);
  });

  it('keeps failures first and spreads the rest evenly, in time order', () => {
    const reqs = Array.from({ length: 100 }, (_, i) =>
      request(i + 1, 'p', i % 25 === 0 ? 'timeout' : 'ok'),
    );
    const picked = samplePackets(reqs, 20);
    expect(picked).toHaveLength(20);
    expect(picked.filter((r) => r.outcome === 'timeout')).toHaveLength(4);
    expect(picked.map((r) => r.t)).toEqual([...picked.map((r) => r.t)].sort((a, b) => a - b));
    expect((picked.at(-1)?.t ?? 0) - (picked[0]?.t ?? 0)).toBeGreaterThan(80);
    expect(samplePackets(reqs.slice(0, 5), 20)).toHaveLength(5);
  });
});

describe('podGroup', () => {
  it('is the ReplicaSet name without the pod-template-hash', () => {
    expect(podGroup(pod('backend-abc12-x', null))).toBe('backend');
    expect(podGroup({ name: 'solo', owner: null, labels: {} })).toBe('solo');
  });
});
