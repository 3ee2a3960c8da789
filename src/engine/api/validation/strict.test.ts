import { describe, expect, it } from 'vitest';
import { strictDecode, strictDecodeMessage } from './strict';
import { KUBECTL_CREATE_DEPLOYMENT, y } from './testSupport';

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: backend-service
spec:
  selector:
    app: backend
  ports:
  - port: 80
`;

describe('strict decoding: unknown fields', () => {
  it('reports a misspelled targetPort with its index', () => {
    const obj = y(SVC.replace('  - port: 80\n', '  - port: 80\n    targetport: 8080\n'));
    expect(strictDecodeMessage(obj)).toBe(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].targetport"',
    );
    expect(strictDecode(obj)?.issues).toEqual([
      {
        type: 'UnknownField',
        field: 'spec.ports[0].targetport',
        message: 'unknown field "spec.ports[0].targetport"',
      },
    ]);
  });
  it('lists several unknown fields in sorted key order', () => {
    const dep = y(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replica: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      contianers:
      - name: web
        image: nginx
`);
    expect(strictDecodeMessage(dep)).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica", unknown field "spec.template.spec.contianers"',
    );
  });
  it('accepts kubectl create --dry-run output (status, creationTimestamp: null, empty structs)', () => {
    const out = y(KUBECTL_CREATE_DEPLOYMENT);
    expect(strictDecode(out)).toEqual({ issues: [] });
  });
  it('returns null for kinds the cluster does not serve', () => {
    expect(strictDecode(y('apiVersion: v1\nkind: Foo\nmetadata: {name: x}\n'))).toBeNull();
  });
});

describe('strict decoding: JSON type mismatches', () => {
  it('a quoted port number is a string where an int32 is expected', () => {
    const obj = y(SVC.replace('port: 80', 'port: "80"'));
    expect(strictDecodeMessage(obj)).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    );
    expect(strictDecode(obj)?.issues[0]?.field).toBe('spec.ports[0].port');
  });
  it('a number label value', () => {
    const obj = y(
      SVC.replace(
        '  name: backend-service\n',
        '  name: backend-service\n  labels:\n    version: 2\n',
      ),
    );
    expect(strictDecode(obj)?.reason).toBe(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
  });
  it('a type mismatch hides unknown fields, and only the first one is reported', () => {
    const obj = y(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "3"
  revisionHistoryLimit: "2"
  selectr: {}
`);
    expect(strictDecode(obj)?.issues).toEqual([
      {
        type: 'TypeMismatch',
        field: 'spec.replicas',
        message:
          'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      },
    ]);
  });
  it('structs, lists and int64', () => {
    const svc = y(
      'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  ports: {port: 80}\n',
    );
    expect(strictDecode(svc)?.reason).toBe(
      'json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort',
    );
    const pod = y(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  terminationGracePeriodSeconds: 1.5\n',
    );
    expect(strictDecode(pod)?.reason).toBe(
      'json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    );
  });
  it('int-or-string and quantities', () => {
    const bool = y(SVC.replace('port: 80', 'port: 80\n    targetPort: true'));
    expect(strictDecode(bool)?.reason).toBe(
      'json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32',
    );
    const pod = y(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    image: b\n    resources:\n      limits:\n        cpu: lots\n',
    );
    expect(strictDecode(pod)?.reason).toBe(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });
});
