import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../engine/index';
import { computeLayout, center, type Box } from './layout';
import { dataplanePath, packetDuration, packetPath, pointAt } from './packets';

const layout = computeLayout({
  nodes: ['node-1', 'node-2'],
  slots: { 'node-1': ['client', 'backend-a'], 'node-2': ['backend-b'] },
  services: [{ name: 'svc', h: 200 }],
});
const boxes: Record<string, Box> = {};
for (const [name, b] of Object.entries(layout.pods)) boxes[name] = b;
const ips: Record<string, string> = { '10.244.0.3': 'backend-a', '10.244.1.2': 'backend-b' };
const gone = new Set(['backend-a']);
const ctx = {
  layout,
  boxForIp: (ip: string) => {
    const name = ips[ip] ?? '';
    const box = boxes[name];
    return box ? { box, gone: gone.has(name) } : null;
  },
};

function req(over: Partial<RequestRecord>): RequestRecord {
  return {
    id: 1,
    t: 0,
    from: 'client',
    fromNode: 'node-1',
    url: 'http://svc',
    resolved: '10.96.0.20',
    dst: '10.244.1.2:8080',
    pod: 'backend-b',
    podNode: 'node-2',
    service: 'default/svc',
    outcome: 'ok',
    latencyMs: 1,
    hops: [
      {
        kind: 'proxy',
        node: 'node-1',
        mode: 'iptables',
        service: 'default/svc',
        chains: [],
        verdict: 'dnat',
        endpoint: '10.244.1.2:8080',
        masquerade: false,
        stale: false,
      },
    ],
    generator: 'g',
    ...over,
  };
}

describe('packetPath', () => {
  it('goes client → Service → the backend that answered', () => {
    const { points, failed } = packetPath(req({}), ctx);
    expect(failed).toBe(false);
    expect(points).toHaveLength(3);
    expect(points[0]).toEqual(center(layout.pods.client as Box));
    expect(points[2]).toEqual(center(layout.pods['backend-b'] as Box));
  });

  it('stops at the Service when no endpoint was chosen', () => {
    const r = req({ outcome: 'refused', pod: null, dst: '10.96.0.20:80' });
    r.hops = [
      {
        ...(r.hops[0] as Extract<RequestRecord['hops'][number], { kind: 'proxy' }>),
        verdict: 'reject',
      },
    ];
    const { points, failed } = packetPath(r, ctx);
    expect(failed).toBe(true);
    expect(points).toHaveLength(2);
  });

  it('goes straight to a pod IP without a Service, and fails where a gone pod was', () => {
    const r = req({
      service: null,
      url: 'http://10.244.0.3:8080',
      resolved: '10.244.0.3',
      dst: '10.244.0.3:8080',
      pod: null,
      outcome: 'timeout',
      hops: [],
    });
    const { points, failed, goneIp } = packetPath(r, ctx);
    expect(failed).toBe(true);
    expect(goneIp).toBe('10.244.0.3');
    expect(points).toEqual([
      center(layout.pods.client as Box),
      center(layout.pods['backend-a'] as Box),
    ]);
  });

  it('fails next to the client when the name does not resolve', () => {
    const r = req({
      outcome: 'nxdomain',
      resolved: null,
      dst: null,
      pod: null,
      service: null,
      hops: [],
    });
    const { points, failed } = packetPath(r, ctx);
    expect(failed).toBe(true);
    expect(points).toHaveLength(2);
    expect(points[1]?.x).toBe(points[0]?.x);
  });
});

describe('dataplanePath', () => {
  const dns = { kind: 'dns' as const, queries: [] };
  it('asks the DNS, comes back, meets the rules on its own node (DNAT), crosses to the backend', () => {
    const r = req({});
    r.hops = [
      dns,
      ...r.hops,
      { kind: 'net', fromNode: 'node-1', toNode: 'node-2', dst: '10.244.1.2:8080' },
      { kind: 'pod', pod: 'backend-b', node: 'node-2', result: 'answered' },
    ];
    const { points, why } = dataplanePath(r, ctx);
    const start = center(layout.pods.client as Box);
    expect(why).toBeNull();
    expect(points[0]).toEqual(start);
    expect(points[1]?.y).toBeLessThan(start.y); // up to the DNS box
    expect(points[1]?.x).toBe(layout.dns.x + layout.dns.w / 2);
    expect(points[2]).toEqual(start);
    expect(points[3]).toEqual(center(layout.rules['node-1'] as Box));
    expect(points[4]).toEqual(center(layout.pods['backend-b'] as Box));
  });

  it('ends in the rules of the client node with the verdict when kube-proxy rejects or drops', () => {
    for (const verdict of ['reject', 'drop'] as const) {
      const r = req({ outcome: verdict === 'reject' ? 'refused' : 'timeout', pod: null });
      r.hops = [
        dns,
        { ...(r.hops[0] as Extract<RequestRecord['hops'][number], { kind: 'proxy' }>), verdict },
      ];
      const { points, why } = dataplanePath(r, ctx);
      expect(why).toBe(verdict);
      expect(points[points.length - 1]).toEqual(center(layout.rules['node-1'] as Box));
    }
  });

  it('from outside: enters the node it was sent to (NodePort), no DNS', () => {
    const ext = computeLayout({
      nodes: ['node-1', 'node-2'],
      slots: { 'node-2': ['backend-b'] },
      services: [{ name: 'svc', h: 200 }],
      external: true,
    });
    const r = req({
      from: 'external',
      fromNode: null,
      resolved: '172.18.0.3',
      url: 'http://172.18.0.3:30080',
    });
    r.hops = [
      {
        ...(r.hops[0] as Extract<RequestRecord['hops'][number], { kind: 'proxy' }>),
        node: 'node-2',
        masquerade: true,
      },
      { kind: 'pod', pod: 'backend-b', node: 'node-2', result: 'answered' },
    ];
    const { points } = dataplanePath(r, {
      ...ctx,
      layout: ext,
      isNodeIp: (ip) => ip === '172.18.0.3',
    });
    expect(points[0]).toEqual(center(ext.external as Box));
    expect(points[1]).toEqual(center(ext.rules['node-2'] as Box));
    expect(points[2]).toEqual(center(ext.pods['backend-b'] as Box));
  });

  it('stops at the client after an NXDOMAIN', () => {
    const r = req({
      outcome: 'nxdomain',
      resolved: null,
      dst: null,
      pod: null,
      service: null,
      hops: [dns],
    });
    const { points, why } = dataplanePath(r, ctx);
    expect(why).toBe('nxdomain');
    expect(points[points.length - 1]).toEqual(center(layout.pods.client as Box));
  });
});

describe('pointAt', () => {
  it('interpolates by length along the path', () => {
    const path = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 30 },
    ];
    expect(pointAt(path, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAt(path, 0.25)).toEqual({ x: 10, y: 0 });
    expect(pointAt(path, 0.5)).toEqual({ x: 10, y: 10 });
    expect(pointAt(path, 1)).toEqual({ x: 10, y: 30 });
    expect(pointAt(path, 2)).toEqual({ x: 10, y: 30 });
  });
});

describe('packetDuration', () => {
  it('is 0.9 s of virtual time at low speeds and never under 0.2 s of wall time', () => {
    expect(packetDuration(1)).toBe(900);
    expect(packetDuration(0.1)).toBe(900);
    expect(packetDuration(100) / 100).toBe(200);
  });
});
