// `kubectl apply` semantics on the engine: kubectl's summaries, rollouts, all or nothing, the API
// server's errors with field, type, line and column, allocation errors, prune, dry runs that leave
// no trace, and manifests people copy from kubectl and the Kubernetes docs.
import { describe, expect, it } from 'vitest';
import { testCluster, type TestCluster } from '../testing/driver';
import { applyManifests } from './apply';
import { KUBECTL_CREATE_DEPLOYMENT, MY_SERVICE, NGINX_DEPLOYMENT } from './validation/testSupport';

const EMPTY = `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata: {name: apply-test}
cluster: {nodes: 2}
`;

function deployment(name: string, image = 'nginx:1.27', replicas = 2): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: web
          image: ${image}
`;
}

function service(
  name: string,
  ports = '    - port: 80\n      targetPort: 8080\n',
  extra = '',
): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:${extra}
  selector:
    app: ${name}
  ports:
${ports}`;
}

const docs = (...parts: string[]) => parts.join('---\n');

function fresh(): TestCluster {
  return testCluster(EMPTY);
}

/** Everything an apply could change, to compare before and after a refused one. */
function snapshot(t: TestCluster): string {
  const kinds = ['Deployment', 'ReplicaSet', 'Pod', 'Service'] as const;
  return JSON.stringify(kinds.map((k) => t.c.store.list(k)));
}

describe('applyManifests: summaries', () => {
  it('says created, then unchanged, then configured, like kubectl', () => {
    const t = fresh();
    const text = docs(deployment('web'), service('web'));
    expect(applyManifests(t.c, text)).toEqual({
      ok: true,
      output: ['deployment.apps/web created', 'service/web created'],
      errorText: '',
      diagnostics: [],
    });
    t.settle();
    expect(applyManifests(t.c, text).output).toEqual([
      'deployment.apps/web unchanged',
      'service/web unchanged',
    ]);
    const scaled = docs(deployment('web', 'nginx:1.27', 3), service('web'));
    expect(applyManifests(t.c, scaled).output).toEqual([
      'deployment.apps/web configured',
      'service/web unchanged',
    ]);
    t.settle();
    expect(t.pods({ app: 'web' })).toHaveLength(3);
  });

  it('a changed pod template starts a rollout: a new ReplicaSet takes over', () => {
    const t = fresh();
    applyManifests(t.c, deployment('web', 'nginx:1.26'));
    t.settle();
    const [first] = t.c.store.list('ReplicaSet', 'default');
    expect(applyManifests(t.c, deployment('web', 'nginx:1.27')).output).toEqual([
      'deployment.apps/web configured',
    ]);
    t.settle();
    const sets = t.c.store.list('ReplicaSet', 'default');
    expect(sets).toHaveLength(2);
    const next = sets.find((rs) => rs.metadata.name !== first?.metadata.name);
    expect(next?.spec.replicas).toBe(2);
    expect(t.c.store.get('ReplicaSet', `default/${first?.metadata.name}`)?.spec.replicas).toBe(0);
    expect(t.pods({ app: 'web' }).every((p) => p.name.startsWith(`${next?.metadata.name}-`))).toBe(
      true,
    );
  });
});

describe('applyManifests: all or nothing, in the API server words', () => {
  it('one invalid document among valid ones changes nothing', () => {
    const t = fresh();
    applyManifests(t.c, deployment('web'));
    t.settle();
    const before = snapshot(t);
    const text = docs(
      deployment('web', 'nginx:1.27', 5),
      service('web', '    - port: 0\n      targetPort: 8080\n'),
      deployment('api'),
    );
    const r = applyManifests(t.c, text);
    expect(r.ok).toBe(false);
    expect(r.output).toEqual([]);
    expect(r.errorText).toBe(
      'The Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    );
    expect(snapshot(t)).toBe(before);
  });

  it('an invalid Service port: exact message, field path, type, line and column', () => {
    const r = applyManifests(
      fresh().c,
      service('web', '    - port: 70000\n      targetPort: 8080\n'),
    );
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        kind: 'Service',
        name: 'web',
        field: 'spec.ports[0].port',
        type: 'FieldValueInvalid',
        message: 'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
        line: 9,
        column: 7,
      },
    ]);
  });

  it('a duplicate key is refused by kubectl before it reaches the server', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\nspec:\n  ports:\n    - port: 80\n';
    const r = applyManifests(fresh().c, text);
    expect(r.errorText).toBe(
      'error: map[string]interface {}(nil): yaml: unmarshal errors:\n  line 5: mapping key "name" already defined at line 4',
    );
    expect(r.diagnostics).toMatchObject([
      { type: 'FieldValueDuplicate', field: 'metadata.name', line: 5, column: 3 },
    ]);
  });

  it('an unknown field fails strict decoding, pointing at the field', () => {
    const text = service('web', '    - port: 80\n      targetport: 8080\n');
    const r = applyManifests(fresh().c, text);
    expect(r.errorText).toBe(
      'Error from server (BadRequest): error when creating "manifests.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].targetport"',
    );
    expect(r.diagnostics).toMatchObject([
      { type: 'UnknownField', field: 'spec.ports[0].targetport', line: 10, column: 7 },
    ]);
  });

  it('a nodePort already allocated, and one out of range, are the allocator errors', () => {
    const t = fresh();
    const nodePort = (name: string, port: number) =>
      service(name, `    - port: 80\n      nodePort: ${port}\n`, '\n  type: NodePort');
    expect(applyManifests(t.c, nodePort('a', 30080)).ok).toBe(true);
    const taken = applyManifests(t.c, nodePort('b', 30080));
    expect(taken.errorText).toBe(
      'The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
    expect(taken.diagnostics).toMatchObject([
      { field: 'spec.ports[0].nodePort', type: 'FieldValueInvalid', line: 11, column: 7 },
    ]);
    expect(applyManifests(t.c, nodePort('c', 40000)).errorText).toBe(
      'The Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    expect(t.c.store.get('Service', 'default/b')).toBeUndefined();
  });

  it('a ClusterIP cannot change once set', () => {
    const t = fresh();
    applyManifests(t.c, service('web'));
    const ip = t.c.store.get('Service', 'default/web')?.spec.clusterIP;
    const r = applyManifests(t.c, service('web', undefined, '\n  clusterIP: 10.96.0.99'));
    expect(r.ok).toBe(false);
    expect(r.errorText).toBe(
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.99"]: may not change once set',
    );
    expect(r.diagnostics).toMatchObject([{ line: 6, column: 3 }]);
    expect(t.c.store.get('Service', 'default/web')?.spec.clusterIP).toBe(ip);
  });
});

