// The fidelity suite through the CLI contract (DESIGN.md §4): `run --json` reports and `kubectl`
// at a virtual time show the Service behaviours of shared/k8s-reference.md (section in each name).
// The engine-level suite is src/engine/fidelity; this file checks what a headless user sees.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';

interface Report {
  nodes: { name: string; ip: string; ready: boolean }[];
  pods: {
    name: string;
    labels: Record<string, string>;
    ip: string | null;
    node: string | null;
    status: string;
    ready: boolean;
    restarts: number;
    deletedAt: number | null;
  }[];
  services: {
    name: string;
    type: string;
    clusterIP: string | null;
    ports: { nodePort: number | null }[];
  }[];
  endpointSlices: {
    metadata: { labels: Record<string, string> };
    endpoints: { addresses: string[]; conditions: Record<string, boolean> }[];
  }[];
  requests: {
    t: number;
    from: string;
    url: string;
    resolved: string | null;
    dst: string | null;
    pod: string | null;
    outcome: string;
  }[];
  events: { reason: string; object: string; message: string }[];
}

function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const indent = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');

/** Writes a scenario (3 nodes, iptables, seed 1 unless `cluster` says otherwise) and returns its path. */
function scenario(manifests: string[], rest = '', cluster = 'nodes: 3'): string {
  const text = `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata: { name: fidelity }
cluster:
${indent(cluster)}
manifests: |
${manifests.map(indent).join('\n  ---\n')}
${rest}`;
  const file = join(mkdtempSync(join(tmpdir(), 'kp-fidelity-')), 'scenario.yaml');
  writeFileSync(file, text);
  return file;
}

function run(file: string, until: string): Report {
  const r = cli('run', file, '--until', until, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Report;
}

function deployment(name: string, replicas: number, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - name: ${name}
          image: hashicorp/http-echo:1.0
          ports: [{ containerPort: 8080 }]${extra}`;
}

const CLIENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: client }
spec:
  replicas: 3
  selector: { matchLabels: { app: client } }
  template:
    metadata: { labels: { app: client } }
    spec: { containers: [{ name: client, image: "curlimages/curl:8.11.1" }] }`;

const svc = (name: string, spec: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: { name: ${name} }\nspec:\n${indent(spec)}`;

const webSvc = (extra = '') =>
  svc('web', `selector: { app: web }\nports: [{ port: 80, targetPort: 8080 }]\n${extra}`);

describe('cli fidelity: Service types', () => {
  it('F/E.2 ClusterIP: clients reach the pods through the name; DNAT to pod:targetPort', () => {
    const file = scenario(
      [deployment('web', 3), webSvc(), CLIENT],
      'traffic:\n  - { from: app=client, url: "http://web", rps: 5 }\n',
    );
    const rep = run(file, '20s');
    const ip = rep.services.find((s) => s.name === 'web')?.clusterIP;
    const reqs = rep.requests.filter((r) => r.t > 5000);
    expect(reqs.length).toBeGreaterThan(100);
    expect(reqs.every((r) => r.outcome === 'ok' && r.resolved === ip)).toBe(true);
    expect(reqs.every((r) => /^10\.244\.\d+\.\d+:8080$/.test(r.dst ?? ''))).toBe(true);
    expect(new Set(reqs.map((r) => r.pod)).size).toBe(3);
  });

  it('A.3/E.2 NodePort: external clients reach the node port on every node', () => {
    const np = svc(
      'web',
      'type: NodePort\nselector: { app: web }\nports: [{ port: 80, targetPort: 8080, nodePort: 30080 }]',
    );
    const traffic = [2, 3, 4]
      .map((i) => `  - { from: external, url: "http://172.18.0.${i}:30080", rps: 2 }`)
      .join('\n');
    const rep = run(scenario([deployment('web', 2), np], `traffic:\n${traffic}\n`), '15s');
    expect(rep.services.find((s) => s.name === 'web')?.ports[0]?.nodePort).toBe(30080);
    const late = rep.requests.filter((r) => r.t > 5000);
    for (const i of [2, 3, 4]) {
      const mine = late.filter((r) => r.url === `http://172.18.0.${i}:30080`);
      expect(mine.length).toBeGreaterThan(10);
      expect(mine.every((r) => r.outcome === 'ok')).toBe(true);
    }
  });

  it('I LoadBalancer: EXTERNAL-IP <pending>, then the ingress IP once provisioned', () => {
    const file = scenario([deployment('web', 1), webSvc('type: LoadBalancer')]);
    const early = cli('kubectl', file, '--at', '1s', '--', 'get', 'svc', 'web');
    expect(early.code).toBe(0);
    expect(early.out).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\n/);
    expect(early.out).toMatch(
      /\nweb\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+<pending>\s+80:3\d{4}\/TCP\s/,
    );
    const late = cli('kubectl', file, '--at', '10s', '--', 'get', 'svc', 'web');
    expect(late.out).toMatch(
      /\nweb\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+198\.51\.100\.\d+\s+80:3\d{4}\/TCP\s/,
    );
  });

  it('G/I headless: CLUSTER-IP None; requests resolve straight to a pod IP', () => {
    const headless = svc('web', 'clusterIP: None\nselector: { app: web }\nports: [{ port: 8080 }]');
    const file = scenario(
      [deployment('web', 2), headless, CLIENT],
      'traffic:\n  - { from: app=client, url: "http://web:8080" }\n',
    );
    expect(cli('kubectl', file, '--at', '5s', '--', 'get', 'svc', 'web').out).toMatch(
      /\nweb\s+ClusterIP\s+None\s+<none>\s+8080\/TCP\s/,
    );
    const rep = run(file, '15s');
    const ips = rep.pods.filter((p) => p.labels.app === 'web').map((p) => p.ip);
    const reqs = rep.requests.filter((r) => r.t > 5000);
    expect(reqs.length).toBeGreaterThan(10);
    for (const r of reqs) {
      expect(r.outcome).toBe('ok');
      expect(ips).toContain(r.resolved);
      expect(r.dst).toBe(`${r.resolved}:8080`);
    }
  });

  it('F/I ExternalName: no ClusterIP (<none>), the external name in EXTERNAL-IP', () => {
    const file = scenario([svc('db', 'type: ExternalName\nexternalName: db.example.com')]);
    const r = cli('kubectl', file, '--at', '1s', '--', 'get', 'svc', 'db');
    expect(r.out).toMatch(/\ndb\s+ExternalName\s+<none>\s+db\.example\.com\s+<none>\s/);
  });

  it('E.4/G no endpoints: DNS still answers, the connection is refused; an unknown name is NXDOMAIN', () => {
    const file = scenario(
      [deployment('web', 0), webSvc(), CLIENT],
      'traffic:\n  - { from: app=client, url: "http://web" }\n  - { from: app=client, url: "http://nope" }\n',
    );
    const rep = run(file, '10s');
    const ip = rep.services.find((s) => s.name === 'web')?.clusterIP;
    const web = rep.requests.filter((r) => r.url === 'http://web');
    expect(web.length).toBeGreaterThan(5);
    expect(web.every((r) => r.outcome === 'refused' && r.resolved === ip)).toBe(true);
    const nope = rep.requests.filter((r) => r.url === 'http://nope');
    expect(nope.every((r) => r.outcome === 'nxdomain' && r.resolved === null)).toBe(true);
  });
});

