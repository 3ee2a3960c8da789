import { describe, expect, it } from 'vitest';
import { at, fixture, k } from './testFixture';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });

describe('kubectl patch', () => {
  it('changes a Service type; node ports come and go with it', () => {
    const t = fixture();
    expect(k(t, `patch svc web -p '{"spec":{"type":"NodePort"}}'`)).toEqual(
      ok('service/web patched\n'),
    );
    expect(
      t.c.store.get('Service', 'default/web')?.spec.ports?.[0]?.nodePort,
    ).toBeGreaterThanOrEqual(30000);
    expect(k(t, `patch svc web -p '{"spec":{"type":"NodePort"}}'`)).toEqual(
      ok('service/web patched (no change)\n'),
    );
    expect(k(t, `patch svc web-np --type=merge -p '{"spec":{"type":"ClusterIP"}}'`)).toEqual(
      ok('service/web-np patched\n'),
    );
    expect(k(t, 'get svc web-np').stdout).toMatch(
      /^web-np {3}ClusterIP {3}\S+ +<none> {8}80\/TCP {4}30s$/m,
    );
    const reuse =
      'apiVersion: v1\nkind: Service\nmetadata: {name: again}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]\n';
    expect(k(t, 'apply -f s.yaml', { files: { 's.yaml': reuse } })).toEqual(
      ok('service/again created\n'),
    );
  });

  it('strategic merge merges list items by key; merge replaces the list', () => {
    const t = fixture();
    k(t, `patch svc web -p '{"spec":{"ports":[{"port":80,"targetPort":9999}]}}'`);
    expect(t.c.store.get('Service', 'default/web')?.spec.ports).toEqual([
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 9999 },
    ]);
    k(
      t,
      `patch deploy api --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.27"}]'`,
    );
    at(t, 60_000);
    expect(k(t, 'get deploy api -o wide').stdout).toContain(
      'api    2/2     2            2           60s   api          nginx:1.27',
    );
  });

  it('reports what kubectl reports for bad input', () => {
    const t = fixture();
    expect(k(t, 'patch svc web')).toEqual({
      stdout: '',
      stderr: 'error: must specify -p to patch\n',
      exitCode: 1,
    });
    expect(k(t, `patch svc nope -p '{}'`).stderr).toBe(
      'Error from server (NotFound): services "nope" not found\n',
    );
    expect(k(t, `patch svc web -p '{"spec":{"ports":[{"port":0}]}}'`).stderr).toMatch(
      /^The Service "web" is invalid: /,
    );
  });
});

describe('kubectl delete -f and top', () => {
  it('deletes what a file names', () => {
    const t = fixture();
    const file =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: gone\n';
    expect(k(t, 'delete -f app.yaml', { files: { 'app.yaml': file } })).toEqual({
      stdout: 'service "web" deleted\n',
      stderr:
        'Error from server (NotFound): error when deleting "app.yaml": services "gone" not found\n',
      exitCode: 1,
    });
  });

  it('top: there is no metrics-server', () => {
    expect(k(fixture(0), 'top pods')).toEqual({
      stdout: '',
      stderr: 'error: Metrics API not available\n',
      exitCode: 1,
    });
  });
});