describe('applyManifests: prune', () => {
  it('deletes what an earlier apply made and the text no longer lists, only when asked', () => {
    const t = fresh();
    applyManifests(t.c, docs(deployment('web'), service('web'), deployment('old'), service('old')));
    t.run('kubectl create deployment made-by-hand --image=nginx');
    t.settle();
    const kept = docs(deployment('web'), service('web'));

    expect(applyManifests(t.c, kept).output).toEqual([
      'deployment.apps/web unchanged',
      'service/web unchanged',
    ]);
    expect(t.c.store.get('Deployment', 'default/old')).toBeDefined();

    expect(applyManifests(t.c, kept, { prune: true, dryRun: true }).output).toEqual([
      'deployment.apps/web configured (dry run)',
      'service/web configured (dry run)',
      'service/old pruned (dry run)',
      'deployment.apps/old pruned (dry run)',
    ]);
    expect(t.c.store.get('Service', 'default/old')).toBeDefined();

    expect(applyManifests(t.c, kept, { prune: true }).output).toEqual([
      'deployment.apps/web unchanged',
      'service/web unchanged',
      'service/old pruned',
      'deployment.apps/old pruned',
    ]);
    t.settle();
    expect(t.c.store.get('Deployment', 'default/old')).toBeUndefined();
    expect(t.c.store.get('Service', 'default/old')).toBeUndefined();
    expect(t.pods({ app: 'old' })).toHaveLength(0);
    // Not applied from the editor (no last-applied annotation): never pruned.
    expect(t.c.store.get('Deployment', 'default/made-by-hand')).toBeDefined();
    expect(t.pods({ app: 'web' })).toHaveLength(2);
  });

  it('is logged with the apply, so a replay prunes too', () => {
    const t = fresh();
    t.engine.apply(docs(deployment('web'), deployment('old')));
    t.advance('5s');
    t.engine.apply(deployment('web'), { prune: true });
    expect(t.engine.log.map((l) => ('apply' in l ? l.prune === true : null))).toEqual([
      false,
      true,
    ]);
    const replayed = fresh();
    for (const entry of t.engine.log) replayed.engine.replay(entry);
    replayed.advance('5s');
    t.advance('5s');
    expect(replayed.c.store.get('Deployment', 'default/old')).toBeUndefined();
    expect(JSON.stringify(replayed.engine.view())).toBe(JSON.stringify(t.engine.view()));
  });

  it('a refused apply prunes nothing', () => {
    const t = fresh();
    applyManifests(t.c, docs(deployment('web'), deployment('old')));
    const r = applyManifests(t.c, service('web', '    - port: 0\n      targetPort: 80\n'), {
      prune: true,
    });
    expect(r.ok).toBe(false);
    expect(t.c.store.get('Deployment', 'default/old')).toBeDefined();
  });
});

describe('applyManifests: dry runs', () => {
  it('leave no trace: the same ClusterIP is allocated with or without a dry run first', () => {
    const plain = fresh();
    applyManifests(plain.c, service('web'));
    const checked = fresh();
    expect(applyManifests(checked.c, service('web'), { dryRun: true }).output).toEqual([
      'service/web created (dry run)',
    ]);
    expect(checked.c.store.get('Service', 'default/web')).toBeUndefined();
    applyManifests(checked.c, service('web'));
    expect(checked.c.store.get('Service', 'default/web')?.spec.clusterIP).toBe(
      plain.c.store.get('Service', 'default/web')?.spec.clusterIP,
    );
  });
});

describe('applyManifests: manifests people copy', () => {
  it('kubectl create deployment x --image=nginx --dry-run=client -o yaml applies cleanly', () => {
    const text = KUBECTL_CREATE_DEPLOYMENT;
    const t = fresh();
    expect(applyManifests(t.c, text)).toMatchObject({
      ok: true,
      output: ['deployment.apps/x created'],
      diagnostics: [],
    });
    t.settle();
    expect(t.pods({ app: 'x' }).map((p) => p.status)).toEqual(['Running']);
  });

  it("the Kubernetes docs' nginx-deployment and my-service apply cleanly", () => {
    const text = `${NGINX_DEPLOYMENT}---\n${MY_SERVICE}`;
    const t = fresh();
    expect(applyManifests(t.c, text)).toEqual({
      ok: true,
      output: ['deployment.apps/nginx-deployment created', 'service/my-service created'],
      errorText: '',
      diagnostics: [],
    });
    t.settle();
    expect(t.pods({ app: 'nginx' })).toHaveLength(3);
  });
});
