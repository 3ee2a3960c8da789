// Which table prints which kind.
import type { TableDef } from './table';
import { podTable } from './pods';
import { serviceTable } from './services';
import { deploymentTable, replicaSetTable } from './workloads';
import { endpointSliceTable, endpointsTable } from './endpoints';
import { namespaceTable, nodeTable } from './cluster';
import { eventTable } from './events';

export const TABLES: Record<string, TableDef> = {
  Pod: podTable,
  Service: serviceTable,
  Deployment: deploymentTable,
  ReplicaSet: replicaSetTable,
  Endpoints: endpointsTable,
  EndpointSlice: endpointSliceTable,
  Node: nodeTable,
  Namespace: namespaceTable,
  Event: eventTable,
};
