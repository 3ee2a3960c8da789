// The cluster as a React Flow canvas: the cluster DNS and the Services on top (and the clients
// outside the cluster, when there are any), Kubernetes Nodes as a grid of group boxes holding
// their pods, and packets travelling between them along the path of the current view (concept or
// data plane). Positions come from layout.ts (stable slots), so the flow is fully controlled and
// nothing is draggable; the view refits when the cluster's size or the canvas's size changes.
// With hundreds of pods, nodes draw their pods themselves; with many pods or many packets in
// flight, packets go on a canvas layer.
import {
  Controls,
  ReactFlow,
  ReactFlowProvider,
  ViewportPortal,
  useReactFlow,
  type NodeTypes,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAppState, useAppStore } from '../AppContext';
import { inspect, patchUi } from '../stores/appStore';
import { useT } from '../i18n/useT';
import { DnsNode, ExternalNode, type DnsFlowNode, type ExternalFlowNode } from './ExtraNodes';
import { UNSCHEDULED, type ClusterLayout } from './layout';
import { K8sNodeBox, LaneBox, type K8sNodeFlowNode, type LaneFlowNode } from './NodeBox';
import { PacketCanvas } from './PacketCanvas';
import { PacketLayer } from './PacketLayer';
import { PodNode, type PodFlowNode } from './PodNode';
import { ServiceNode, type ServiceFlowNode } from './ServiceNode';

type FlowNode =
  PodFlowNode | K8sNodeFlowNode | ServiceFlowNode | LaneFlowNode | DnsFlowNode | ExternalFlowNode;

const nodeTypes: NodeTypes = {
  pod: PodNode,
  k8sNode: K8sNodeBox,
  service: ServiceNode,
  lane: LaneBox,
  dns: DnsNode,
  external: ExternalNode,
};

const FIT = { padding: 0.06, maxZoom: 1.4 } as const;
const LANE_ID = 'lane:unscheduled';

const fixed = {
  draggable: false,
  selectable: false,
  focusable: false,
  connectable: false,
  deletable: false,
} as const;

/** The layout as React Flow nodes: parents before their children, pods in slot order. */
export function toFlowNodes(layout: ClusterLayout): FlowNode[] {
  const out: FlowNode[] = [];
  const d = layout.dns;
  out.push({
    id: 'dns',
    type: 'dns',
    position: { x: d.x, y: d.y },
    width: d.w,
    height: d.h,
    data: {},
    ...fixed,
  });
  if (layout.external) {
    const e = layout.external;
    out.push({
      id: 'external',
      type: 'external',
      position: { x: e.x, y: e.y },
      width: e.w,
      height: e.h,
      data: {},
      ...fixed,
    });
  }
  for (const name of layout.serviceOrder) {
    const b = layout.services[name];
    if (!b) continue;
    out.push({
      id: `svc:${name}`,
      type: 'service',
      position: { x: b.x, y: b.y },
      width: b.w,
      height: b.h,
      data: { name },
      ...fixed,
    });
  }
  const podsByLane = new Map<string, [string, (typeof layout.pods)[string]][]>();
  for (const [name, box] of Object.entries(layout.pods)) {
    const list = podsByLane.get(box.lane) ?? [];
    list.push([name, box]);
    podsByLane.set(box.lane, list);
  }
  const lanes: [string, string, { x: number; y: number; w: number; h: number } | null][] = [
    ...layout.nodeOrder.map((n): [string, string, ClusterLayout['unscheduled']] => [
      n,
      `node:${n}`,
      layout.nodes[n] ?? null,
    ]),
    [UNSCHEDULED, LANE_ID, layout.unscheduled],
  ];
  const lastNode = layout.nodeOrder[layout.nodeOrder.length - 1];
  for (const [lane, id, box] of lanes) {
    if (!box) continue;
    if (lane === UNSCHEDULED)
      out.push({
        id,
        type: 'lane',
        position: { x: box.x, y: box.y },
        width: box.w,
        height: box.h,
        data: {},
        ...fixed,
      });
    else
      out.push({
        id,
        type: 'k8sNode',
        position: { x: box.x, y: box.y },
        width: box.w,
        height: box.h,
        data: { name: lane },
        ...fixed,
      });
    // At the aggregate density the node box draws its pods itself (a grid of cells).
    if (layout.density === 'aggregate') continue;
    const pods = (podsByLane.get(lane) ?? []).sort((a, b) => a[1].y - b[1].y || a[1].x - b[1].x);
    for (const [name, p] of pods)
      out.push({
        id: `pod:${name}`,
        type: 'pod',
        parentId: id,
        position: { x: p.x - box.x, y: p.y - box.y },
        width: p.w,
        height: p.h,
        data: { name, tipsLeft: lane === lastNode },
        ...fixed,
      });
  }
  return out;
}

