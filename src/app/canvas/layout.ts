// Where things sit on the canvas, in flow coordinates. Pure: slots and boxes only, no React.
// Each pod keeps its slot inside its node's box until it is gone, so nothing jumps around while
// pods come and go; a replacement takes the lowest free slot. Node boxes wrap into a grid whose
// shape depends only on the number of nodes, and boxes only grow (the mirror keeps high-water
// marks), so a pod leaving never moves anything else. Three densities: full cards, compact cards
// (two columns per node) and, for hundreds of pods, an aggregate per node (counts and a compact
// grid of cells).

/** How much each pod gets: a full card, a compact card, or a cell of a node's pod grid. */
export type Density = 'full' | 'compact' | 'aggregate';

/** Sizes in flow units (React Flow scales them to the screen). */
export const GEOMETRY = {
  nodePad: 10,
  /** Node name, addresses, and the kube-proxy strip (full cards; smaller densities: 108). */
  nodeHeader: 150,
  nodeHeaderSmall: 108,
  nodeGap: 28,
  rowGap: 76,
  serviceW: 360,
  serviceGap: 40,
  dnsW: 300,
  dnsH: 168,
  externalW: 240,
  externalH: 132,
  /** Aggregate mode: the counts above the pod grid, and one grid cell. */
  summaryH: 86,
  cell: 14,
  cellCols: 16,
} as const;

/** Pod boxes per density: size, gaps, columns per node, and the slots a node shows at least. */
export const POD_GEOMETRY: Record<
  Density,
  { w: number; h: number; gap: number; cols: number; minSlots: number }
> = {
  full: { w: 226, h: 104, gap: 12, cols: 1, minSlots: 3 },
  compact: { w: 150, h: 50, gap: 6, cols: 2, minSlots: 4 },
  aggregate: { w: 12, h: 12, gap: 2, cols: 16, minSlots: 32 },
};

/** Pods at which the canvas switches density (up), and back (down): some slack against flapping. */
export const DENSITY_UP = { compact: 24, aggregate: 160 } as const;
export const DENSITY_DOWN = { full: 18, compact: 120 } as const;

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

export interface ServiceSlot {
  name: string;
  /** Height the Service box needs (serviceHeight). */
  h: number;
}

export interface LayoutInput {
  nodes: readonly string[];
  slots: Slots;
  /** Slots each node box makes room for (a high-water mark of its pods). */
  room?: Readonly<Record<string, number>>;
  services: readonly ServiceSlot[];
  density?: Density;
  /** Draw the box of clients outside the cluster (NodePort / LoadBalancer traffic). */
  external?: boolean;
}

