// Server-side defaulting of the kinds kubeplay accepts (pkg/apis/core/v1/defaults.go,
// pkg/apis/apps/v1/defaults.go, discovery/v1 defaults and the generated declarative defaults).
// It returns a new object and never allocates IPs or ports, never fills namespace, name or
// admission-plugin fields (serviceAccountName, tolerations, priority).
type Obj = Record<string, unknown>;

function rec(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

function ensure(o: Obj, key: string): Obj {
  const r = rec(o[key]);
  if (r) return r;
  const fresh: Obj = {};
  o[key] = fresh;
  return fresh;
}

function recs(v: unknown): Obj[] {
  return Array.isArray(v) ? v.filter((x): x is Obj => rec(x) !== undefined) : [];
}

function unset(o: Obj, key: string): boolean {
  return o[key] === undefined || o[key] === null;
}

function setIfUnset(o: Obj, key: string, value: unknown): void {
  if (unset(o, key)) o[key] = value;
}

function setIfEmpty(o: Obj, key: string, value: unknown): void {
  if (unset(o, key) || o[key] === '' || o[key] === 0) o[key] = value;
}

/** The tag parsers.ParseImageName finds: "latest" when neither tag nor digest is given. */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : '';
  const repo = colon > slash ? name.slice(0, colon) : name;
  const first = repo.split('/')[0] ?? '';
  const hasDomain =
    repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const path = hasDomain ? repo.slice(first.length + 1) : repo;
  const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
  const valid =
    new RegExp(`^${component}(?:/${component})*$`).test(path) &&
    (!tag || /^\w[\w.-]{0,127}$/.test(tag));
  if (!valid) return '';
  if (!tag && at < 0) return 'latest';
  return tag;
}

function defaultHTTPGet(handler: Obj | undefined): void {
  const h = rec(handler?.['httpGet']);
  if (!h) return;
  setIfEmpty(h, 'path', '/');
  setIfEmpty(h, 'scheme', 'HTTP');
}

function defaultProbe(p: Obj | undefined): void {
  if (!p) return;
  setIfEmpty(p, 'timeoutSeconds', 1);
  setIfEmpty(p, 'periodSeconds', 10);
  setIfEmpty(p, 'successThreshold', 1);
  setIfEmpty(p, 'failureThreshold', 3);
  defaultHTTPGet(p);
}

function defaultContainer(c: Obj): void {
  if (unset(c, 'imagePullPolicy') || c['imagePullPolicy'] === '') {
    const image = typeof c['image'] === 'string' ? c['image'] : '';
    c['imagePullPolicy'] = imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
  }
  setIfEmpty(c, 'terminationMessagePath', '/dev/termination-log');
  setIfEmpty(c, 'terminationMessagePolicy', 'File');
  for (const port of recs(c['ports'])) setIfEmpty(port, 'protocol', 'TCP');
  for (const ev of recs(c['env'])) {
    const fieldRef = rec(rec(ev['valueFrom'])?.['fieldRef']);
    if (fieldRef) setIfEmpty(fieldRef, 'apiVersion', 'v1');
  }
  defaultProbe(rec(c['livenessProbe']));
  defaultProbe(rec(c['readinessProbe']));
  defaultProbe(rec(c['startupProbe']));
  const lifecycle = rec(c['lifecycle']);
  defaultHTTPGet(rec(lifecycle?.['postStart']));
  defaultHTTPGet(rec(lifecycle?.['preStop']));
}

const VOLUME_SOURCE_KEYS = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];

function defaultVolume(v: Obj): void {
  if (VOLUME_SOURCE_KEYS.every((k) => unset(v, k))) v['emptyDir'] = {};
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = rec(v[k]);
    if (src) setIfUnset(src, 'defaultMode', 420);
  }
}

/** SetDefaults_PodSpec plus the generated container, probe and volume defaults. */
export function defaultPodSpec(spec: Obj): void {
  setIfEmpty(spec, 'dnsPolicy', 'ClusterFirst');
  setIfEmpty(spec, 'restartPolicy', 'Always');
  setIfUnset(spec, 'securityContext', {});
  setIfUnset(spec, 'terminationGracePeriodSeconds', 30);
  setIfEmpty(spec, 'schedulerName', 'default-scheduler');
  for (const v of recs(spec['volumes'])) defaultVolume(v);
  for (const c of recs(spec['initContainers'])) defaultContainer(c);
  for (const c of recs(spec['containers'])) defaultContainer(c);
}