export function ClusterCanvas() {
  return (
    <ReactFlowProvider>
      <Flow />
    </ReactFlowProvider>
  );
}

function Flow() {
  const t = useT();
  const store = useAppStore();
  const layout = useAppState((s) => s.engine.layout);
  const view = useAppState((s) => s.ui.view);
  // A click handler also gives React Flow's node wrappers pointer events (they have none when
  // nodes are neither selectable nor draggable).
  const onNodeClick = useCallback(
    (_: unknown, node: FlowNode) => {
      if (node.type === 'pod') inspect(store, { kind: 'pod', name: node.data.name });
    },
    [store],
  );
  const aggregate = layout.density === 'aggregate';
  const onCanvas = usePacketCanvas(layout.density !== 'full');
  useEffect(
    () => patchUi(store, { packetSurface: onCanvas ? 'canvas' : 'dom' }),
    [store, onCanvas],
  );
  const nodes = useMemo(() => toFlowNodes(layout), [layout]);
  const ariaLabelConfig = useMemo(
    () => ({
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.fitView'),
      // React Flow's hidden keyboard help (English by default); pods have their own keys, and
      // the canvas has no edges.
      'node.a11yDescription.default': t('pod.hint'),
      'node.a11yDescription.keyboardDisabled': t('pod.hint'),
      'edge.a11yDescription.default': t('pod.hint'),
    }),
    [t],
  );
  return (
    <ReactFlow<FlowNode>
      nodes={nodes}
      edges={[]}
      nodeTypes={nodeTypes}
      onNodeClick={onNodeClick}
      fitView
      fitViewOptions={FIT}
      minZoom={0.2}
      maxZoom={2.5}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      disableKeyboardA11y
      zoomOnDoubleClick={false}
      ariaLabelConfig={ariaLabelConfig}
      proOptions={{ hideAttribution: false }}
      onlyRenderVisibleElements={aggregate}
    >
      {onCanvas ? (
        <PacketCanvas view={view} />
      ) : (
        <ViewportPortal>
          <PacketLayer view={view} />
        </ViewportPortal>
      )}
      <Controls showInteractive={false} position="top-left" fitViewOptions={FIT} />
      <AutoFit layout={layout} />
    </ReactFlow>
  );
}

/** Packets drawn as DOM at most, and the count under which the canvas hands back to DOM. */
const DOM_PACKETS_UP = 120;
const DOM_PACKETS_DOWN = 60;

/**
 * Whether packets go on the canvas layer: for many pods (any density but full), or while many
 * packets are in flight (with slack, so it does not flip back and forth).
 */
function usePacketCanvas(manyPods: boolean): boolean {
  const count = useAppState((s) => s.engine.packets.length);
  const [many, setMany] = useState(false);
  if (!many && count > DOM_PACKETS_UP) setMany(true);
  else if (many && count < DOM_PACKETS_DOWN) setMany(false);
  return manyPods || many;
}

/** Refits when the cluster's bounds or the canvas's size change. */
function AutoFit({ layout }: { layout: ClusterLayout }) {
  const { fitView } = useReactFlow();
  const { w, h, x } = layout.bounds;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Wait a frame so React Flow has the new node sizes.
    const id = requestAnimationFrame(() => void fitView({ ...FIT, duration: 250 }));
    return () => cancelAnimationFrame(id);
  }, [w, h, x, fitView]);
  useEffect(() => {
    const el = document.getElementById('cluster-canvas');
    if (!el) return;
    let id = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(id);
      id = requestAnimationFrame(() => void fitView(FIT));
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(id);
    };
  }, [fitView]);
  return null;
}
