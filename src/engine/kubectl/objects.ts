// Reads the simulated API the way kubectl's resource builder does: list a resource type in one
// namespace or all (in the API server's namespace/name order), get one by name. Adds what the
// engine does not store as objects: the built-in Namespaces, v1 Endpoints and Events.
import type { Cluster } from '../cluster';
import type { KubeObject, Namespace, ObjectMeta } from '../api/types';
import { listEndpoints, type EndpointsObject } from './legacyEndpoints';
import { listEvents, type EventObject } from './events';
import type { ResourceType } from './resources';

/** Anything kubectl can list here. */
export type ApiObject = KubeObject | EndpointsObject | EventObject;

/** The namespaces every cluster starts with (kubeadm/kind). */
const BUILTIN_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

function byKey(a: { metadata: ObjectMeta }, b: { metadata: ObjectMeta }): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function namespaces(c: Cluster): Namespace[] {
  const stored = c.store.list('Namespace');
  const out: Namespace[] = stored.map((n) => ({
    ...n,
    metadata: {
      ...n.metadata,
      labels: { ...n.metadata.labels, 'kubernetes.io/metadata.name': n.metadata.name },
    },
  }));
  for (const name of BUILTIN_NAMESPACES) {
    if (stored.some((n) => n.metadata.name === name)) continue;
    out.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name,
        uid: `ns-${name}`,
        resourceVersion: '1',
        creationTimestamp: 0,
        labels: { 'kubernetes.io/metadata.name': name },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  return out;
}

/** Objects of a type in `namespace` (undefined = all namespaces), in API order. */
export function listObjects(
  c: Cluster,
  r: ResourceType,
  namespace: string | undefined,
): ApiObject[] {
  const ns = r.namespaced ? namespace : undefined;
  let items: ApiObject[];
  switch (r.kind) {
    case 'Endpoints':
      items = listEndpoints(c, ns);
      break;
    case 'Event':
      return listEvents(c, ns);
    case 'Namespace':
      items = namespaces(c);
      break;
    default:
      items = c.store.list(r.kind as KubeObject['kind'], ns);
  }
  return items.sort(byKey);
}

/** One object by name, or undefined. */
export function getObject(
  c: Cluster,
  r: ResourceType,
  namespace: string,
  name: string,
): ApiObject | undefined {
  return listObjects(c, r, namespace).find((o) => o.metadata.name === name);
}