function defaultPod(pod: Obj): void {
  const spec = ensure(pod, 'spec');
  for (const c of [...recs(spec['containers']), ...recs(spec['initContainers'])]) {
    const res = rec(c['resources']);
    const limits = rec(res?.['limits']);
    if (res && limits) {
      const requests = ensure(res, 'requests');
      for (const [k, v] of Object.entries(limits)) setIfUnset(requests, k, v);
    }
  }
  setIfUnset(spec, 'enableServiceLinks', true);
  if (spec['hostNetwork'] === true) {
    for (const c of [...recs(spec['containers']), ...recs(spec['initContainers'])]) {
      for (const p of recs(c['ports'])) setIfEmpty(p, 'hostPort', p['containerPort']);
    }
  }
  defaultPodSpec(spec);
}

function defaultTemplate(owner: Obj): void {
  const spec = ensure(owner, 'spec');
  defaultPodSpec(ensure(ensure(spec, 'template'), 'spec'));
}

function defaultDeployment(dep: Obj): void {
  const spec = ensure(dep, 'spec');
  setIfUnset(spec, 'replicas', 1);
  const strategy = ensure(spec, 'strategy');
  setIfEmpty(strategy, 'type', 'RollingUpdate');
  if (strategy['type'] === 'RollingUpdate') {
    const ru = ensure(strategy, 'rollingUpdate');
    setIfUnset(ru, 'maxUnavailable', '25%');
    setIfUnset(ru, 'maxSurge', '25%');
  }
  setIfUnset(spec, 'revisionHistoryLimit', 10);
  setIfUnset(spec, 'progressDeadlineSeconds', 600);
  defaultTemplate(dep);
}

function defaultService(svc: Obj): void {
  const spec = ensure(svc, 'spec');
  setIfEmpty(spec, 'sessionAffinity', 'None');
  if (spec['sessionAffinity'] === 'None') delete spec['sessionAffinityConfig'];
  if (spec['sessionAffinity'] === 'ClientIP') {
    const timeout = rec(rec(spec['sessionAffinityConfig'])?.['clientIP'])?.['timeoutSeconds'];
    if (timeout === undefined || timeout === null) {
      spec['sessionAffinityConfig'] = { clientIP: { timeoutSeconds: 10800 } };
    }
  }
  setIfEmpty(spec, 'type', 'ClusterIP');
  for (const p of recs(spec['ports'])) {
    setIfEmpty(p, 'protocol', 'TCP');
    if (unset(p, 'targetPort') || p['targetPort'] === 0 || p['targetPort'] === '')
      p['targetPort'] = p['port'] ?? 0;
  }
  const type = spec['type'];
  const externalIPs = Array.isArray(spec['externalIPs']) ? spec['externalIPs'] : [];
  const accessible =
    type === 'LoadBalancer' ||
    type === 'NodePort' ||
    (type === 'ClusterIP' && externalIPs.length > 0);
  if (accessible) setIfEmpty(spec, 'externalTrafficPolicy', 'Cluster');
  if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') {
    setIfUnset(spec, 'internalTrafficPolicy', 'Cluster');
  }
  if (type === 'LoadBalancer') setIfUnset(spec, 'allocateLoadBalancerNodePorts', true);
}

function defaultNamespace(ns: Obj): void {
  const meta = ensure(ns, 'metadata');
  const name = typeof meta['name'] === 'string' ? meta['name'] : '';
  if (name) ensure(meta, 'labels')['kubernetes.io/metadata.name'] = name;
  setIfEmpty(ensure(ns, 'status'), 'phase', 'Active');
}

function defaultEndpointSlice(slice: Obj): void {
  // `conditions` is a struct, not a pointer: the API always stores (and returns) it, `{}` when unset.
  for (const e of recs(slice['endpoints'])) ensure(e, 'conditions');
  for (const p of recs(slice['ports'])) {
    setIfUnset(p, 'name', '');
    setIfUnset(p, 'protocol', 'TCP');
  }
}

/**
 * applyDefaults(obj): a copy of `obj` with the API server's defaults for its apiVersion/kind
 * (Deployment, ReplicaSet, Pod, Service, Namespace, EndpointSlice); other kinds come back copied.
 */
export function applyDefaults<T>(obj: T): T {
  if (rec(obj) === undefined) return obj;
  const out = JSON.parse(JSON.stringify(obj)) as Obj;
  const key = `${String(out['apiVersion'])}/${String(out['kind'])}`;
  switch (key) {
    case 'apps/v1/Deployment':
      defaultDeployment(out);
      break;
    case 'apps/v1/ReplicaSet':
      setIfUnset(ensure(out, 'spec'), 'replicas', 1);
      defaultTemplate(out);
      break;
    case 'v1/Pod':
      defaultPod(out);
      break;
    case 'v1/Service':
      defaultService(out);
      break;
    case 'v1/Namespace':
      defaultNamespace(out);
      break;
    case 'discovery.k8s.io/v1/EndpointSlice':
      defaultEndpointSlice(out);
      break;
  }
  return out as T;
}
