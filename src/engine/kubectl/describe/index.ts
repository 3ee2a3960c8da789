// Which describer describes which kind.
import type { Cluster } from '../../cluster';
import type {
  Deployment,
  EndpointSlice,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  Service,
} from '../../api/types';
import type { EndpointsObject } from '../legacyEndpoints';
import type { ApiObject } from '../objects';
import { describeEndpointSlice, describeEndpoints } from './endpoints';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeService } from './service';
import { describeDeployment, describeReplicaSet } from './workloads';
import { annotationsMultiline, labelsMultiline, PrefixWriter } from './writer';

function describeNamespace(ns: Namespace): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ns.metadata.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status.phase}\n`);
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  return w.text();
}

/** The describe text of an object, or null when kubectl has no describer for its kind here. */
export function describeObject(c: Cluster, obj: ApiObject): string | null {
  switch (obj.kind) {
    case 'Pod':
      return describePod(c, obj as Pod);
    case 'Service':
      return describeService(c, obj as Service);
    case 'Deployment':
      return describeDeployment(c, obj as Deployment);
    case 'ReplicaSet':
      return describeReplicaSet(c, obj as ReplicaSet);
    case 'Node':
      return describeNode(c, obj as Node);
    case 'EndpointSlice':
      return describeEndpointSlice(c, obj as EndpointSlice);
    case 'Endpoints':
      return describeEndpoints(c, obj as EndpointsObject);
    case 'Namespace':
      return describeNamespace(obj as Namespace);
    default:
      return null;
  }
}
