import { describe, expect, it } from 'vitest';
import {
  clusterIPNotInRangeError,
  DEFAULT_NODE_PORT_RANGE,
  errorText,
  invalidMessage,
  kubectlInvalidText,
  noKindMatchText,
  nodePortAllocatedError,
  validateManifestObject,
  validateNodePortRange,
} from './index';
import {
  KUBECTL_CREATE_DEPLOYMENT,
  KUBECTL_CREATE_SERVICE,
  MY_SERVICE,
  NGINX_DEPLOYMENT,
  textsOf,
  y,
} from './testSupport';

describe('valid manifests pass with zero errors', () => {
  const valid: Record<string, string> = {
    'nginx-deployment (kubernetes.io)': NGINX_DEPLOYMENT,
    'my-service (kubernetes.io)': MY_SERVICE,
    'kubectl create deployment --dry-run=client -o yaml': KUBECTL_CREATE_DEPLOYMENT,
    'kubectl create service clusterip --tcp=80:8080 --tcp=443': KUBECTL_CREATE_SERVICE,
    'NodePort with a chosen port': `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n  - port: 80\n    nodePort: 30080\n`,
    'LoadBalancer with Local policy': `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n  externalTrafficPolicy: Local\n  selector: {app: web}\n  ports:\n  - port: 80\n`,
    headless: `apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  clusterIP: None\n  selector: {app: db}\n  ports:\n  - port: 5432\n`,
    ExternalName: `apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec:\n  type: ExternalName\n  externalName: api.example.com\n`,
    Pod: `apiVersion: v1\nkind: Pod\nmetadata: {name: client, labels: {app: frontend}}\nspec:\n  containers:\n  - name: curl\n    image: curlimages/curl:8.8.0\n    command: [sleep, infinity]\n`,
    Namespace: `apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n`,
    EndpointSlice: `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: web-abc12\n  labels: {kubernetes.io/service-name: web}\naddressType: IPv4\nports:\n- name: http\n  port: 8080\nendpoints:\n- addresses: [10.244.1.5]\n  conditions: {ready: true}\n  nodeName: node-1\n`,
    ReplicaSet: `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: web-775855699b}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx}]\n`,
  };
  for (const [name, text] of Object.entries(valid)) {
    it(name, () => expect(textsOf(text)).toEqual([]));
  }
});

describe('dispatch', () => {
  it('an unknown kind is a no-match, not a validation error', () => {
    const r = validateManifestObject(y('apiVersion: v1\nkind: Foo\nmetadata: {name: x}\n'));
    expect(r.noMatch).toBe('no matches for kind "Foo" in version "v1"');
    expect(r.errors).toEqual([]);
    expect(noKindMatchText('x', '', 'file.yaml', 'Foo', 'v1')).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "file.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n',
    );
  });
  it('Deployment in the wrong group is unknown too', () => {
    expect(
      validateManifestObject(y('apiVersion: v1\nkind: Deployment\nmetadata: {name: x}\n')).noMatch,
    ).toBe('no matches for kind "Deployment" in version "v1"');
  });
  it('returns the defaulted object with the request namespace', () => {
    const r = validateManifestObject(y(MY_SERVICE));
    expect(r.object?.['metadata']).toEqual({ name: 'my-service', namespace: 'default' });
    expect(r.group).toBe('');
  });
});

