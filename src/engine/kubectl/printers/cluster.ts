// `kubectl get nodes` (printNode: Ready/NotReady, `,SchedulingDisabled` when cordoned, roles from
// node-role labels) and `kubectl get namespaces` rows.
import type { Namespace, Node } from '../../api/types';
import { ageSince } from '../age';
import type { TableDef } from './table';

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role` values, sorted. */
export function nodeRoles(n: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(n.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** The STATUS cell of a node. */
export function nodeStatus(n: Node): string {
  const ready = n.status.conditions.find((c) => c.type === 'Ready');
  const status = ready ? [ready.status === 'True' ? 'Ready' : 'NotReady'] : ['Unknown'];
  if (n.spec.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

export const nodeTable: TableDef = {
  columns: [
    { name: 'Name' },
    { name: 'Status' },
    { name: 'Roles' },
    { name: 'Age' },
    { name: 'Version' },
    { name: 'Internal-IP', wide: true },
    { name: 'External-IP', wide: true },
    { name: 'OS-Image', wide: true },
    { name: 'Kernel-Version', wide: true },
    { name: 'Container-Runtime', wide: true },
  ],
  cells(obj, c) {
    const n = obj as Node;
    const info = n.status.nodeInfo;
    return [
      n.metadata.name,
      nodeStatus(n),
      nodeRoles(n).join(',') || '<none>',
      ageSince(n.metadata.creationTimestamp, c.now),
      info.kubeletVersion,
      n.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '<none>',
      '<none>',
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ];
  },
};

export const namespaceTable: TableDef = {
  columns: [{ name: 'Name' }, { name: 'Status' }, { name: 'Age' }],
  cells(obj, c) {
    const ns = obj as Namespace;
    return [ns.metadata.name, ns.status.phase, ageSince(ns.metadata.creationTimestamp, c.now)];
  },
};
