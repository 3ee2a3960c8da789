import { describe, expect, it } from 'vitest';
import { FORCE_WARNING } from './commands/delete';
import { at, fixture, k } from './testFixture';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });
const podStatus = (t: ReturnType<typeof fixture>, name: string) =>
  k(t, `get pod ${name}`).stdout.split('\n')[1]?.split(/\s+/)[2];

describe('kubectl delete', () => {
  it('deletes a pod gracefully: it shows Terminating, then is gone', () => {
    const t = fixture();
    expect(k(t, 'delete pod web-1')).toEqual(ok('pod "web-1" deleted\n'));
    expect(podStatus(t, 'web-1')).toBe('Terminating');
    at(t, 31_000);
    expect(k(t, 'get pod web-1').stderr).toBe(
      'Error from server (NotFound): pods "web-1" not found\n',
    );
  });

  it('--force deletes at once with the warning; --grace-period=0 alone means 1', () => {
    const t = fixture();
    expect(k(t, 'delete pod web-1 --force')).toEqual({
      stdout: 'pod "web-1" force deleted\n',
      stderr: FORCE_WARNING,
      exitCode: 0,
    });
    expect(t.c.store.get('Pod', 'default/web-1')).toBeUndefined();
    expect(k(t, 'delete pod web-2 --grace-period=0')).toEqual(ok('pod "web-2" deleted\n'));
    expect(t.c.store.get('Pod', 'default/web-2')?.metadata.deletionGracePeriodSeconds).toBe(1);
    expect(FORCE_WARNING).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  });

  it('-l deletes what matches, or says No resources found on stdout', () => {
    const t = fixture();
    expect(k(t, 'delete pods -l app=web --now')).toEqual(
      ok('pod "web-1" deleted\npod "web-2" deleted\n'),
    );
    expect(k(t, 'delete pods -l app=nothing')).toEqual(ok('No resources found\n'));
  });

  it('a Deployment takes its ReplicaSets and pods with it (garbage collection)', () => {
    const t = fixture();
    expect(k(t, 'delete deployment api')).toEqual(ok('deployment.apps "api" deleted\n'));
    at(t, 32_000);
    expect(k(t, 'get rs,pods -l app=api').stderr).toBe(
      'No resources found in default namespace.\n',
    );
  });

  it('a Service frees its ClusterIP and node ports, and its EndpointSlices go', () => {
    const t = fixture();
    const ip = t.c.store.get('Service', 'default/web-np')?.spec.clusterIP ?? '';
    expect(k(t, 'delete svc web-np')).toEqual(ok('service "web-np" deleted\n'));
    expect(t.c.ctl.allocators.clusterIPs.isAllocated(ip)).toBe(false);
    at(t, 31_000);
    expect(t.c.ctl.sliceIndex.get('default/web-np')).toEqual([]);
    const svc =
      'apiVersion: v1\nkind: Service\nmetadata: {name: again}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]\n';
    expect(k(t, 'apply -f s.yaml', { files: { 's.yaml': svc } })).toEqual(
      ok('service/again created\n'),
    );
  });

  it.each([
    ['delete pod nope', 'Error from server (NotFound): pods "nope" not found\n'],
    ['delete pods', 'error: resource(s) were provided, but no name was specified\n'],
    [
      'delete pod web-1 --force --grace-period=5',
      'error: --force and --grace-period greater than 0 cannot be specified together\n',
    ],
    [
      'delete pod web-1 --now --grace-period=5',
      'error: --now and --grace-period cannot be specified together\n',
    ],
    [
      'delete ns default',
      'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n',
    ],
  ])('%s', (line, stderr) => {
    expect(k(fixture(), line)).toEqual(err(stderr));
  });
});

