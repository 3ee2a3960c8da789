import { describe, expect, it } from 'vitest';
import {
  assignSlots,
  chooseDensity,
  computeLayout,
  POD_GEOMETRY,
  serviceHeight,
  UNSCHEDULED,
} from './layout';

describe('assignSlots', () => {
  it('keeps a pod in its slot while others come and go; a newcomer takes the lowest free slot', () => {
    let slots = assignSlots({}, [
      { name: 'a', lane: 'node-1' },
      { name: 'b', lane: 'node-1' },
      { name: 'c', lane: 'node-1' },
    ]);
    expect(slots['node-1']).toEqual(['a', 'b', 'c']);
    slots = assignSlots(slots, [
      { name: 'b', lane: 'node-1' },
      { name: 'c', lane: 'node-1' },
    ]);
    expect(slots['node-1']).toEqual([null, 'b', 'c']);
    slots = assignSlots(slots, [
      { name: 'b', lane: 'node-1' },
      { name: 'c', lane: 'node-1' },
      { name: 'd', lane: 'node-1' },
    ]);
    expect(slots['node-1']).toEqual(['d', 'b', 'c']);
  });

  it('returns the same object when nothing changed', () => {
    const slots = assignSlots({}, [{ name: 'a', lane: 'node-1' }]);
    expect(assignSlots(slots, [{ name: 'a', lane: 'node-1' }])).toBe(slots);
  });

  it('moves a pod from the unscheduled lane to its node and drops empty lanes', () => {
    let slots = assignSlots({}, [{ name: 'p', lane: UNSCHEDULED }]);
    slots = assignSlots(slots, [{ name: 'p', lane: 'node-2' }]);
    expect(slots).toEqual({ 'node-2': ['p'] });
  });
});

describe('computeLayout', () => {
  it('places the DNS and the Services above the nodes, and pods inside their node by slot', () => {
    const layout = computeLayout({
      nodes: ['node-1', 'node-2'],
      slots: { 'node-1': ['a', null, 'c'], 'node-2': ['b'] },
      services: [{ name: 'svc', h: 200 }],
    });
    const n1 = layout.nodes['node-1'];
    const n2 = layout.nodes['node-2'];
    const svc = layout.services.svc;
    const a = layout.pods.a;
    const c = layout.pods.c;
    if (!n1 || !n2 || !svc || !a || !c) throw new Error('missing boxes');
    expect(n2.x).toBeGreaterThan(n1.x + n1.w);
    expect(svc.y + svc.h).toBeLessThan(n1.y);
    expect(layout.dns.y + layout.dns.h).toBeLessThan(n1.y);
    expect(layout.dns.x + layout.dns.w).toBeLessThan(svc.x);
    expect(a.x).toBeGreaterThan(n1.x);
    expect(a.x + a.w).toBeLessThan(n1.x + n1.w);
    const full = POD_GEOMETRY.full;
    expect(c.y - a.y).toBe(2 * (full.h + full.gap));
    expect(c.y + c.h).toBeLessThanOrEqual(n1.y + n1.h);
    expect(layout.pods.b?.lane).toBe('node-2');
    expect(layout.unscheduled).toBeNull();
    // Each node's kube-proxy strip sits in its header, above its pods.
    const rules = layout.rules['node-1'];
    expect(rules && rules.y > n1.y && rules.y + rules.h < a.y).toBe(true);
  });

  it('wraps 8 nodes into a grid, compact cards two to a row, and stays put as pods leave', () => {
    const nodes = Array.from({ length: 8 }, (_, i) => `node-${i + 1}`);
    const slots = Object.fromEntries(
      nodes.map((n) => [n, Array.from({ length: 7 }, (_, i) => `${n}-p${i}`)]),
    );
    const layout = computeLayout({ nodes, slots, services: [], density: 'compact' });
    const rows = new Set(Object.values(layout.nodes).map((b) => b.y));
    expect(rows.size).toBeGreaterThan(1);
    expect(layout.bounds.w / layout.bounds.h).toBeLessThan(3);
    const p0 = layout.pods['node-1-p0'];
    const p1 = layout.pods['node-1-p1'];
    expect(p1?.y).toBe(p0?.y);
    expect(p1?.x).toBeGreaterThan(p0?.x ?? 0);
    // The last slot empties: with the high-water room, every box keeps its place.
    const fewer = { ...slots, 'node-1': [...(slots['node-1'] ?? []).slice(0, 6)] };
    const room = Object.fromEntries(nodes.map((n) => [n, 7]));
    const after = computeLayout({ nodes, slots: fewer, room, services: [], density: 'compact' });
    expect(after.nodes).toEqual(layout.nodes);
    expect(after.pods['node-8-p6']).toEqual(layout.pods['node-8-p6']);
  });

  it('switches density with some slack, so a pod more or less does not flip it', () => {
    expect(chooseDensity(6, 'full')).toBe('full');
    expect(chooseDensity(50, 'full')).toBe('compact');
    expect(chooseDensity(20, 'compact')).toBe('compact');
    expect(chooseDensity(10, 'compact')).toBe('full');
    expect(chooseDensity(500, 'compact')).toBe('aggregate');
    expect(chooseDensity(150, 'aggregate')).toBe('aggregate');
  });

  it('makes room for a load balancer row and up to four rows of endpoint chips', () => {
    expect(serviceHeight(4, 3)).toBeGreaterThan(serviceHeight(3, 3));
    expect(serviceHeight(3, 7)).toBeGreaterThan(serviceHeight(3, 3));
    expect(serviceHeight(3, 500)).toBe(serviceHeight(3, 12));
  });
});
