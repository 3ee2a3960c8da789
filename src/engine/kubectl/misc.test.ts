import { describe, expect, it } from 'vitest';
import { fixture, k } from './testFixture';

describe('kubectl version, cluster-info, api-resources', () => {
  it('version', () => {
    expect(k(fixture(0), 'version').stdout).toBe(
      'Client Version: v1.33.1\nKustomize Version: v5.6.0\nServer Version: v1.33.1\n',
    );
    expect(JSON.parse(k(fixture(0), 'version -o json').stdout).serverVersion.gitVersion).toBe(
      'v1.33.1',
    );
  });

  it('cluster-info', () => {
    expect(k(fixture(0), 'cluster-info').stdout).toBe(
      'Kubernetes control plane is running at https://172.18.0.1:6443\n' +
        'CoreDNS is running at https://172.18.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\n' +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  it('api-resources lists the simulated kinds', () => {
    const out = k(fixture(0), 'api-resources').stdout.split('\n');
    expect(out[0]).toBe('NAME             SHORTNAMES   APIVERSION            NAMESPACED   KIND');
    expect(out).toContain(
      'deployments      deploy       apps/v1               true         Deployment',
    );
    expect(out).toContain(
      'endpointslices                discovery.k8s.io/v1   true         EndpointSlice',
    );
  });
});

describe('kubectl command line', () => {
  it('an unknown command gets cobra’s suggestions', () => {
    expect(k(fixture(0), 'gt pods')).toEqual({
      stdout: '',
      stderr:
        'error: unknown command "gt" for "kubectl"\n\nDid you mean this?\n\tcp\n\tget\n\tset\n\nRun \'kubectl --help\' for usage.\n',
      exitCode: 1,
    });
    expect(k(fixture(0), 'frobnicate').stderr).toBe(
      'error: unknown command "frobnicate" for "kubectl"\nRun \'kubectl --help\' for usage.\n',
    );
  });

  it('kubectl commands the simulation does not have say so', () => {
    expect(k(fixture(0), 'logs web-1')).toEqual({
      stdout: '',
      stderr: 'error: "kubectl logs" is not available in kubeplay\'s simulated cluster\n',
      exitCode: 1,
    });
  });

  it('global flags may come before the command; -n selects the namespace', () => {
    const t = fixture();
    expect(k(t, '-n kube-system get pods')).toEqual({
      stdout: '',
      stderr: 'No resources found in kube-system namespace.\n',
      exitCode: 0,
    });
    expect(k(t, '--namespace=default get pods -l app=web -o name').stdout).toBe(
      'pod/web-1\npod/web-2\n',
    );
  });
});

describe('kubectl get --sort-by and get events -w', () => {
  it('--sort-by orders rows by a JSONPath field', () => {
    const t = fixture();
    k(t, 'label pod web-1 rank=2');
    k(t, 'label pod web-2 rank=1');
    expect(k(t, 'get pods -l app=web --sort-by=.metadata.labels.rank -o name').stdout).toBe(
      'pod/web-2\npod/web-1\n',
    );
    const seen = k(
      t,
      'get events --sort-by=.lastTimestamp -o jsonpath={.items[*].lastTimestamp}',
    ).stdout.split(' ');
    expect(seen).toEqual([...seen].sort());
  });
});
