import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyDefaults, imageTag } from './defaults';

const y = (text: string): Record<string, unknown> => parse(text) as Record<string, unknown>;

describe('applyDefaults', () => {
  it('Deployment: replicas, strategy, history, deadline and the pod template', () => {
    const input = y(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        ports: [{containerPort: 80}]
        readinessProbe:
          httpGet: {port: 80}
`);
    const out = applyDefaults(input);
    expect(out).not.toBe(input);
    expect(input['spec']).not.toHaveProperty('replicas');
    expect(out['spec']).toMatchObject({
      replicas: 1,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: {
        spec: {
          restartPolicy: 'Always',
          dnsPolicy: 'ClusterFirst',
          schedulerName: 'default-scheduler',
          terminationGracePeriodSeconds: 30,
          securityContext: {},
          containers: [
            {
              imagePullPolicy: 'Always',
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              readinessProbe: {
                httpGet: { port: 80, path: '/', scheme: 'HTTP' },
                timeoutSeconds: 1,
                periodSeconds: 10,
                successThreshold: 1,
                failureThreshold: 3,
              },
            },
          ],
        },
      },
    });
    const tmplSpec = (out['spec'] as { template: { spec: Record<string, unknown> } }).template.spec;
    expect(tmplSpec).not.toHaveProperty('enableServiceLinks');
  });

  it('Recreate gets no rollingUpdate', () => {
    const out = applyDefaults(
      y('apiVersion: apps/v1\nkind: Deployment\nspec:\n  strategy: {type: Recreate}\n'),
    );
    expect(out['spec']).toMatchObject({ strategy: { type: 'Recreate' } });
    expect((out['spec'] as { strategy: object }).strategy).not.toHaveProperty('rollingUpdate');
  });

  it('imagePullPolicy follows the tag', () => {
    expect(imageTag('nginx')).toBe('latest');
    expect(imageTag('nginx:latest')).toBe('latest');
    expect(imageTag('nginx:1.27')).toBe('1.27');
    expect(imageTag('registry.local:5000/team/app')).toBe('latest');
    expect(imageTag('nginx@sha256:' + 'a'.repeat(64))).toBe('');
    const pod = applyDefaults(
      y(
        'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - {name: a, image: "nginx:1.27"}\n  - {name: b, image: nginx}\n',
      ),
    );
    const [a, b] = (pod['spec'] as { containers: Array<Record<string, unknown>> }).containers;
    expect(a?.['imagePullPolicy']).toBe('IfNotPresent');
    expect(b?.['imagePullPolicy']).toBe('Always');
    expect(pod['spec']).toMatchObject({
      enableServiceLinks: true,
      terminationGracePeriodSeconds: 30,
    });
  });

  it('Pod: requests default to limits', () => {
    const pod = applyDefaults(
      y(
        'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: x\n    resources: {limits: {cpu: 500m}}\n',
      ),
    );
    expect(pod['spec']).toMatchObject({
      containers: [{ resources: { limits: { cpu: '500m' }, requests: { cpu: '500m' } } }],
    });
  });

  it('Service: type, affinity, protocol, targetPort and traffic policies', () => {
    const svc = applyDefaults(
      y(
        'apiVersion: v1\nkind: Service\nspec:\n  ports:\n  - port: 80\n  - port: 81\n    targetPort: http\n',
      ),
    );
    expect(svc['spec']).toEqual({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ports: [
        { port: 80, protocol: 'TCP', targetPort: 80 },
        { port: 81, protocol: 'TCP', targetPort: 'http' },
      ],
    });
    const lb = applyDefaults(
      y(
        'apiVersion: v1\nkind: Service\nspec:\n  type: LoadBalancer\n  sessionAffinity: ClientIP\n',
      ),
    );
    expect(lb['spec']).toMatchObject({
      externalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: true,
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
    });
    const ext = applyDefaults(
      y('apiVersion: v1\nkind: Service\nspec:\n  type: ExternalName\n  externalName: a.b\n'),
    );
    expect(ext['spec']).not.toHaveProperty('internalTrafficPolicy');
    expect(ext['spec']).not.toHaveProperty('externalTrafficPolicy');
  });

  it('Namespace, EndpointSlice and ReplicaSet', () => {
    expect(applyDefaults(y('apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n'))).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'prod', labels: { 'kubernetes.io/metadata.name': 'prod' } },
      status: { phase: 'Active' },
    });
    const slice = applyDefaults(
      y('apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nports:\n- port: 80\n'),
    );
    expect(slice['ports']).toEqual([{ port: 80, name: '', protocol: 'TCP' }]);
    const rs = applyDefaults(
      y('apiVersion: apps/v1\nkind: ReplicaSet\nspec: {template: {spec: {containers: []}}}\n'),
    );
    expect(rs['spec']).toMatchObject({
      replicas: 1,
      template: { spec: { restartPolicy: 'Always' } },
    });
  });

  it('leaves unknown kinds as they are', () => {
    const foo = { apiVersion: 'v1', kind: 'Foo', spec: {} };
    expect(applyDefaults(foo)).toEqual(foo);
  });
});
