// `kubectl get deployments` and `kubectl get replicasets` rows (printDeployment, printReplicaSet).
import type { Deployment, ReplicaSet } from '../../api/types';
import { ageSince } from '../age';
import { containerCells, formatLabelSelector, selectorString } from './format';
import type { TableDef } from './table';

export const deploymentTable: TableDef = {
  columns: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
    { name: 'Selector', wide: true },
  ],
  cells(obj, c) {
    const d = obj as Deployment;
    const [names, images] = containerCells(d.spec.template.spec.containers);
    return [
      d.metadata.name,
      `${d.status.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`,
      String(d.status.updatedReplicas ?? 0),
      String(d.status.availableReplicas ?? 0),
      ageSince(d.metadata.creationTimestamp, c.now),
      names,
      images,
      selectorString(d.spec.selector),
    ];
  },
};

export const replicaSetTable: TableDef = {
  columns: [
    { name: 'Name' },
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
    { name: 'Selector', wide: true },
  ],
  cells(obj, c) {
    const rs = obj as ReplicaSet;
    const [names, images] = containerCells(rs.spec.template.spec.containers);
    return [
      rs.metadata.name,
      String(rs.spec.replicas ?? 1),
      String(rs.status.replicas ?? 0),
      String(rs.status.readyReplicas ?? 0),
      ageSince(rs.metadata.creationTimestamp, c.now),
      names,
      images,
      formatLabelSelector(rs.spec.selector),
    ];
  },
};
