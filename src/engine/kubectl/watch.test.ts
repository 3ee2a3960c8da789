import { describe, expect, it } from 'vitest';
import { at, fixture, k } from './testFixture';
import { watchKubectl } from './watch';

describe('watchKubectl', () => {
  it('get -w: the table, then one row per change with the first table’s widths', () => {
    const t = fixture();
    const w = watchKubectl(t.c, ['get', 'pods', '-l', 'app=web', '-w']);
    expect(w.initial.stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          30s\nweb-2   1/1     Running   0          30s\n',
    );
    expect(w.poll()).toBe('');
    k(t, 'delete pod web-1');
    at(t, 32_000);
    const lines = w.poll().split('\n').filter(Boolean);
    expect(lines[0]).toBe('web-1   1/1     Terminating   0          30s');
    expect(lines.at(-1)).toMatch(/^web-1 {3}[01]\/1 {5}Terminating {3}0 {10}30s$/);
    expect(w.poll()).toBe('');
    w.close();
    k(t, 'delete pod web-2');
    expect(w.poll()).toBe('');
  });

  it('get -w only reports objects it watches', () => {
    const t = fixture();
    const w = watchKubectl(t.c, ['get', 'pod', 'web-2', '-w']);
    k(t, 'delete pod web-1 --force');
    expect(w.poll()).toBe('');
    k(t, 'label pod web-2 x=y');
    expect(w.poll()).toBe('web-2   1/1     Running   0          30s\n');
  });

  it('rollout status: prints each new status line until the rollout is done', () => {
    const t = fixture();
    k(t, 'set image deployment/api api=hashicorp/http-echo:1.1');
    const w = watchKubectl(t.c, ['rollout', 'status', 'deployment/api']);
    expect(w.initial.stdout).toBe('Waiting for deployment spec update to be observed...\n');
    let out = '';
    for (let ms = 30_500; ms <= 60_000 && !w.done; ms += 500) out += (at(t, ms), w.poll());
    expect(w.done).toBe(true);
    expect(out.split('\n').at(-2)).toBe('deployment "api" successfully rolled out');
    expect(out).toContain(
      'Waiting for deployment "api" rollout to finish: 1 out of 2 new replicas have been updated...\n',
    );
  });

  it('get endpoints -w follows the Service’s slices', () => {
    const t = fixture();
    const w = watchKubectl(t.c, ['get', 'endpoints', 'web', '-w']);
    expect(w.initial.stderr).toBe(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    );
    const ip = t.c.store.get('Pod', 'default/web-2')?.status.podIP;
    k(t, 'delete pod web-1 --force');
    at(t, 31_000);
    // Columns keep the width of the first table (RememberWidths): AGE stays where it was.
    const ageColumn = w.initial.stdout.indexOf('AGE');
    expect(w.poll()).toBe(`web    ${`${ip}:8080`.padEnd(ageColumn - 7)}30s\n`);
  });

  it('get events -w prints new events as they happen', () => {
    const t = fixture();
    const w = watchKubectl(t.c, ['get', 'events', '-w']);
    k(t, 'cordon node-1');
    expect(w.poll()).toMatch(
      /^0s {10}Normal {3}NodeNotSchedulable +node\/node-1 +Node node-1 status is now: NodeNotSchedulable\n$/,
    );
    expect(w.poll()).toBe('');
  });

  it('anything else simply runs once', () => {
    const w = watchKubectl(fixture().c, ['get', 'nodes', '-o', 'yaml']);
    expect(w.done).toBe(true);
    expect(w.initial.stdout).toMatch(/^apiVersion: v1\nitems:\n/);
  });
});
