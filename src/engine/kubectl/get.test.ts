import { describe, expect, it } from 'vitest';
import { at, fixture, k } from './testFixture';

/** kubectl's table rule restated: every column but the last is its widest cell + 3, at least 6. */
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(6, ...rows.map((r) => (r[i] ?? '').length + 3)));
  return rows
    .map((r) =>
      r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths?.[i] ?? 0) : cell)).join(''),
    )
    .map((l) => l + '\n')
    .join('');
}

describe('kubectl get pods', () => {
  it('prints NAME READY STATUS RESTARTS AGE, padded by 3', () => {
    const r = k(fixture(), 'get pods -l app=web');
    expect(r).toEqual({
      stdout:
        'NAME    READY   STATUS    RESTARTS   AGE\n' +
        'web-1   1/1     Running   0          30s\n' +
        'web-2   1/1     Running   0          30s\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('-o wide adds IP, NODE, NOMINATED NODE and READINESS GATES', () => {
    const t = fixture();
    const rows = ['web-1', 'web-2'].map((n) => {
      const p = t.c.store.get('Pod', `default/${n}`);
      return [
        n,
        '1/1',
        'Running',
        '0',
        '30s',
        p?.status.podIP ?? '',
        p?.spec.nodeName ?? '',
        '<none>',
        '<none>',
      ];
    });
    const header = [
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      'IP',
      'NODE',
      'NOMINATED NODE',
      'READINESS GATES',
    ];
    expect(k(t, 'get pods -l app=web -o wide').stdout).toBe(table([header, ...rows]));
    expect(rows[0]?.[5]).toMatch(/^10\.244\.\d+\.\d+$/);
  });

  it('shows AGE with HumanDuration at several ages', () => {
    const t = fixture(0);
    const age = () => k(t, 'get pod web-1').stdout.split('\n')[1]?.split(/\s+/)[4];
    const DAY = 86_400_000;
    const cases: [number, string][] = [
      [0, '0s'],
      [59_000, '59s'],
      [121_000, '2m1s'],
      [600_000, '10m'],
      [3 * 3_600_000, '3h'],
      [2 * DAY, '2d'],
      [400 * DAY, '400d'],
      [(2 * 365 + 70) * DAY, '2y70d'],
    ];
    for (const [ms, text] of cases) expect([ms, (at(t, ms), age())]).toEqual([ms, text]);
  });

  it('shows the pod lifecycle in STATUS: Pending, ContainerCreating, Running, Terminating', () => {
    const t = fixture(0);
    const status = () => k(t, 'get pod web-1').stdout.split('\n')[1]?.split(/\s+/).slice(1, 3);
    expect(status()).toEqual(['0/1', 'Pending']);
    at(t, 200);
    expect(status()).toEqual(['0/1', 'ContainerCreating']);
    at(t, 20_000);
    expect(status()).toEqual(['1/1', 'Running']);
    k(t, 'delete pod web-1');
    expect(status()).toEqual(['1/1', 'Terminating']);
  });

  it('counts restarts with the age of the last one', () => {
    const t = fixture();
    t.run('chaos crash -l app=web --count 1');
    at(t, 75_000);
    expect(k(t, 'get pod web-1').stdout.split('\n')[1]).toMatch(
      /^web-1 {3}1\/1 {5}Running {3}1 \(45s ago\) {3}75s$/,
    );
  });

  it('--show-labels and -A add LABELS last and NAMESPACE first', () => {
    const r = k(fixture(), 'get pods -A --show-labels -l app=web');
    expect(r.stdout).toBe(
      'NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE   LABELS\n' +
        'default     web-1   1/1     Running   0          30s   app=web\n' +
        'default     web-2   1/1     Running   0          30s   app=web\n',
    );
  });

  it('-o name, selectors that match nothing, and --field-selector', () => {
    const t = fixture();
    expect(k(t, 'get pods -l app=web -o name').stdout).toBe('pod/web-1\npod/web-2\n');
    expect(k(t, 'get pods -l app=nothing')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(k(t, 'get pods -A -l app=nothing').stderr).toBe('No resources found\n');
    const node = t.c.store.get('Pod', 'default/web-1')?.spec.nodeName ?? '';
    expect(k(t, `get pods -l app=web --field-selector spec.nodeName=${node} -o name`).stdout).toBe(
      'pod/web-1\n',
    );
  });
});

describe('kubectl get services', () => {
  it('prints every type: <none> and the external name for ExternalName, node ports, LB ingress', () => {
    const t = fixture();
    const ip = (n: string) => t.c.store.get('Service', `default/${n}`)?.spec.clusterIP ?? '';
    expect(k(t, 'get svc -o wide').stdout).toBe(
      table([
        ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR'],
        ['docs', 'ExternalName', '<none>', 'docs.example.com', '<none>', '30s', '<none>'],
        ['empty', 'ClusterIP', ip('empty'), '<none>', '80/TCP', '30s', 'app=nothing'],
        ['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '30s', '<none>'],
        ['web', 'ClusterIP', ip('web'), '<none>', '80/TCP', '30s', 'app=web'],
        ['web-lb', 'LoadBalancer', ip('web-lb'), '198.51.100.10', '80:30081/TCP', '30s', 'app=web'],
        ['web-np', 'NodePort', ip('web-np'), '<none>', '80:30080/TCP', '30s', 'app=web'],
      ]),
    );
  });

  it('shows <pending> until the load balancer is provisioned', () => {
    const t = fixture('1s');
    expect(k(t, 'get svc web-lb').stdout).toMatch(
      /^web-lb {3}LoadBalancer {3}\S+ +<pending> {5}80:30081\/TCP {3}1s\n$/m,
    );
  });

  it('-o yaml prints the API object with sorted keys in go-yaml style', () => {
    const r = k(fixture(), 'get svc web-np -o yaml');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^apiVersion: v1\nkind: Service\nmetadata:\n/);
    expect(r.stdout).toContain('  creationTimestamp: "2026-01-01T00:00:00Z"\n');
    expect(r.stdout).toContain(
      '  ports:\n  - nodePort: 30080\n    port: 80\n    protocol: TCP\n    targetPort: 8080\n',
    );
    expect(r.stdout).toContain('  type: NodePort\nstatus:\n  loadBalancer: {}\n');
  });

  it('-o json indents by four spaces; a list is a kind: List', () => {
    const t = fixture();
    const one = JSON.parse(k(t, 'get svc web -o json').stdout);
    expect(one.spec.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }]);
    const out = k(t, 'get svc -o json').stdout;
    expect(out).toMatch(/^\{\n {4}"apiVersion": "v1",\n {4}"items": \[\n/);
    expect(JSON.parse(out).kind).toBe('List');
    expect(k(t, 'get pods -l app=none -o yaml').stdout).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it('-o jsonpath prints fields, ranges and literals', () => {
    const t = fixture();
    const ip = t.c.store.get('Service', 'default/web')?.spec.clusterIP;
    expect(k(t, "get svc web -o jsonpath='{.spec.clusterIP}'").stdout).toBe(ip);
    expect(k(t, 'get pods -l app=web -o jsonpath={.items[*].metadata.name}').stdout).toBe(
      'web-1 web-2',
    );
    expect(
      k(t, `get pods -l app=web -o jsonpath='{range .items[*]}{.metadata.name}{"\\n"}{end}'`)
        .stdout,
    ).toBe('web-1\nweb-2\n');
  });
});

describe('kubectl get endpoints and endpointslices', () => {
  it('lists ready endpoints, <none> without any, and warns that v1 Endpoints is deprecated', () => {
    const t = fixture();
    const ips = ['web-1', 'web-2']
      .map((n) => t.c.store.get('Pod', `default/${n}`)?.status.podIP ?? '')
      .sort()
      .map((ip) => `${ip}:8080`)
      .join(',');
    const r = k(t, 'get endpoints empty web');
    expect(r.stderr).toBe(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    );
    expect(r.stdout).toBe(
      table([
        ['NAME', 'ENDPOINTS', 'AGE'],
        ['empty', '<none>', '30s'],
        ['web', ips, '30s'],
      ]),
    );
  });

  it('shows three endpoints and "+ N more..." (5 api pods and 2 relabelled web pods)', () => {
    const t = fixture();
    k(t, 'scale deployment api --replicas=5');
    k(t, 'label pods -l app=web app=api --overwrite');
    k(t, 'expose deployment api --port=80 --target-port=5678 --name=api');
    at(t, 60_000);
    expect(k(t, 'get ep api').stdout.split('\n')[1]).toMatch(
      /^api {4}(10\.244\.\d+\.\d+:5678,){2}10\.244\.\d+\.\d+:5678 \+ 4 more\.\.\. {3}30s$/,
    );
    expect(
      k(t, 'get endpointslices -l kubernetes.io/service-name=api').stdout.split('\n')[1],
    ).toMatch(
      /^api-\w{5} {3}IPv4 {10}5678 {4}(10\.244\.\d+\.\d+,){2}10\.244\.\d+\.\d+ \+ 4 more\.\.\. {3}30s$/,
    );
  });
});

describe('kubectl get for the other kinds', () => {
  it('nodes, with -o wide and SchedulingDisabled once cordoned', () => {
    const t = fixture();
    k(t, 'cordon node-2');
    expect(k(t, 'get nodes -o wide').stdout).toBe(
      table([
        [
          'NAME',
          'STATUS',
          'ROLES',
          'AGE',
          'VERSION',
          'INTERNAL-IP',
          'EXTERNAL-IP',
          'OS-IMAGE',
          'KERNEL-VERSION',
          'CONTAINER-RUNTIME',
        ],
        [
          'node-1',
          'Ready',
          '<none>',
          '30s',
          'v1.33.1',
          '172.18.0.2',
          '<none>',
          'Debian GNU/Linux 12 (bookworm)',
          '6.8.0-60-generic',
          'containerd://2.1.1',
        ],
        [
          'node-2',
          'Ready,SchedulingDisabled',
          '<none>',
          '30s',
          'v1.33.1',
          '172.18.0.3',
          '<none>',
          'Debian GNU/Linux 12 (bookworm)',
          '6.8.0-60-generic',
          'containerd://2.1.1',
        ],
      ]),
    );
  });

  it('namespaces: the four a cluster starts with', () => {
    expect(k(fixture(), 'get ns').stdout).toBe(
      'NAME              STATUS   AGE\ndefault           Active   30s\nkube-node-lease   Active   30s\nkube-public       Active   30s\nkube-system       Active   30s\n',
    );
  });

  it('deployments and replicasets, wide', () => {
    const t = fixture();
    expect(k(t, 'get deploy -o wide').stdout).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES                    SELECTOR\n' +
        'api    2/2     2            2           30s   api          hashicorp/http-echo:1.0   app=api\n',
    );
    expect(k(t, 'get rs -o wide').stdout).toMatch(
      /^NAME +DESIRED {3}CURRENT {3}READY {3}AGE {3}CONTAINERS {3}IMAGES {20}SELECTOR\napi-(\w+) {3}2 {9}2 {9}2 {7}30s {3}api {10}hashicorp\/http-echo:1\.0 {3}app=api,pod-template-hash=\1\n$/,
    );
  });

  it('events: grouped by object in name order, kind lower-cased in OBJECT', () => {
    const out = k(fixture(), 'get events').stdout.split('\n');
    expect(out[0]).toMatch(/^LAST SEEN {3}TYPE {5}REASON +OBJECT +MESSAGE$/);
    const objects = out.slice(1, -1).map((l) => l.split(/\s{2,}/)[3] ?? '');
    expect(objects).toContain('deployment/api');
    expect(objects).toContain('pod/web-1');
    const names = objects.map((o) => o.split('/')[1] ?? '');
    expect(names).toEqual([...names].sort((a, b) => (`${a}.` < `${b}.` ? -1 : 1)));
    expect(out.find((l) => l.includes('pod/web-1') && l.includes('Scheduled'))).toMatch(
      /^30s {9}Normal {3}Scheduled +pod\/web-1 +Successfully assigned default\/web-1 to node-\d$/,
    );
  });

  it('all: pods, services, deployments and replicasets with kind/name and blank lines between', () => {
    const out = k(fixture(), 'get all').stdout;
    const blocks = out.split('\n\n');
    expect(blocks.map((b) => b.split('\n')[1]?.split('/')[0])).toEqual([
      'pod',
      'service',
      'deployment.apps',
      'replicaset.apps',
    ]);
    expect(out).toContain('service/kubernetes   ClusterIP      10.96.0.1  ');
  });

  it('real kinds that the simulation never creates are empty', () => {
    expect(k(fixture(), 'get statefulsets').stderr).toBe(
      'No resources found in default namespace.\n',
    );
  });
});

describe('kubectl get errors', () => {
  it.each([
    ['get foo', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['get pods --bogus', "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n"],
    [
      'get pods -z',
      "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n",
    ],
    ['get pods nope', 'Error from server (NotFound): pods "nope" not found\n'],
    ['get deploy nope', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    [
      'get pods -o foo',
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    ],
    [
      'get',
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    ],
  ])('%s', (line, stderr) => {
    expect(k(fixture(0), line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('prints what it found and then the NotFound errors', () => {
    const r = k(fixture(), 'get pods web-1 nope');
    expect(r.stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          30s\n',
    );
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });
});
