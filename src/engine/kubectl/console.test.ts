import { describe, expect, it } from 'vitest';
import { completeLine, watchArgs, watchLine } from './console';
import { at, fixture, k } from './testFixture';

const items = (line: string) => completeLine(fixture().c, line).items;

describe('completeLine', () => {
  it('completes the first word: kubectl, chaos or a kubectl subcommand', () => {
    expect(items('')).toEqual(expect.arrayContaining(['kubectl', 'chaos', 'get', 'delete']));
    expect(items('ku')).toEqual(['kubectl']);
    expect(completeLine(fixture().c, 'ku')).toEqual({ from: 0, items: ['kubectl'] });
    expect(items('kubectl de')).toEqual(['delete', 'describe']);
    expect(items('de')).toEqual(['delete', 'describe']);
  });

  it('completes resource types, then names from the live cluster', () => {
    expect(items('kubectl get po')).toEqual(['po', 'pod', 'pods']);
    expect(items('kubectl get svc w')).toEqual(['web', 'web-lb', 'web-np']);
    expect(items('kubectl describe deploy ')).toEqual(['api']);
    expect(items('kubectl delete pod web-')).toEqual(['web-1', 'web-2']);
    expect(items('kubectl get nodes ')).toEqual(['node-1', 'node-2']);
    expect(items('kubectl describe deploy/')).toEqual(['deploy/api']);
    const c = completeLine(fixture().c, 'kubectl get pod web-');
    expect(c.from).toBe('kubectl get pod '.length);
  });

  it('completes flags, flag values and label selectors', () => {
    expect(items('kubectl get pods --wa')).toEqual(['--watch', '--watch-only']);
    expect(items('kubectl get pods -o ')).toEqual(['json', 'jsonpath=', 'name', 'wide', 'yaml']);
    expect(items('kubectl get pods -o=w')).toEqual(['-o=wide']);
    expect(items('kubectl get pods -l app=w')).toEqual(['app=web']);
    expect(items('kubectl get pods -n ')).toEqual(
      expect.arrayContaining(['default', 'kube-system']),
    );
  });

  it('completes exec: pods, programs after --, and Service URLs for curl', () => {
    expect(items('kubectl exec web')).toEqual(['web-1', 'web-2']);
    expect(items('kubectl exec web-1 -- cu')).toEqual(['curl']);
    expect(items('kubectl exec web-1 -- curl http://web')).toEqual([
      'http://web',
      'http://web-lb',
      'http://web-np',
    ]);
  });

  it('completes chaos verbs, nodes and selectors', () => {
    expect(items('chaos fail')).toEqual(['fail-node', 'fail-readiness']);
    expect(items('chaos fail-node ')).toEqual(['node-1', 'node-2']);
    expect(items('chaos kill-pod -l ')).toEqual(expect.arrayContaining(['app=web', 'app=api']));
    expect(items('chaos crash web-')).toEqual(['web-1', 'web-2']);
    expect(items('chaos crash --c')).toEqual(['--count']);
  });

  it('completes nothing it does not know, and never throws', () => {
    expect(items('kubectl version --client ')).toEqual([]);
    expect(items('kubectl get nosuchtype ')).toEqual([]);
    expect(items('"unterminated')).toEqual([]);
  });
});

describe('watchArgs / watchLine', () => {
  it('spots lines that keep printing', () => {
    expect(watchArgs('kubectl get pods -w')).toEqual(['get', 'pods', '-w']);
    expect(watchArgs('kubectl get pods --watch-only')).not.toBeNull();
    expect(watchArgs('kubectl rollout status deployment/api')).not.toBeNull();
    expect(watchArgs('kubectl rollout status deployment/api --watch=false')).toBeNull();
    expect(watchArgs('kubectl get pods')).toBeNull();
    expect(watchArgs('get pods -w')).toBeNull();
    expect(watchArgs('kubectl get pods --bogus -w')).toBeNull();
  });

  it('streams the rows kubectl prints after a change', () => {
    const t = fixture();
    const w = watchLine(t.c, 'kubectl get pods -l app=web -w');
    expect(w?.initial.stdout.split('\n')[0]).toMatch(/^NAME {4}READY/);
    k(t, 'delete pod web-1');
    at(t, 31_000);
    expect(w?.poll()).toMatch(/^web-1 {3}1\/1 {5}Terminating/);
    expect(watchLine(t.c, 'kubectl get pods')).toBeNull();
  });
});
