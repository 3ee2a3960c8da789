// Where things sit on the canvas, in flow coordinates. Pure: slots and boxes only, no React.
// Each pod keeps its slot inside its node's box until it is gone, so nothing jumps around while
// pods come and go; a replacement takes the lowest free slot.

/** Sizes in flow units (React Flow scales them to the screen). */
export const GEOMETRY = {
  podW: 226,
  podH: 104,
  podGap: 12,
  nodePad: 10,
  nodeHeader: 78,
  nodeGap: 28,
  minSlots: 3,
  serviceW: 360,
  serviceH: 186,
  serviceGap: 40,
  rowGap: 76,
} as const;

/** The lane of pods no node has been assigned to yet. */
export const UNSCHEDULED = '';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Pod name per slot, per lane (a node's name, or UNSCHEDULED). */
export type Slots = Readonly<Record<string, readonly (string | null)[]>>;

export interface ClusterLayout {
  nodeOrder: string[];
  nodes: Record<string, Box>;
  pods: Record<string, Box & { lane: string }>;
  serviceOrder: string[];
  services: Record<string, Box>;
  /** The lane of unscheduled pods, when it has any. */
  unscheduled: Box | null;
  bounds: Box;
}

/**
 * Slots after a change: present pods keep their slot; pods that left (or changed lane) free it;
 * newcomers take the lowest free slot of their lane. Returns `prev` itself when nothing moved.
 */
export function assignSlots(
  prev: Slots,
  present: readonly { name: string; lane: string }[],
): Slots {
  const laneOf = new Map(present.map((p) => [p.name, p.lane]));
  const next: Record<string, (string | null)[]> = {};
  let changed = false;
  for (const [lane, slots] of Object.entries(prev)) {
    const kept = slots.map((name) => (name !== null && laneOf.get(name) === lane ? name : null));
    if (kept.some((name, i) => name !== slots[i])) changed = true;
    next[lane] = kept;
  }
  for (const { name, lane } of present) {
    const slots = (next[lane] ??= []);
    if (slots.includes(name)) continue;
    changed = true;
    const free = slots.indexOf(null);
    if (free >= 0) slots[free] = name;
    else slots.push(name);
  }
  for (const [lane, slots] of Object.entries(next)) {
    while (slots.length > 0 && slots[slots.length - 1] === null) slots.pop();
    if (slots.length === 0) delete next[lane];
  }
  if (!changed && Object.keys(next).length === Object.keys(prev).length) return prev;
  return next;
}

/** Boxes for the nodes (a row), their pods (by slot) and the Services (a row above). */
export function computeLayout(
  nodeNames: readonly string[],
  slots: Slots,
  serviceNames: readonly string[],
): ClusterLayout {
  const g = GEOMETRY;
  const nodeW = g.podW + 2 * g.nodePad;
  const slotsShown = Math.max(g.minSlots, ...nodeNames.map((n) => slots[n]?.length ?? 0));
  const nodeH = g.nodeHeader + slotsShown * (g.podH + g.podGap) - g.podGap + g.nodePad;
  const rowW = Math.max(
    nodeNames.length * nodeW + Math.max(0, nodeNames.length - 1) * g.nodeGap,
    serviceNames.length * g.serviceW + Math.max(0, serviceNames.length - 1) * g.serviceGap,
  );
  const nodesY = g.serviceH + g.rowGap;
  const nodes: Record<string, Box> = {};
  const pods: Record<string, Box & { lane: string }> = {};
  const nodesRowW = nodeNames.length * nodeW + Math.max(0, nodeNames.length - 1) * g.nodeGap;
  const nodesX = (rowW - nodesRowW) / 2;
  nodeNames.forEach((name, i) => {
    const box = { x: nodesX + i * (nodeW + g.nodeGap), y: nodesY, w: nodeW, h: nodeH };
    nodes[name] = box;
    (slots[name] ?? []).forEach((pod, slot) => {
      if (pod === null) return;
      pods[pod] = {
        lane: name,
        x: box.x + g.nodePad,
        y: box.y + g.nodeHeader + slot * (g.podH + g.podGap),
        w: g.podW,
        h: g.podH,
      };
    });
  });
  const services: Record<string, Box> = {};
  const servicesRowW =
    serviceNames.length * g.serviceW + Math.max(0, serviceNames.length - 1) * g.serviceGap;
  serviceNames.forEach((name, i) => {
    services[name] = {
      x: (rowW - servicesRowW) / 2 + i * (g.serviceW + g.serviceGap),
      y: 0,
      w: g.serviceW,
      h: g.serviceH,
    };
  });
  // Unscheduled pods wait in a lane left of the nodes, level with them.
  let unscheduled: Box | null = null;
  const waiting = slots[UNSCHEDULED] ?? [];
  if (waiting.length > 0) {
    const h = g.nodeHeader + waiting.length * (g.podH + g.podGap) - g.podGap + g.nodePad;
    unscheduled = { x: nodesX - nodeW - g.nodeGap, y: nodesY, w: nodeW, h };
    waiting.forEach((pod, slot) => {
      if (pod === null || !unscheduled) return;
      pods[pod] = {
        lane: UNSCHEDULED,
        x: unscheduled.x + g.nodePad,
        y: unscheduled.y + g.nodeHeader + slot * (g.podH + g.podGap),
        w: g.podW,
        h: g.podH,
      };
    });
  }
  const left = unscheduled ? unscheduled.x : 0;
  const height = Math.max(nodesY + nodeH, unscheduled ? unscheduled.y + unscheduled.h : 0);
  return {
    nodeOrder: [...nodeNames],
    nodes,
    pods,
    serviceOrder: [...serviceNames],
    services,
    unscheduled,
    bounds: { x: left, y: 0, w: rowW - left, h: height },
  };
}

/** The centre of a box. */
export function center(b: Box): { x: number; y: number } {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}
