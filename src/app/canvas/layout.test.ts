import { describe, expect, it } from 'vitest';
import { assignSlots, computeLayout, GEOMETRY, UNSCHEDULED } from './layout';

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
  it('places the Services above a row of nodes and pods inside their node by slot', () => {
    const layout = computeLayout(
      ['node-1', 'node-2'],
      { 'node-1': ['a', null, 'c'], 'node-2': ['b'] },
      ['svc'],
    );
    const n1 = layout.nodes['node-1'];
    const n2 = layout.nodes['node-2'];
    const svc = layout.services.svc;
    const a = layout.pods.a;
    const c = layout.pods.c;
    if (!n1 || !n2 || !svc || !a || !c) throw new Error('missing boxes');
    expect(n2.x).toBeGreaterThan(n1.x + n1.w);
    expect(svc.y + svc.h).toBeLessThan(n1.y);
    expect(a.x).toBeGreaterThan(n1.x);
    expect(a.x + a.w).toBeLessThan(n1.x + n1.w);
    expect(c.y - a.y).toBe(2 * (GEOMETRY.podH + GEOMETRY.podGap));
    expect(c.y + c.h).toBeLessThanOrEqual(n1.y + n1.h);
    expect(layout.pods.b?.lane).toBe('node-2');
    expect(layout.unscheduled).toBeNull();
  });
});
