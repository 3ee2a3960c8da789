// The resource types kubectl can name here (plural, singular, short names, group), resolved the way
// the RESTMapper does — case-insensitive, `deployments.apps` and `deployments.v1.apps` forms too.
// Owns naming only: listing objects lives in objects.ts.

/** A resource kubeplay simulates. */
export interface ResourceType {
  /** Plural resource name, e.g. `deployments`. */
  resource: string;
  singular: string;
  kind: string;
  group: string;
  version: string;
  shortNames: string[];
  namespaced: boolean;
}

export const RESOURCES: ResourceType[] = [
  {
    resource: 'pods',
    singular: 'pod',
    kind: 'Pod',
    group: '',
    version: 'v1',
    shortNames: ['po'],
    namespaced: true,
  },
  {
    resource: 'services',
    singular: 'service',
    kind: 'Service',
    group: '',
    version: 'v1',
    shortNames: ['svc'],
    namespaced: true,
  },
  {
    resource: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    group: 'apps',
    version: 'v1',
    shortNames: ['deploy'],
    namespaced: true,
  },
  {
    resource: 'replicasets',
    singular: 'replicaset',
    kind: 'ReplicaSet',
    group: 'apps',
    version: 'v1',
    shortNames: ['rs'],
    namespaced: true,
  },
  {
    resource: 'endpointslices',
    singular: 'endpointslice',
    kind: 'EndpointSlice',
    group: 'discovery.k8s.io',
    version: 'v1',
    shortNames: [],
    namespaced: true,
  },
  {
    resource: 'endpoints',
    singular: 'endpoints',
    kind: 'Endpoints',
    group: '',
    version: 'v1',
    shortNames: ['ep'],
    namespaced: true,
  },
  {
    resource: 'events',
    singular: 'event',
    kind: 'Event',
    group: '',
    version: 'v1',
    shortNames: ['ev'],
    namespaced: true,
  },
  {
    resource: 'nodes',
    singular: 'node',
    kind: 'Node',
    group: '',
    version: 'v1',
    shortNames: ['no'],
    namespaced: false,
  },
  {
    resource: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    group: '',
    version: 'v1',
    shortNames: ['ns'],
    namespaced: false,
  },
];

/**
 * Real resources the simulation never creates objects of: listing them is legal and finds nothing,
 * exactly as on a fresh cluster's default namespace.
 */
const ALWAYS_EMPTY: [string, string, string[]][] = [
  ['statefulsets', 'apps', ['sts']],
  ['daemonsets', 'apps', ['ds']],
  ['jobs', 'batch', []],
  ['cronjobs', 'batch', ['cj']],
  ['ingresses', 'networking.k8s.io', ['ing']],
  ['networkpolicies', 'networking.k8s.io', ['netpol']],
  ['persistentvolumeclaims', '', ['pvc']],
  ['horizontalpodautoscalers', 'autoscaling', ['hpa']],
  ['replicationcontrollers', '', ['rc']],
  ['poddisruptionbudgets', 'policy', ['pdb']],
];

/** `deployment.apps` style name kubectl prints for a kind (`pod`, `service`, `deployment.apps`). */
export function kindGroup(r: ResourceType): string {
  return r.group ? `${r.singular}.${r.group}` : r.singular;
}

/** `deployments.apps` style name the API server uses in errors. */
export function resourceGroup(r: ResourceType): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

export function resourceByKind(kind: string): ResourceType {
  const r = RESOURCES.find((x) => x.kind === kind);
  if (!r) throw new Error(`no resource for kind ${kind}`);
  return r;
}

/** Resolves a user-typed resource name; `empty` for real-but-unsimulated kinds, null if unknown. */
export function resolveResource(typed: string): ResourceType | { empty: string } | null {
  const t = typed.toLowerCase();
  for (const r of RESOURCES) {
    const names = [r.resource, r.singular, ...r.shortNames];
    const qualified = r.group
      ? names.flatMap((n) => [`${n}.${r.group}`, `${n}.${r.version}.${r.group}`])
      : [];
    if (names.includes(t) || qualified.includes(t)) return r;
  }
  for (const [plural, group, shorts] of ALWAYS_EMPTY) {
    const singular = plural.endsWith('ies')
      ? plural.slice(0, -3) + 'y'
      : plural.endsWith('sses')
        ? plural.slice(0, -2)
        : plural.slice(0, -1);
    const names = [plural, singular, ...shorts];
    if (names.includes(t) || (group && names.some((n) => t === `${n}.${group}`)))
      return { empty: plural };
  }
  return null;
}
