import { describe, expect, it } from 'vitest';
import { errorsOf, textsOf } from './testSupport';

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

function dep(
  opts: {
    name?: string;
    spec?: string;
    selector?: string;
    labels?: string;
    strategy?: string;
  } = {},
): string {
  const selector = opts.selector ?? '  selector:\n    matchLabels:\n      app: web\n';
  const labels = opts.labels ?? '      labels:\n        app: web\n';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${opts.name ?? 'web'}
spec:
${opts.spec ?? ''}${selector}${opts.strategy ?? ''}  template:
    metadata:
${labels}    spec:
      containers:
      - name: web
        image: nginx:1.27
`;
}

describe('Deployment metadata and replicas', () => {
  it('names are DNS-1123 subdomains', () => {
    expect(textsOf(dep({ name: 'Web_App' }))).toEqual([
      `metadata.name: Invalid value: "Web_App": ${SUBDOMAIN}`,
    ]);
    expect(textsOf(dep({ name: '1web.v2' }))).toEqual([]);
  });
  it('replicas may not be negative', () => {
    expect(errorsOf(dep({ spec: '  replicas: -1\n' }))).toEqual([
      {
        type: 'FieldValueInvalid',
        field: 'spec.replicas',
        badValue: -1,
        detail: 'must be greater than or equal to 0',
      },
    ]);
  });
  it('minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds', () => {
    expect(textsOf(dep({ spec: '  minReadySeconds: -5\n' }))).toEqual([
      'spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0',
    ]);
    expect(textsOf(dep({ spec: '  revisionHistoryLimit: -1\n' }))).toEqual([
      'spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
    ]);
    expect(
      textsOf(dep({ spec: '  minReadySeconds: 30\n  progressDeadlineSeconds: 10\n' })),
    ).toEqual([
      'spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds',
    ]);
  });
});

describe('Deployment selector', () => {
  it('must match the template labels', () => {
    expect(textsOf(dep({ labels: '      labels:\n        app: webapp\n' }))).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"webapp"}: `selector` does not match template `labels`',
    ]);
  });
  it('must not be empty', () => {
    expect(textsOf(dep({ selector: '  selector: {}\n' }))).toEqual([
      'spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ]);
  });
  it('is required (and then nothing matches the template)', () => {
    expect(textsOf(dep({ selector: '' }))).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ]);
  });
  it('an unknown operator makes the selector unusable', () => {
    const selector =
      '  selector:\n    matchExpressions:\n    - key: app\n      operator: Equals\n      values: [web]\n';
    expect(textsOf(dep({ selector }))).toEqual([
      'spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
      'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Equals","values":["web"]}]}: invalid label selector',
    ]);
  });
  it('matchExpressions In selects the template', () => {
    const selector =
      '  selector:\n    matchExpressions:\n    - key: app\n      operator: In\n      values: [web, api]\n';
    expect(textsOf(dep({ selector }))).toEqual([]);
  });
  it('template label keys are checked at spec.template.labels', () => {
    expect(textsOf(dep({ labels: '      labels:\n        app: web\n        tier_: x\n' }))).toEqual(
      [
        `spec.template.labels: Invalid value: "tier_": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    );
  });
  it('is immutable on update (apps/v1)', () => {
    const old = dep();
    const changed = dep({
      selector: '  selector:\n    matchLabels:\n      app: web2\n',
      labels: '      labels:\n        app: web2\n',
    });
    expect(textsOf(changed, old)).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable',
    ]);
    expect(textsOf(dep({ spec: '  replicas: 5\n' }), old)).toEqual([]);
  });
});

describe('Deployment strategy', () => {
  const ru = (surge: string, unavailable: string): string =>
    `  strategy:\n    rollingUpdate:\n      maxSurge: ${surge}\n      maxUnavailable: ${unavailable}\n`;
  it('maxSurge and maxUnavailable may not both be 0', () => {
    expect(textsOf(dep({ strategy: ru('0', '0') }))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ]);
    expect(textsOf(dep({ strategy: ru('0%', '0%') }))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0',
    ]);
  });
  it('maxUnavailable may not exceed 100% (maxSurge may)', () => {
    expect(textsOf(dep({ strategy: ru('25%', '150%') }))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
    ]);
    expect(textsOf(dep({ strategy: ru('150%', '25%') }))).toEqual([]);
  });
  it('a string must be a percentage', () => {
    expect(textsOf(dep({ strategy: ru('abc', '25%') }))).toEqual([
      `spec.strategy.rollingUpdate.maxSurge: Invalid value: "abc": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    ]);
  });
  it('negative integers are rejected', () => {
    expect(textsOf(dep({ strategy: ru('-1', '1') }))).toEqual([
      'spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });
  it('the type must be Recreate or RollingUpdate', () => {
    expect(textsOf(dep({ strategy: '  strategy:\n    type: BlueGreen\n' }))).toEqual([
      'spec.strategy: Unsupported value: {"Type":"BlueGreen","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"',
    ]);
  });
  it('Recreate forbids rollingUpdate', () => {
    expect(
      textsOf(
        dep({
          strategy: '  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: 1\n',
        }),
      ),
    ).toEqual([
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
  });
});

describe('ReplicaSet', () => {
  const rs = (spec: string): string => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-775855699b
spec:
${spec}  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
`;
  it('shares the Deployment rules, message included', () => {
    expect(textsOf(rs('  replicas: -2\n  selector: {}\n'))).toEqual([
      'spec.replicas: Invalid value: -2: must be greater than or equal to 0',
      'spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ]);
    expect(textsOf(rs('  selector:\n    matchLabels:\n      app: web\n'))).toEqual([]);
  });
});
