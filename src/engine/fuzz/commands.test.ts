// Fuzzing console commands (fast-check): random and plausible-but-wrong kubectl and chaos lines
// never throw; a failure always explains itself on stderr; a refused command changes nothing.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing/driver';

const SEED = readFileSync(
  new URL('../../lessons/seed-services/scenario.yaml', import.meta.url),
  'utf8',
);

const words = fc.constantFrom(
  'kubectl',
  'chaos',
  'get',
  'describe',
  'delete',
  'scale',
  'apply',
  'create',
  'expose',
  'set',
  'image',
  'rollout',
  'status',
  'undo',
  'history',
  'restart',
  'label',
  'annotate',
  'cordon',
  'uncordon',
  'drain',
  'exec',
  'pods',
  'pod',
  'po',
  'svc',
  'services',
  'deploy',
  'deployment/backend',
  'rs',
  'endpointslices',
  'ep',
  'nodes',
  'events',
  'all',
  'backend',
  'backend-service',
  'node-1',
  'node-9',
  '-l',
  'app=backend',
  'app!=x',
  'app in (a,b)',
  '-o',
  'wide',
  'yaml',
  'json',
  'name',
  'jsonpath',
  '-n',
  'kube-system',
  'nope',
  '-A',
  '--show-labels',
  '-w',
  '--replicas=2',
  '--replicas',
  '-1',
  '--grace-period=0',
  '--force',
  '--',
  'curl',
  'http://backend-service',
  'nslookup',
  'cat',
  '/etc/resolv.conf',
  'wget',
  '-qO-',
  'kill-pod',
  'crash',
  'fail-node',
  'recover-node',
  'fail-readiness',
  'pass-readiness',
  '--count',
  '3',
  'x=y',
  'x-',
  '--overwrite',
  '--bogus',
  '"',
  "'",
  '\\',
);

describe('fuzz: console commands', () => {
  it('random command lines never throw and always explain a failure', () => {
    const t = testCluster(SEED).settle();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(words, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
          fc.string({ maxLength: 60 }),
        ),
        (line) => {
          const r = t.engine.exec(line);
          expect([0, 1, 2, 6, 7, 28, 126, 127]).toContain(r.exitCode);
          if (r.exitCode !== 0)
            expect(r.stderr.trim().length + r.stdout.trim().length).toBeGreaterThan(0);
          t.advance(200);
        },
      ),
      { seed: 4242, numRuns: 400 },
    );
  });

  it('a refused command leaves the cluster as it was', () => {
    const t = testCluster(SEED).settle();
    const snapshot = () =>
      JSON.stringify(t.engine.view().pods.map((p) => [p.name, p.ip, p.status]));
    for (const line of [
      'kubectl delete pod nope',
      'kubectl scale deployment backend --replicas=-3',
      'kubectl bogus',
      'chaos kill-pod',
      'kubectl label pod nope a=b',
      'kubectl get pods -o bogus',
    ]) {
      const before = snapshot();
      const r = t.engine.exec(line);
      expect(r.exitCode, line).not.toBe(0);
      expect(snapshot(), line).toBe(before);
    }
  });
});