export interface ClusterLayout {
  density: Density;
  nodeOrder: string[];
  nodes: Record<string, Box>;
  /** Each node's kube-proxy strip (where DNAT happens in the data-plane view). */
  rules: Record<string, Box>;
  pods: Record<string, Box & { lane: string }>;
  serviceOrder: string[];
  services: Record<string, Box>;
  /** The cluster DNS (CoreDNS behind the kube-dns Service). */
  dns: Box;
  /** Clients outside the cluster, when drawn. */
  external: Box | null;
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
  const index = new Map<string, Set<string>>();
  for (const [lane, slots] of Object.entries(next))
    index.set(lane, new Set(slots.filter((n): n is string => n !== null)));
  for (const { name, lane } of present) {
    const slots = (next[lane] ??= []);
    const names = index.get(lane) ?? new Set<string>();
    index.set(lane, names);
    if (names.has(name)) continue;
    changed = true;
    names.add(name);
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

/** The density for `pods` pods, given the current one (hysteresis). */
export function chooseDensity(pods: number, prev: Density): Density {
  if (pods > DENSITY_UP.aggregate) return 'aggregate';
  if (prev === 'aggregate') return pods <= DENSITY_DOWN.compact ? 'compact' : 'aggregate';
  if (pods > DENSITY_UP.compact) return 'compact';
  if (prev === 'compact') return pods <= DENSITY_DOWN.full ? 'full' : 'compact';
  return 'full';
}

/** Height of a node box's header (name, addresses, kube-proxy strip) at a density. */
export function nodeHeader(d: Density): number {
  return d === 'full' ? GEOMETRY.nodeHeader : GEOMETRY.nodeHeaderSmall;
}

/** Where the kube-proxy strip sits in a node box's header: offset from its top, and height. */
export function rulesStrip(d: Density): { y: number; h: number } {
  return d === 'full' ? { y: 92, h: 48 } : { y: 60, h: 40 };
}

/** Inner width of a node box at a density. */
function nodeWidth(d: Density): number {
  const p = POD_GEOMETRY[d];
  return 2 * GEOMETRY.nodePad + p.cols * p.w + (p.cols - 1) * p.gap;
}

/** Where slot `i` sits inside a node box (relative to its top-left corner). */
export function slotOffset(d: Density, i: number): { x: number; y: number } {
  const p = POD_GEOMETRY[d];
  const top = nodeHeader(d) + (d === 'aggregate' ? GEOMETRY.summaryH : 0);
  return {
    x: GEOMETRY.nodePad + (i % p.cols) * (p.w + p.gap),
    y: top + Math.floor(i / p.cols) * (p.h + p.gap),
  };
}

/**
 * How many node boxes per row: the grid whose shape is closest to a wide screen (about 16:9),
 * from the number of nodes and the density only (never from how many pods there are).
 */
export function nodeColumns(count: number, d: Density): number {
  if (count <= 1) return 1;
  const p = POD_GEOMETRY[d];
  const w = nodeWidth(d) + GEOMETRY.nodeGap;
  const rowsPerNode = d === 'full' ? 4 : d === 'compact' ? 4 : 3;
  const h =
    nodeHeader(d) + (d === 'aggregate' ? GEOMETRY.summaryH : 0) + rowsPerNode * (p.h + p.gap);
  const target = 1.9;
  let best = count;
  let bestScore = Infinity;
  for (let cols = 1; cols <= count; cols++) {
    const rows = Math.ceil(count / cols);
    const aspect = (cols * w) / (rows * (h + GEOMETRY.rowGap) + 200);
    const score = Math.abs(Math.log(aspect / target)) + (rows * cols - count) * 0.02;
    if (score < bestScore) {
      bestScore = score;
      best = cols;
    }
  }
  return best;
}

/** Boxes for the Services and DNS (a row on top), the node grid, and the pods by slot. */
export function computeLayout(input: LayoutInput): ClusterLayout {
  const g = GEOMETRY;
  const d = input.density ?? 'full';
  const pg = POD_GEOMETRY[d];
  const nodeNames = input.nodes;
  const nodeW = nodeWidth(d);
  const room = input.room ?? {};
  const most = Math.max(
    pg.minSlots,
    ...nodeNames.map((n) => Math.max(input.slots[n]?.length ?? 0, room[n] ?? 0)),
  );
  const rowsOfPods = Math.ceil(most / pg.cols);
  const top = nodeHeader(d) + (d === 'aggregate' ? g.summaryH : 0);
  const nodeH = top + rowsOfPods * (pg.h + pg.gap) - pg.gap + g.nodePad;

  // The top row: outside clients, the cluster DNS, then the Services.
  const topItems: { id: string; w: number; h: number }[] = [];
  if (input.external) topItems.push({ id: 'external', w: g.externalW, h: g.externalH });
  topItems.push({ id: 'dns', w: g.dnsW, h: g.dnsH });
  for (const s of input.services) topItems.push({ id: `svc:${s.name}`, w: g.serviceW, h: s.h });
  const topRowW = topItems.reduce((n, it) => n + it.w, 0) + (topItems.length - 1) * g.serviceGap;
  const topRowH = Math.max(...topItems.map((it) => it.h));

  const cols = Math.max(1, Math.min(nodeNames.length, nodeColumns(nodeNames.length, d)));
  const gridW = nodeNames.length === 0 ? 0 : cols * nodeW + (cols - 1) * g.nodeGap;
  const width = Math.max(gridW, topRowW);
  const nodesY = topRowH + g.rowGap;
  const gridX = (width - gridW) / 2;

  const nodes: Record<string, Box> = {};
  const rules: Record<string, Box> = {};
  const pods: Record<string, Box & { lane: string }> = {};
  const place = (lane: string, box: Box) => {
    (input.slots[lane] ?? []).forEach((pod, slot) => {
      if (pod === null) return;
      const o = slotOffset(d, slot);
      pods[pod] = { lane, x: box.x + o.x, y: box.y + o.y, w: pg.w, h: pg.h };
    });
  };
  nodeNames.forEach((name, i) => {
    const box = {
      x: gridX + (i % cols) * (nodeW + g.nodeGap),
      y: nodesY + Math.floor(i / cols) * (nodeH + g.rowGap),
      w: nodeW,
      h: nodeH,
    };
    nodes[name] = box;
    const strip = rulesStrip(d);
    rules[name] = {
      x: box.x + g.nodePad,
      y: box.y + strip.y,
      w: nodeW - 2 * g.nodePad,
      h: strip.h,
    };
    place(name, box);
  });

  const services: Record<string, Box> = {};
  let dns: Box = { x: 0, y: 0, w: g.dnsW, h: g.dnsH };
  let external: Box | null = null;
  let x = (width - topRowW) / 2;
  for (const it of topItems) {
    const box = { x, y: topRowH - it.h, w: it.w, h: it.h };
    if (it.id === 'dns') dns = box;
    else if (it.id === 'external') external = box;
    else services[it.id.slice(4)] = box;
    x += it.w + g.serviceGap;
  }

  // Unscheduled pods wait in a lane left of the nodes, level with the first row.
  let unscheduled: Box | null = null;
  const waiting = input.slots[UNSCHEDULED] ?? [];
  if (waiting.length > 0) {
    const h = top + Math.ceil(waiting.length / pg.cols) * (pg.h + pg.gap) - pg.gap + g.nodePad;
    unscheduled = { x: gridX - nodeW - g.nodeGap, y: nodesY, w: nodeW, h };
    place(UNSCHEDULED, unscheduled);
  }
  const rowsOfNodes = Math.ceil(nodeNames.length / cols);
  const gridBottom = nodesY + rowsOfNodes * (nodeH + g.rowGap) - g.rowGap;
  const left = Math.min(0, unscheduled ? unscheduled.x : 0);
  const bottom = Math.max(
    nodeNames.length > 0 ? gridBottom : topRowH,
    unscheduled ? unscheduled.y + unscheduled.h : 0,
  );
  return {
    density: d,
    nodeOrder: [...nodeNames],
    nodes,
    rules,
    pods,
    serviceOrder: input.services.map((s) => s.name),
    services,
    dns,
    external,
    unscheduled,
    bounds: { x: left, y: 0, w: width - left, h: bottom },
  };
}

/** Endpoint chips a Service box lists before "+N", per row, and rows at most. */
export const SERVICE_CHIPS = { perRow: 3, maxRows: 4 } as const;

/**
 * The height a Service box needs: its rows (ClusterIP, DNS name, ports, the load balancer's IP)
 * and rows of endpoint chips (at most SERVICE_CHIPS.maxRows; the rest is "+N").
 */
export function serviceHeight(rows: number, endpoints: number): number {
  const chipRows = Math.min(
    SERVICE_CHIPS.maxRows,
    Math.max(1, Math.ceil(endpoints / SERVICE_CHIPS.perRow)),
  );
  return 44 + rows * 26 + 26 + chipRows * 28 + 10;
}

/** The centre of a box. */
export function center(b: Box): { x: number; y: number } {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}
