import { describe, expect, it } from 'vitest';
import { at, fixture, k } from './testFixture';

const labelsOf = (text: string) => text.split('\n').map((l) => l.split(':')[0]);

describe('kubectl describe service', () => {
  it('prints describeService: ports, target ports and ready endpoints from the slices', () => {
    const t = fixture();
    const ip = t.c.store.get('Service', 'default/web')?.spec.clusterIP ?? '';
    const eps = ['web-1', 'web-2']
      .map((n) => `${t.c.store.get('Pod', `default/${n}`)?.status.podIP}:8080`)
      .join(',');
    expect(k(t, 'describe svc web').stdout).toBe(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   tier=front',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        `IP:                       ${ip}`,
        `IPs:                      ${ip}`,
        'Port:                     http  80/TCP',
        'TargetPort:               8080/TCP',
        `Endpoints:                ${eps}`,
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('adds NodePort, External Traffic Policy, LoadBalancer Ingress and the cloud events', () => {
    const out = k(fixture(), 'describe service web-lb').stdout;
    expect(out).toContain('LoadBalancer Ingress:     198.51.100.10 (VIP)\n');
    expect(out).toContain('Port:                     <unset>  80/TCP\n');
    expect(out).toContain('NodePort:                 <unset>  30081/TCP\n');
    expect(out).toContain('External Traffic Policy:  Cluster\n');
    expect(out).toContain(
      'Events:\n  Type    Reason                Age   From                Message\n' +
        '  ----    ------                ----  ----                -------\n' +
        '  Normal  EnsuringLoadBalancer  30s   service-controller  Ensuring load balancer\n' +
        '  Normal  EnsuredLoadBalancer   26s   service-controller  Ensured load balancer\n',
    );
  });

  it('shows <none> without slices and nothing at all when no endpoint is ready', () => {
    const t = fixture();
    expect(k(t, 'describe svc docs').stdout).toContain(
      'IP:                \nIPs:               <none>\nExternal Name:     docs.example.com\n',
    );
    expect(k(t, 'describe svc empty').stdout).toContain('Endpoints:                \n');
  });
});

describe('kubectl describe pod', () => {
  it('prints describePod sections in order, with crash history and grouped events', () => {
    const t = fixture();
    t.run('chaos crash -l app=web --count 1');
    at(t, 40_000);
    t.run('chaos crash -l app=web --count 1');
    at(t, 90_000);
    const out = k(t, 'describe pod web-1').stdout;
    expect(labelsOf(out).filter((l) => /^[A-Z]/.test(l ?? ''))).toEqual([
      'Name',
      'Namespace',
      'Priority',
      'Service Account',
      'Node',
      'Start Time',
      'Labels',
      'Annotations',
      'Status',
      'IP',
      'IPs',
      'Containers',
      'Conditions',
      'Volumes',
      'QoS Class',
      'Node-Selectors',
      'Tolerations',
      'Events',
    ]);
    expect(out).toMatch(/^Node: {13}node-\d\/172\.18\.0\.\d$/m);
    expect(out).toContain(
      '    State:          Running\n      Started:      Thu, 01 Jan 2026 00:00:50 +0000\n' +
        '    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    1\n' +
        '      Started:      Thu, 01 Jan 2026 00:00:30 +0000\n      Finished:     Thu, 01 Jan 2026 00:00:40 +0000\n' +
        '    Ready:          True\n    Restart Count:  2\n',
    );
    expect(out).toContain(
      '  PodReadyToStartContainers   True \n  Initialized                 True \n',
    );
    expect(out).toMatch(
      / {2}Normal {3}Created {4}40s \(x3 over 89s\) {2}kubelet {12}Created container: web\n/,
    );
    expect(out).toMatch(
      / {2}Warning {2}BackOff {4}50s {16}kubelet {12}Back-off restarting failed container web in pod web-1_default\(/,
    );
  });

  it('says Terminating (lasts …) and the grace period while a pod shuts down', () => {
    const t = fixture();
    k(t, 'delete pod web-2 --grace-period=20');
    expect(k(t, 'describe pod web-2').stdout).toContain(
      'Status:                    Terminating (lasts 0s)\nTermination Grace Period:  20s\n',
    );
  });

  it('describes every pod whose name starts with the argument, separated by a blank line', () => {
    const out = k(fixture(), 'describe pod web').stdout;
    expect(out.match(/^Name: /gm)).toHaveLength(2);
    expect(out).toContain('\n\nName:             web-2\n');
    expect(k(fixture(), 'describe pod nope')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
  });
});

describe('kubectl describe deployment, replicaset, node, endpointslice', () => {
  it('deployment: replicas line, strategy, pod template, conditions, replica sets, events', () => {
    const out = k(fixture(), 'describe deploy api').stdout;
    expect(out).toContain(
      'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable\n' +
        'StrategyType:           RollingUpdate\nMinReadySeconds:        0\n' +
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge\nPod Template:\n  Labels:  app=api\n' +
        '  Containers:\n   api:\n' +
        [
          ['    Image:', 'hashicorp/http-echo:1.0'],
          ['    Port:', '5678/TCP'],
          ['    Host Port:', '0/TCP'],
          ['    Environment:', '<none>'],
          ['    Mounts:', '<none>'],
          ['  Volumes:', '<none>'],
          ['  Node-Selectors:', '<none>'],
          ['  Tolerations:', '<none>'],
        ]
          .map(([key, v]) => `${(key ?? '').padEnd(19)}${v}\n`)
          .join(''),
    );
    expect(out).toContain(
      'Conditions:\n  Type           Status  Reason\n  ----           ------  ------\n',
    );
    expect(out).toMatch(
      /OldReplicaSets: {2}<none>\nNewReplicaSet: {3}api-\w+ \(2\/2 replicas created\)\n/,
    );
    expect(out).toMatch(
      /Normal {2}ScalingReplicaSet {2}30s {3}deployment-controller {2}Scaled up replica set api-\w+ from 0 to 2\n$/,
    );
  });

  it('replicaset: selector, controller, pod counts', () => {
    const out = k(fixture(), 'describe rs').stdout;
    expect(out).toMatch(/^Selector: {7}app=api,pod-template-hash=\w+$/m);
    expect(out).toContain(
      'Controlled By:  Deployment/api\nReplicas:       2 current / 2 desired\n',
    );
    expect(out).toContain('Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
  });

  it('node: conditions, addresses, pods table, allocated resources', () => {
    const t = fixture();
    k(t, 'cordon node-1');
    const out = k(t, 'describe node node-1').stdout;
    expect(out).toContain(
      'Taints:             node.kubernetes.io/unschedulable:NoSchedule\nUnschedulable:      true\n',
    );
    expect(out).toContain('Addresses:\n  InternalIP:  172.18.0.2\n  Hostname:    node-1\n');
    const count = t.c.store.list('Pod').filter((p) => p.spec.nodeName === 'node-1').length;
    expect(out).toContain(`Non-terminated Pods:          (${count} in total)\n`);
    expect(out).toMatch(
      /\n {2}Namespace {19}Name +CPU Requests {2}CPU Limits {2}Memory Requests {2}Memory Limits {2}Age\n/,
    );
    expect(out).toMatch(
      /Normal {2}NodeNotSchedulable {2}0s {4}kubelet {2}Node node-1 status is now: NodeNotSchedulable\n$/,
    );
  });

  it('endpointslice: ports and one block per endpoint', () => {
    const t = fixture();
    const name = t.c.ctl.sliceIndex.get('default/web')[0] ?? '';
    const out = k(t, `describe endpointslice ${name}`).stdout;
    expect(out).toContain(
      'AddressType:  IPv4\nPorts:\n  Name  Port  Protocol\n  ----  ----  --------\n  http  8080  TCP\n',
    );
    expect(out).toMatch(
      / {2}- Addresses: {2}10\.244\.\d+\.\d+\n {4}Conditions:\n {6}Ready: {4}true\n {4}Hostname: {3}<unset>\n {4}TargetRef: {2}Pod\/web-1\n {4}NodeName: {3}node-\d\n {4}Zone: {7}<unset>\n/,
    );
  });
});