describe('cli fidelity: pods and nodes', () => {
  it('A.4/B.6 a killed pod is replaced by a new pod with a new name and a new IP', () => {
    const file = scenario(
      [deployment('web', 3), webSvc(), CLIENT],
      'traffic:\n  - { from: app=client, url: "http://web", rps: 4 }\ntimeline:\n  - { at: 10s, run: chaos kill-pod -l app=web --count 1 }\n',
    );
    const rep = run(file, '25s');
    const web = rep.pods.filter((p) => p.labels.app === 'web');
    const dead = web.filter((p) => p.deletedAt !== null);
    const fresh = web.filter((p) => p.deletedAt === null);
    expect(dead).toHaveLength(1);
    expect(dead[0]?.deletedAt).toBe(10_000);
    expect(fresh).toHaveLength(3);
    const replacement = fresh.find((p) => !web.slice(0, 3).includes(p));
    expect(replacement?.name).toMatch(/^web-[4-9bcdf]{9,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(web.slice(0, 3).map((p) => p.ip)).not.toContain(replacement?.ip);
    // Only requests racing the rule update fail (E.1); from 2 s after the kill everything is ok.
    const after = rep.requests.filter((r) => r.t > 12_000);
    expect(after.every((r) => r.outcome === 'ok')).toBe(true);
    expect(after.some((r) => r.pod === replacement?.name)).toBe(true);
  });

  it('B.3 a crash restarts the container in place: same name and IP, RESTARTS 1', () => {
    const file = scenario(
      [deployment('web', 1)],
      'timeline:\n  - { at: 10s, run: chaos crash -l app=web }\n',
    );
    const rep = run(file, '20s');
    expect(rep.pods).toHaveLength(1);
    expect(rep.pods[0]).toMatchObject({
      restarts: 1,
      status: 'Running',
      ready: true,
      deletedAt: null,
    });
    const get = cli('kubectl', file, '--at', '20s', '--', 'get', 'pods', '-o', 'wide');
    expect(get.out).toMatch(
      new RegExp(
        `\\n${rep.pods[0]?.name}\\s+1/1\\s+Running\\s+1 \\(10s ago\\)\\s+20s\\s+${rep.pods[0]?.ip?.replace(/\./g, '\\.')}\\s`,
      ),
    );
  });

  it('B.2/D.1 a deleted pod with preStop stays Terminating and serving; its endpoint is ready=false', () => {
    const file = scenario(
      [
        deployment('web', 2, '\n          lifecycle: { preStop: { sleep: { seconds: 15 } } }'),
        webSvc(),
      ],
      'timeline:\n  - { at: 10s, run: kubectl delete pod -l app=web --wait=false }\n',
    );
    const get = cli('kubectl', file, '--at', '12s', '--', 'get', 'pods');
    expect(get.out.match(/\bTerminating\b/g)).toHaveLength(2);
    const rep = run(file, '12s');
    const slice = rep.endpointSlices.find(
      (s) => s.metadata.labels['kubernetes.io/service-name'] === 'web',
    );
    const terminating = slice?.endpoints.filter((e) => e.conditions.terminating) ?? [];
    expect(terminating).toHaveLength(2);
    for (const e of terminating)
      expect(e.conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  it('B.5 a failed node turns NotReady within 40–55 s and its pods are evicted 300 s later', () => {
    const file = scenario(
      [deployment('web', 3)],
      'timeline:\n  - { at: 10s, run: chaos fail-node node-2 }\n',
    );
    expect(run(file, '45s').nodes.find((n) => n.name === 'node-2')?.ready).toBe(true);
    const rep = run(file, '70s');
    expect(rep.nodes.find((n) => n.name === 'node-2')?.ready).toBe(false);
    const notReady = rep.events.find(
      (e) => e.reason === 'NodeNotReady' && e.object === 'node/node-2',
    );
    expect(notReady?.message).toBe('Node node-2 status is now: NodeNotReady');
    const evicted = run(file, '400s');
    const stranded = evicted.pods.filter((p) => p.node === 'node-2');
    expect(stranded.length).toBeGreaterThan(0);
    expect(stranded.every((p) => p.status === 'Terminating')).toBe(true);
    const running = evicted.pods.filter((p) => p.node !== 'node-2' && p.deletedAt === null);
    expect(running.filter((p) => p.ready)).toHaveLength(3);
  });
});

describe('cli fidelity: kube-proxy', () => {
  it('E.5 internalTrafficPolicy Local: clients on a node without an endpoint time out', () => {
    const pinned = deployment('web', 1, '').replace(
      '    spec:\n',
      '    spec:\n      nodeSelector: { kubernetes.io/hostname: node-1 }\n',
    );
    const file = scenario(
      [pinned, webSvc('internalTrafficPolicy: Local'), CLIENT],
      'traffic:\n  - { from: app=client, url: "http://web", rps: 2 }\n',
    );
    const rep = run(file, '15s');
    const nodeOf = new Map(rep.pods.map((p) => [p.name, p.node]));
    const late = rep.requests.filter((r) => r.t > 5000);
    const local = late.filter((r) => nodeOf.get(r.from) === 'node-1');
    const remote = late.filter((r) => nodeOf.get(r.from) !== 'node-1');
    expect(local.length).toBeGreaterThan(5);
    expect(remote.length).toBeGreaterThan(5);
    expect(local.every((r) => r.outcome === 'ok')).toBe(true);
    expect(remote.every((r) => r.outcome === 'timeout')).toBe(true);
  });

  it('E.6 ipvs rr: one client sees the backends in strict rotation', () => {
    const one = CLIENT.replace('replicas: 3', 'replicas: 1');
    const file = scenario(
      [deployment('web', 3), webSvc(), one],
      'traffic:\n  - { from: app=client, url: "http://web", rps: 4 }\n',
      'nodes: 3\nproxyMode: ipvs',
    );
    const pods = run(file, '20s')
      .requests.filter((r) => r.t > 5000)
      .map((r) => r.pod);
    expect(pods.length).toBeGreaterThan(30);
    for (let i = 3; i < pods.length; i++) expect(pods[i]).toBe(pods[i - 3]);
    expect(new Set(pods.slice(0, 3)).size).toBe(3);
  });
});