describe('metadata', () => {
  const ns = (meta: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n${meta}`;
  it('name is required', () => {
    expect(textsOf(ns('  labels: {a: b}\n'))).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });
  it('Namespace names are DNS-1123 labels and may not carry a namespace', () => {
    expect(textsOf(ns('  name: dev.team\n'))).toEqual([
      'metadata.name: Invalid value: "dev.team": must not contain dots',
    ]);
    expect(textsOf(ns('  name: dev\n  namespace: default\n'))).toEqual([
      'metadata.namespace: Forbidden: not allowed on this type',
    ]);
  });
  it('label keys with two slashes', () => {
    expect(textsOf(ns('  name: dev\n  labels:\n    a/b/c: x\n'))).toEqual([
      `metadata.labels: Invalid value: "a/b/c": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]);
  });
  it('annotation keys are qualified names (case-insensitive)', () => {
    expect(
      textsOf(ns('  name: dev\n  annotations:\n    Example.COM/Owner: me\n    "bad key": x\n')),
    ).toEqual([
      `metadata.annotations: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ]);
  });
});

describe('EndpointSlice', () => {
  const slice = (body: string): string =>
    `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: web-1}\n${body}`;
  it('addressType values', () => {
    expect(textsOf(slice('addressType: IPv5\n'))).toEqual([
      'addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"',
    ]);
  });
  it('addresses: present, IPv4, not loopback', () => {
    expect(textsOf(slice('addressType: IPv4\nendpoints:\n- addresses: []\n'))).toEqual([
      'endpoints[0].addresses: Required value: must contain at least 1 address',
    ]);
    expect(textsOf(slice('addressType: IPv4\nendpoints:\n- addresses: [127.0.0.1]\n'))).toEqual([
      'endpoints[0].addresses[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ]);
    expect(textsOf(slice('addressType: IPv4\nendpoints:\n- addresses: ["fd00::1"]\n'))).toEqual([
      'endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address',
    ]);
  });
  it('ports: protocol and unique names', () => {
    expect(
      textsOf(slice('addressType: IPv4\nports:\n- name: http\n  protocol: HTTP\n- name: http\n')),
    ).toEqual([
      'ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'ports[1].name: Duplicate value: "http"',
    ]);
  });
});

describe('API status and kubectl texts', () => {
  const bad = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: mysql
spec:
  replicas: -1
  selector:
    matchLabels: {app: mysql}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: mysql, image: mysql:8}]
`;
  const r = validateManifestObject(y(bad));
  it('aggregates several causes in brackets, group-qualified', () => {
    expect(invalidMessage(r.kind, r.group, r.name, r.errors)).toBe(
      'Deployment.apps "mysql" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.metadata.labels: Invalid value: {"app":"db"}: `selector` does not match template `labels`]',
    );
  });
  it('kubectl prints one cause inline and several as a list', () => {
    const one = r.errors.slice(0, 1);
    expect(kubectlInvalidText('Deployment', 'mysql', one)).toBe(
      'The Deployment "mysql" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
    expect(kubectlInvalidText(r.kind, r.name, r.errors)).toBe(
      'The Deployment "mysql" is invalid: \n' +
        '* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n' +
        '* spec.template.metadata.labels: Invalid value: {"app":"db"}: `selector` does not match template `labels`\n',
    );
  });
  it('a single error keeps the core group bare', () => {
    const svc = validateManifestObject(
      y(
        'apiVersion: v1\nkind: Service\nmetadata: {name: backend}\nspec:\n  ports:\n  - port: 80\n    targetPort: 70000\n',
      ),
    );
    expect(invalidMessage(svc.kind, svc.group, svc.name, svc.errors)).toBe(
      'Service "backend" is invalid: spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
  });
});

describe('allocation errors', () => {
  it('node ports outside the range and taken ones', () => {
    const [e] = validateNodePortRange(80, DEFAULT_NODE_PORT_RANGE);
    expect(e && errorText(e)).toBe(
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    expect(validateNodePortRange(32767, DEFAULT_NODE_PORT_RANGE)).toEqual([]);
    expect(errorText(nodePortAllocatedError(30080))).toBe(
      'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
  });
  it('a cluster IP outside the service CIDR', () => {
    expect(errorText(clusterIPNotInRangeError(['10.0.0.5'], '10.0.0.5', '10.96.0.0/12'))).toBe(
      'spec.clusterIPs: Invalid value: ["10.0.0.5"]: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });
});