describe('kubectl scale, apply, create, expose', () => {
  it('scale sets replicas; the controllers follow', () => {
    const t = fixture();
    expect(k(t, 'scale deployment api --replicas=4')).toEqual(ok('deployment.apps/api scaled\n'));
    at(t, 60_000);
    expect(k(t, 'get deploy api').stdout).toContain('api    4/4     4            4');
    expect(k(t, 'scale deploy/api')).toEqual(err('error: required flag(s) "replicas" not set\n'));
  });

  it('apply creates, leaves unchanged, configures, and reports invalid objects', () => {
    const t = fixture();
    const svc = (port: number) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: extra\nspec:\n  selector: {app: web}\n  ports:\n  - port: ${port}\n`;
    expect(k(t, 'apply -f a.yaml', { files: { 'a.yaml': svc(81) } })).toEqual(
      ok('service/extra created\n'),
    );
    expect(k(t, 'apply -f a.yaml', { files: { 'a.yaml': svc(81) } })).toEqual(
      ok('service/extra unchanged\n'),
    );
    expect(k(t, 'apply -f a.yaml', { files: { 'a.yaml': svc(82) } })).toEqual(
      ok('service/extra configured\n'),
    );
    expect(k(t, 'apply -f a.yaml', { files: { 'a.yaml': svc(0) } }).stderr).toMatch(
      /^The Service "extra" is invalid: \n\* spec\.ports\[0\]\.port: Invalid value: 0: must be between 1 and 65535, inclusive\n/,
    );
    expect(k(t, 'apply -f nope.yaml')).toEqual(err('error: the path "nope.yaml" does not exist\n'));
  });

  it('create deployment makes what kubectl generates; --dry-run=client -o yaml shows it', () => {
    const t = fixture();
    expect(k(t, 'create deployment web --image=nginx:1.27 --dry-run=client -o yaml')).toEqual(
      ok(
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\n' +
          'spec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n' +
          '    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n' +
          '      - image: nginx:1.27\n        name: nginx\n        resources: {}\nstatus: {}\n',
      ),
    );
    expect(
      k(
        t,
        'create deployment shop --image=registry.k8s.io/e2e-test-images/agnhost:2.53 --replicas=2 --port=80',
      ),
    ).toEqual(ok('deployment.apps/shop created\n'));
    const d = t.c.store.get('Deployment', 'default/shop');
    expect(d?.spec.template.spec.containers[0]).toMatchObject({
      name: 'agnhost',
      ports: [{ containerPort: 80 }],
    });
    expect(
      d?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'],
    ).toBeUndefined();
    expect(k(t, 'create deployment shop --image=nginx')).toEqual(
      err('Error from server (AlreadyExists): deployments.apps "shop" already exists\n'),
    );
  });

  it('create service names ports <port>-<target> and selects app=NAME', () => {
    const t = fixture();
    expect(k(t, 'create service nodeport shop --tcp=80:8080 --node-port=30099')).toEqual(
      ok('service/shop created\n'),
    );
    const s = t.c.store.get('Service', 'default/shop');
    expect(s?.spec).toMatchObject({
      type: 'NodePort',
      selector: { app: 'shop' },
      ports: [{ name: '80-8080', port: 80, targetPort: 8080, nodePort: 30099, protocol: 'TCP' }],
    });
    expect(k(t, 'create service clusterip x').stderr).toBe(
      'error: at least one tcp port specifier must be provided\n',
    );
    expect(k(t, 'create service clusterip Bad --tcp=80').stderr).toMatch(
      /^error: failed to create ClusterIP service: Service "Bad" is invalid: metadata\.name: Invalid value: "Bad": a DNS-1035 label/,
    );
  });

  it('expose selects what the Deployment selects; targetPort defaults to the port', () => {
    const t = fixture();
    expect(k(t, 'expose deployment api --port=80 --type=NodePort')).toEqual(
      ok('service/api exposed\n'),
    );
    const s = t.c.store.get('Service', 'default/api');
    expect(s?.spec).toMatchObject({
      type: 'NodePort',
      selector: { app: 'api' },
      ports: [{ port: 80, targetPort: 80 }],
    });
    expect(s?.metadata.labels).toEqual({ app: 'api' });
    expect(k(t, 'expose deployment api --port=80')).toEqual(
      err('Error from server (AlreadyExists): services "api" already exists\n'),
    );
    expect(k(t, 'expose deploy api --name=api2')).toEqual(ok('service/api2 exposed\n'));
    expect(t.c.store.get('Service', 'default/api2')?.spec.ports?.[0]).toMatchObject({
      port: 5678,
      targetPort: 5678,
    });
  });
});

describe('kubectl set image and rollout', () => {
  it('walks a rolling update through the status lines', () => {
    const t = fixture();
    expect(k(t, 'set image deployment/api api=hashicorp/http-echo:1.1')).toEqual(
      ok('deployment.apps/api image updated\n'),
    );
    expect(k(t, 'rollout status deployment/api')).toEqual(
      ok('Waiting for deployment spec update to be observed...\n'),
    );
    at(t, 31_000);
    expect(k(t, 'rollout status deployment/api')).toEqual(
      ok(
        'Waiting for deployment "api" rollout to finish: 1 out of 2 new replicas have been updated...\n',
      ),
    );
    at(t, 60_000);
    expect(k(t, 'rollout status deploy/api')).toEqual(
      ok('deployment "api" successfully rolled out\n'),
    );
    expect(k(t, 'rollout history deployment/api')).toEqual(
      ok('deployment.apps/api \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n'),
    );
    expect(k(t, 'rollout history deployment/api --revision=1').stdout).toMatch(
      /^deployment\.apps\/api with revision #1\nPod Template:\n {2}Labels: {2}app=api\n\s+pod-template-hash=\w+\n {2}Containers:\n {3}api:\n {4}Image: {9}hashicorp\/http-echo:1\.0\n/,
    );
    expect(k(t, 'set image deployment/api nope=x')).toEqual(
      err('error: unable to find container named "nope"\n'),
    );
  });

  it('undo goes back to the previous template; a second undo is skipped', () => {
    const t = fixture();
    expect(k(t, 'rollout undo deployment/api')).toEqual(
      err('error: no rollout history found for deployment "api"\n'),
    );
    k(t, 'set image deployment/api api=hashicorp/http-echo:1.1');
    at(t, 60_000);
    expect(k(t, 'rollout undo deployment/api')).toEqual(ok('deployment.apps/api rolled back\n'));
    expect(
      t.c.store.get('Deployment', 'default/api')?.spec.template.spec.containers[0]?.image,
    ).toBe('hashicorp/http-echo:1.0');
    expect(k(t, 'rollout undo deployment/api').stdout).toBe(
      'deployment.apps/api skipped rollback (current template already matches revision 1)\n',
    );
  });

  it('restart stamps the template; pause and resume guard their state', () => {
    const t = fixture();
    expect(k(t, 'rollout restart deployment/api')).toEqual(ok('deployment.apps/api restarted\n'));
    expect(t.c.store.get('Deployment', 'default/api')?.spec.template.metadata?.annotations).toEqual(
      {
        'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:30Z',
      },
    );
    expect(k(t, 'rollout restart deployment/api').stderr).toMatch(
      /if restart has already been triggered within the past second/,
    );
    expect(k(t, 'rollout pause deployment/api')).toEqual(ok('deployment.apps/api paused\n'));
    expect(k(t, 'rollout pause deployment/api')).toEqual(
      err('error: deployments.apps "api" is already paused\n'),
    );
    expect(k(t, 'rollout resume deployment/api')).toEqual(ok('deployment.apps/api resumed\n'));
    expect(k(t, 'rollout resume deployment/api')).toEqual(
      err('error: deployments.apps "api" is not paused\n'),
    );
  });
});

describe('kubectl label and annotate', () => {
  it('sets, refuses to change without --overwrite, removes', () => {
    const t = fixture();
    expect(k(t, 'label pod web-1 tier=a')).toEqual(ok('pod/web-1 labeled\n'));
    expect(k(t, 'label pod web-1 tier=a')).toEqual(ok('pod/web-1 not labeled\n'));
    expect(k(t, 'label pod web-1 tier=b')).toEqual(
      err("error: 'tier' already has a value (a), and --overwrite is false\n"),
    );
    expect(k(t, 'label pod web-1 tier=b --overwrite')).toEqual(ok('pod/web-1 labeled\n'));
    expect(k(t, 'label pod/web-1 tier-')).toEqual(ok('pod/web-1 unlabeled\n'));
    expect(k(t, 'annotate svc web note=x')).toEqual(ok('service/web annotated\n'));
    expect(k(t, 'annotate svc web note=y')).toEqual(
      err(
        "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (x)\n",
      ),
    );
  });

  it('a pod that loses its selector label leaves the Service', () => {
    const t = fixture();
    expect(k(t, 'label pod web-1 app-')).toEqual(ok('pod/web-1 unlabeled\n'));
    at(t, 60_000);
    expect(t.endpoints('web')).toEqual([t.c.store.get('Pod', 'default/web-2')?.status.podIP]);
    expect(k(t, 'get pods -l app=web -o name').stdout).toBe('pod/web-2\n');
  });

  it('a ReplicaSet lets go of a relabelled pod and makes a replacement', () => {
    const t = fixture();
    const pod = t.c.store.list('Pod').find((p) => p.metadata.labels?.app === 'api');
    const name = pod?.metadata.name ?? '';
    expect(k(t, `label pod ${name} app=debug --overwrite`)).toEqual(ok(`pod/${name} labeled\n`));
    at(t, 60_000);
    const api = k(t, 'get pods -l app=api -o name').stdout;
    expect(api.split('\n').filter(Boolean)).toHaveLength(2);
    expect(api).not.toContain(name);
    expect(t.c.store.get('Pod', `default/${name}`)?.metadata.ownerReferences).toBeUndefined();
    expect(k(t, `describe pod ${name}`).stdout).not.toContain('Controlled By');
  });
});

describe('kubectl cordon, uncordon, drain', () => {
  it('cordons once, then says already cordoned; uncordon likewise', () => {
    const t = fixture();
    expect(k(t, 'cordon node-1')).toEqual(ok('node/node-1 cordoned\n'));
    expect(k(t, 'cordon node-1')).toEqual(ok('node/node-1 already cordoned\n'));
    expect(k(t, 'uncordon node-1')).toEqual(ok('node/node-1 uncordoned\n'));
    expect(k(t, 'uncordon node-1')).toEqual(ok('node/node-1 already uncordoned\n'));
    expect(k(t, 'cordon node-9')).toEqual(
      err('Error from server (NotFound): nodes "node-9" not found\n'),
    );
  });

  it('drain refuses pods without a controller unless --force, then evicts everything', () => {
    const t = fixture();
    const onNode = (n: string) =>
      t.c.store
        .list('Pod')
        .filter((p) => p.spec.nodeName === n)
        .map((p) => p.metadata.name)
        .sort();
    const node = t.c.store.get('Pod', 'default/web-1')?.spec.nodeName ?? '';
    const pods = onNode(node);
    const bare = pods
      .filter((p) => p.startsWith('web-'))
      .map((p) => `default/${p}`)
      .join(', ');
    expect(k(t, `drain ${node} --ignore-daemonsets`)).toEqual({
      stdout: `node/${node} cordoned\n`,
      stderr:
        `error: unable to drain node "${node}" due to error:cannot delete Pods that declare no controller (use --force to override): ${bare}, continuing command...\n` +
        `There are pending nodes to be drained:\n ${node}\n` +
        `error: cannot delete Pods that declare no controller (use --force to override): ${bare}\n`,
      exitCode: 1,
    });
    expect(k(t, `drain ${node} --ignore-daemonsets --force`)).toEqual({
      stdout:
        `node/${node} already cordoned\n` +
        pods.map((p) => `evicting pod default/${p}\n`).join('') +
        pods.map((p) => `pod/${p} evicted\n`).join('') +
        `node/${node} drained\n`,
      stderr: `Warning: deleting Pods that declare no controller: ${bare}\n`,
      exitCode: 0,
    });
    at(t, 90_000);
    expect(onNode(node)).toEqual([]);
    expect(k(t, 'get deploy api').stdout).toContain('2/2');
  });
});
