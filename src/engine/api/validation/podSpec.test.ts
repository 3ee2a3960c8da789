import { describe, expect, it } from 'vitest';
import { errorsOf, textsOf, withContainer } from './testSupport';

const C = 'spec.template.spec.containers';
const PORT_RANGE = 'must be between 1 and 65535, inclusive';

describe('containers', () => {
  it('names are DNS-1123 labels', () => {
    expect(textsOf(withContainer('', '      - name: Web_App\n        image: nginx\n'))).toEqual([
      `${C}[0].name: Invalid value: "Web_App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
    expect(textsOf(withContainer('', '      - name: web.app\n        image: nginx\n'))).toEqual([
      `${C}[0].name: Invalid value: "web.app": must not contain dots`,
    ]);
  });
  it('image is required', () => {
    expect(errorsOf(withContainer('', '      - name: web\n'))).toEqual([
      { type: 'FieldValueRequired', field: `${C}[0].image`, badValue: '', detail: '' },
    ]);
  });
  it('names are unique', () => {
    const two =
      '      - name: web\n        image: nginx\n      - name: web\n        image: redis\n';
    expect(textsOf(withContainer('', two))).toEqual([`${C}[1].name: Duplicate value: "web"`]);
  });
  it('at least one container', () => {
    expect(
      textsOf(withContainer('', '      []\n').replace('containers:\n      []', 'containers: []')),
    ).toEqual([`${C}: Required value`]);
  });
  it('imagePullPolicy values', () => {
    expect(textsOf(withContainer('        imagePullPolicy: Sometimes\n'))).toEqual([
      `${C}[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"`,
    ]);
  });
  it('env names', () => {
    expect(
      textsOf(withContainer('        env:\n        - name: 1VAR\n          value: x\n')),
    ).toEqual([
      `${C}[0].env[0].name: Invalid value: "1VAR": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
    ]);
  });
  it('volumeMounts must name a volume', () => {
    expect(
      textsOf(
        withContainer('        volumeMounts:\n        - name: data\n          mountPath: /data\n'),
      ),
    ).toEqual([`${C}[0].volumeMounts[0].name: Not found: "data"`]);
  });
});

describe('container ports', () => {
  it('containerPort 0 is missing', () => {
    expect(textsOf(withContainer('        ports:\n        - containerPort: 0\n'))).toEqual([
      `${C}[0].ports[0].containerPort: Required value`,
    ]);
  });
  it('containerPort range', () => {
    expect(textsOf(withContainer('        ports:\n        - containerPort: 70000\n'))).toEqual([
      `${C}[0].ports[0].containerPort: Invalid value: 70000: ${PORT_RANGE}`,
    ]);
  });
  it('protocol values', () => {
    expect(
      textsOf(
        withContainer('        ports:\n        - containerPort: 80\n          protocol: HTTP\n'),
      ),
    ).toEqual([
      `${C}[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"`,
    ]);
  });
  it('names: IANA_SVC_NAME, unique', () => {
    expect(
      textsOf(
        withContainer(
          '        ports:\n        - containerPort: 80\n          name: metrics-endpoint-http\n',
        ),
      ),
    ).toEqual([
      `${C}[0].ports[0].name: Invalid value: "metrics-endpoint-http": must be no more than 15 characters`,
    ]);
    const dup =
      '        ports:\n        - containerPort: 80\n          name: http\n        - containerPort: 81\n          name: http\n';
    expect(textsOf(withContainer(dup))).toEqual([`${C}[0].ports[1].name: Duplicate value: "http"`]);
  });
  it('the same containerPort twice is allowed (only hostPorts must be unique)', () => {
    const twice = '        ports:\n        - containerPort: 80\n        - containerPort: 80\n';
    expect(textsOf(withContainer(twice))).toEqual([]);
  });
});

describe('probes', () => {
  it('exactly one handler', () => {
    const two =
      '        livenessProbe:\n          httpGet:\n            path: /\n            port: 80\n          tcpSocket:\n            port: 80\n';
    expect(textsOf(withContainer(two))).toEqual([
      `${C}[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type`,
    ]);
    expect(textsOf(withContainer('        readinessProbe:\n          periodSeconds: 5\n'))).toEqual(
      [`${C}[0].readinessProbe: Required value: must specify a handler type`],
    );
  });
  it('periodSeconds 0 is defaulted to 10 (valid); negative values are not', () => {
    expect(
      textsOf(
        withContainer(
          '        readinessProbe:\n          tcpSocket:\n            port: 80\n          periodSeconds: 0\n',
        ),
      ),
    ).toEqual([]);
    expect(
      textsOf(
        withContainer(
          '        readinessProbe:\n          tcpSocket:\n            port: 80\n          periodSeconds: -1\n',
        ),
      ),
    ).toEqual([
      `${C}[0].readinessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0`,
    ]);
  });
  it('liveness successThreshold must be 1 (readiness may be more)', () => {
    expect(
      textsOf(
        withContainer(
          '        livenessProbe:\n          tcpSocket:\n            port: 80\n          successThreshold: 2\n',
        ),
      ),
    ).toEqual([`${C}[0].livenessProbe.successThreshold: Invalid value: 2: must be 1`]);
    expect(
      textsOf(
        withContainer(
          '        readinessProbe:\n          tcpSocket:\n            port: 80\n          successThreshold: 2\n',
        ),
      ),
    ).toEqual([]);
  });
  it('httpGet needs a port', () => {
    expect(
      textsOf(
        withContainer('        livenessProbe:\n          httpGet:\n            path: /healthz\n'),
      ),
    ).toEqual([`${C}[0].livenessProbe.httpGet.port: Invalid value: 0: ${PORT_RANGE}`]);
  });
  it('a preStop sleep must fit in the grace period', () => {
    expect(
      textsOf(
        withContainer(
          '        lifecycle:\n          preStop:\n            sleep:\n              seconds: 40\n',
        ),
      ),
    ).toEqual([
      `${C}[0].lifecycle.preStop.sleep: Invalid value: 40: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
    ]);
  });
});

describe('pod template and Pod', () => {
  it('a Deployment template must restart Always', () => {
    const text = withContainer('').replace(
      '    spec:\n      containers:',
      '    spec:\n      restartPolicy: Never\n      containers:',
    );
    expect(textsOf(text)).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });
  const pod = (spec: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
${spec}`;
  it('Pod restartPolicy values keep their declared order', () => {
    expect(
      textsOf(pod('  restartPolicy: Sometimes\n  containers:\n  - name: c\n    image: busybox\n')),
    ).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });
  it('Pod images may not carry whitespace', () => {
    expect(textsOf(pod('  containers:\n  - name: c\n    image: " busybox"\n'))).toEqual([
      'spec.containers[0].image: Invalid value: " busybox": must not have leading or trailing whitespace',
    ]);
  });
});
