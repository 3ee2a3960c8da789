// The CLI contract of DESIGN.md §4, exercised in-process.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';

const SEED = new URL('../lessons/seed-services/scenario.yaml', import.meta.url).pathname;

function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('cli run', () => {
  it('--json reports every field of the contract', () => {
    const r = cli('run', SEED, '--until', '30s', '--json');
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out);
    expect(rep.until).toBe(30_000);
    expect(rep.nodes[0]).toEqual({ name: 'node-1', ip: '172.18.0.2', ready: true });
    expect(Object.keys(rep.pods[0]).sort()).toEqual(
      [
        'createdAt',
        'deletedAt',
        'ip',
        'labels',
        'name',
        'namespace',
        'node',
        'ready',
        'restarts',
        'status',
      ].sort(),
    );
    const svc = rep.services.find((s: { name: string }) => s.name === 'backend-service');
    expect(svc).toMatchObject({
      namespace: 'default',
      type: 'ClusterIP',
      ports: [{ name: '', port: 80, targetPort: 8080, nodePort: null, protocol: 'TCP' }],
    });
    expect(
      rep.endpointSlices.some((s: { metadata: { name: string } }) =>
        s.metadata.name.startsWith('backend-service-'),
      ),
    ).toBe(true);
    // Past start-up (a client may start before the backends are endpoints), requests succeed.
    const req = rep.requests.find(
      (q: { url: string; t: number }) => q.url === 'http://backend-service' && q.t > 10_000,
    );
    expect(Object.keys(req).sort()).toEqual(
      ['dst', 'from', 'latencyMs', 'outcome', 'pod', 'resolved', 't', 'url'].sort(),
    );
    expect(req.outcome).toBe('ok');
    expect(req.resolved).toBe(svc.clusterIP);
    expect(req.dst).toMatch(/^10\.244\.\d+\.\d+:8080$/);
    expect(rep.events[0]).toHaveProperty('reason');
    expect(Object.keys(rep.events[0]).sort()).toEqual(['message', 'object', 'reason', 't', 'type']);
  });

  it('lists pods that were deleted, with deletedAt', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-'));
    const file = join(dir, 's.yaml');
    const text = `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata: { name: kill }
manifests: |
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: web }
  spec:
    replicas: 2
    selector: { matchLabels: { app: web } }
    template:
      metadata: { labels: { app: web } }
      spec: { containers: [{ name: web, image: nginx:1.27, ports: [{ containerPort: 80 }] }] }
timeline:
  - at: 10s
    run: chaos kill-pod -l app=web --count 1
`;
    writeFileSync(file, text);
    const rep = JSON.parse(cli('run', file, '--until', '20s', '--json').out);
    expect(rep.pods).toHaveLength(3);
    const dead = rep.pods.filter((p: { deletedAt: number | null }) => p.deletedAt !== null);
    expect(dead).toHaveLength(1);
    expect(dead[0].deletedAt).toBe(10_000);
  });

  it('rejects a bad duration and a missing file with clear errors', () => {
    expect(cli('run', SEED, '--until', 'soon').err).toContain('invalid duration "soon"');
    const r = cli('run', '/nonexistent.yaml', '--until', '1s');
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot read /nonexistent.yaml: ENOENT');
  });

  it('rejects an invalid scenario with the field path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'apiVersion: kubeplay.dev/v1\nkind: Scenario\nmetadata: { name: x }\ncluster: { proxyMode: userspace }\n',
    );
    const r = cli('run', file, '--until', '1s');
    expect(r.code).toBe(1);
    expect(r.err).toContain('cluster.proxyMode: unsupported value "userspace"');
  });
});

describe('cli kubectl', () => {
  it('runs kubectl against the cluster at a virtual time', () => {
    const r = cli('kubectl', SEED, '--at', '20s', '--', 'delete', 'pod', '-l', 'app=frontend');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^pod "frontend-[a-z0-9]+-[a-z0-9]{5}" deleted\npod "frontend-/);
  });

  it('reports NotFound with exit code 1', () => {
    const r = cli('kubectl', SEED, '--at', '5s', '--', 'delete', 'pod', 'nope');
    expect(r.code).toBe(1);
    expect(r.err).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});

describe('cli validate', () => {
  it('exits 0 for valid manifests and 1 with diagnostics for YAML syntax errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-'));
    const good = join(dir, 'good.yaml');
    writeFileSync(
      good,
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n  ports:\n    - port: 80\n',
    );
    expect(cli('validate', good).code).toBe(0);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: [oops\n');
    const r = cli('validate', bad, '--json');
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.out);
    expect(rep.valid).toBe(false);
    expect(rep.diagnostics[0]).toMatchObject({ severity: 'error', type: 'YAMLSyntax' });
    expect(rep.diagnostics[0].line).toBeGreaterThanOrEqual(5);
  });
});
