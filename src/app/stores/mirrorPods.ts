// The mirror's pods: reusing the PodViews a frame repeats, the ghosts of pods that left (fading
// where they were), and where every pod and Service box is drawn. Pure functions that return the
// previous objects when nothing changed, so selector-subscribed components stay still.
import type { ClusterView, NodeView, PodView, ServiceView } from '../../engine/index';
import {
  assignSlots,
  chooseDensity,
  computeLayout,
  serviceHeight,
  UNSCHEDULED,
  type ClusterLayout,
  type Density,
  type Slots,
} from '../canvas/layout';
import { sameJson } from './sameJson';
import type { EndpointRow } from './serviceEndpoints';

/** How long a gone pod stays on the canvas, fading out (wall ms). */
export const GHOST_MS = 1200;

/** A pod that left, still drawn while it fades. */
export interface Ghost {
  pod: PodView;
  /** Wall time after which it is removed. */
  until: number;
}

/** Where pods and Service boxes are drawn (see `placePods`). */
export interface PodPlacement {
  slots: Slots;
  /** Slots each lane (and endpoint chips each Service) has made room for: boxes only grow. */
  room: Record<string, number>;
  density: Density;
  layout: ClusterLayout;
}

/**
 * The frame's pods by name, keeping the previous PodView object for every pod that did not
 * change, and the previous record itself when no pod changed.
 */
export function reconcilePods(
  prev: Record<string, PodView>,
  view: ClusterView,
): Record<string, PodView> {
  const next: Record<string, PodView> = {};
  let changed = Object.keys(prev).length !== view.pods.length;
  for (const p of view.pods) {
    const old = prev[p.name];
    if (old && samePod(old, p)) next[p.name] = old;
    else {
      next[p.name] = p;
      changed = true;
    }
  }
  return changed ? next : prev;
}

/** PodView equality, field by field (called for every pod of every frame). */
function samePod(a: PodView, b: PodView): boolean {
  return (
    a.uid === b.uid &&
    a.status === b.status &&
    a.ready === b.ready &&
    a.readyText === b.readyText &&
    a.restarts === b.restarts &&
    a.ip === b.ip &&
    a.node === b.node &&
    a.terminating === b.terminating &&
    a.deletedAt === b.deletedAt &&
    a.owner === b.owner &&
    a.createdAt === b.createdAt &&
    a.ports.length === b.ports.length &&
    a.ports.every((x, i) => x === b.ports[i]) &&
    sameJson(a.labels, b.labels)
  );
}

/**
 * The ghosts after a frame: pods that vanished since `prevPods` start fading (until `wall` +
 * GHOST_MS), and a ghost whose pod is back is dropped. Returns `ghosts` itself when neither
 * happened.
 */
export function fadeGone(
  ghosts: Record<string, Ghost>,
  prevPods: Record<string, PodView>,
  pods: Record<string, PodView>,
  wall: number,
): Record<string, Ghost> {
  let next = ghosts;
  for (const [name, pod] of Object.entries(prevPods)) {
    if (pods[name]) continue;
    if (next === ghosts) next = { ...next };
    next[name] = { pod, until: wall + GHOST_MS };
  }
  for (const name of Object.keys(next)) {
    if (!pods[name]) continue;
    if (next === ghosts) next = { ...next };
    delete next[name];
  }
  return next;
}

/**
 * Places pods (and ghosts) in their nodes' lanes and lays out the cluster. A pod keeps its slot,
 * and boxes only grow while the density stays, so a pod leaving never moves the others. With
 * `inputsSame` (nodes, Services and endpoints are the very objects the current layout was made
 * from) and nothing else changed, the previous layout is returned as it is.
 */
export function placePods(
  base: PodPlacement & { externalSeen: boolean },
  pods: Record<string, PodView>,
  ghosts: Record<string, Ghost>,
  nodes: readonly NodeView[],
  services: readonly ServiceView[],
  endpoints: Record<string, EndpointRow[]>,
  inputsSame: boolean,
): PodPlacement {
  const present = [
    ...Object.values(pods).map((p) => ({ name: p.name, lane: p.node ?? UNSCHEDULED })),
    ...Object.values(ghosts).map((g) => ({ name: g.pod.name, lane: g.pod.node ?? UNSCHEDULED })),
  ];
  const slots = assignSlots(base.slots, present);
  const density = chooseDensity(Object.keys(pods).length, base.density);
  // Boxes only grow while the density stays (a pod leaving never moves the others).
  let room = density === base.density ? base.room : {};
  const grow = (key: string, n: number) => {
    if ((room[key] ?? 0) >= n) return;
    if (room === base.room) room = { ...room };
    room[key] = n;
  };
  for (const [lane, list] of Object.entries(slots)) grow(lane, list.length);
  for (const s of services) grow(`svc:${s.name}`, endpoints[s.name]?.length ?? 0);
  if (
    inputsSame &&
    slots === base.slots &&
    room === base.room &&
    density === base.density &&
    base.layout.nodeOrder.length === nodes.length
  )
    return { slots, room, density, layout: base.layout };
  const next = computeLayout({
    nodes: nodes.map((n) => n.name).sort(byNaturalName),
    slots,
    room,
    services: services.map((s) => ({
      name: s.name,
      h: serviceHeight(serviceRows(s), room[`svc:${s.name}`] ?? 0),
    })),
    density,
    external: base.externalSeen,
  });
  return {
    slots,
    room,
    density,
    layout: sameJson(base.layout, next) ? base.layout : next,
  };
}

/** node-2 before node-10. */
const byNaturalName = new Intl.Collator('en', { numeric: true }).compare;

/** Rows of facts a Service box shows above its endpoints: 4 with an external IP, else 3. */
export function serviceRows(s: Pick<ServiceView, 'type' | 'externalIP'>): number {
  return s.type === 'LoadBalancer' || s.externalIP ? 4 : 3;
}
