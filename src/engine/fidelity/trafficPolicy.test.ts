// internalTrafficPolicy and externalTrafficPolicy (E.4, E.5): Local keeps traffic on the node (DROP
// when it has no endpoint) and keeps the client's source IP; Cluster spreads and masquerades.
import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../trace';
import { svcChain } from '../network/kubeProxy';
import {
  client,
  clusterIP,
  clusterOf,
  deployment,
  podsOf,
  request,
  requests,
  service,
  type ClusterOpts,
} from './harness';

const proxyHop = (r: RequestRecord) => {
  const h = r.hops.find((x) => x.kind === 'proxy');
  return h?.kind === 'proxy' ? h : undefined;
};

/** web pods pinned to `nodes` (by hostname), 3 clients spread over the 3 nodes. */
function setup(spec: object, webNodes: string[], opts: ClusterOpts = {}) {
  const pinned = webNodes.map((n, i) =>
    deployment(`web${i}`, {
      replicas: 2,
      labels: { app: 'web', i: String(i) },
      nodeSelector: { 'kubernetes.io/hostname': n },
    }),
  );
  const t = clusterOf(
    [
      ...pinned,
      client('client', 3),
      service('web', {
        selector: { app: 'web' },
        ports: [{ port: 80, targetPort: 8080 }],
        ...spec,
      }),
    ],
    opts,
  ).settle();
  const onNode = (n: string) =>
    podsOf(t, 'client').find((p) => p.spec.nodeName === n)?.metadata.name ?? '';
  return { t, onNode };
}

const nodePortOf = (t: ReturnType<typeof setup>['t']) =>
  t.c.store.get('Service', 'default/web')?.spec.ports?.[0]?.nodePort ?? 0;

describe('internalTrafficPolicy', () => {
  it('E.5 Local: a pod only reaches endpoints on its own node', () => {
    const { t, onNode } = setup({ internalTrafficPolicy: 'Local' }, ['node-1', 'node-2']);
    const rs = requests(t, onNode('node-1'), 'http://web', 40);
    expect(rs.every((r) => r.outcome === 'ok' && r.podNode === 'node-1')).toBe(true);
    expect(new Set(rs.map((r) => r.pod)).size).toBe(2);
    expect(proxyHop(rs[0] as RequestRecord)?.chains[0]).toMatch(/^KUBE-SVL-/);
  });

  it('E.4 Local without a local endpoint: DROP "has no local endpoints", the client times out', () => {
    const { t, onNode } = setup({ internalTrafficPolicy: 'Local' }, ['node-1']);
    const r = request(t, onNode('node-3'), 'http://web');
    expect(r.outcome).toBe('timeout');
    expect(proxyHop(r)?.verdict).toBe('drop');
    expect(t.engine.nodeRules('node-3')?.text).toContain(
      `-A KUBE-SERVICES -m comment --comment "default/web has no local endpoints" -m tcp -p tcp -d ${clusterIP(t, 'web')} --dport 80 -j DROP`,
    );
    // The node that has endpoints jumps to the local chain instead.
    expect(t.engine.nodeRules('node-1')?.text).toContain(
      `-j ${svcChain('SVL', { name: 'default/web', protocol: 'TCP' } as never)}`,
    );
  });

  it('E.7 nftables: Local without a local endpoint is a drop element', () => {
    const { t, onNode } = setup({ internalTrafficPolicy: 'Local' }, ['node-1'], {
      proxyMode: 'nftables',
    });
    expect(t.engine.nodeRules('node-2')?.text).toContain(
      `${clusterIP(t, 'web')} . tcp . 80 comment "default/web" : drop`,
    );
    expect(request(t, onNode('node-2'), 'http://web').outcome).toBe('timeout');
  });

  it('E.4/E.5 Cluster (the default): every node reaches every endpoint', () => {
    const { t, onNode } = setup({}, ['node-1']);
    expect(t.c.store.get('Service', 'default/web')?.spec.internalTrafficPolicy).toBe('Cluster');
    const rs = requests(t, onNode('node-3'), 'http://web', 10);
    expect(rs.every((r) => r.outcome === 'ok' && r.podNode === 'node-1')).toBe(true);
  });
});

describe('externalTrafficPolicy', () => {
  it('E.5 Cluster (the default): any node forwards, and the client source is masqueraded', () => {
    const { t } = setup({ type: 'NodePort' }, ['node-1']);
    expect(t.c.store.get('Service', 'default/web')?.spec.externalTrafficPolicy).toBe('Cluster');
    const r = request(t, 'external', `http://172.18.0.4:${nodePortOf(t)}`);
    expect(r.outcome).toBe('ok');
    expect(r.podNode).toBe('node-1');
    expect(proxyHop(r)).toMatchObject({ node: 'node-3', masquerade: true });
    expect(r.hops.some((h) => h.kind === 'net' && h.fromNode === 'node-3')).toBe(true);
    expect(t.engine.nodeRules('node-3')?.text).toContain(
      '"masquerade traffic for default/web external destinations" -j KUBE-MARK-MASQ',
    );
  });

  it('E.5 Local: only nodes with a local endpoint answer, and the source IP is kept (no masquerade)', () => {
    const { t } = setup({ type: 'NodePort', externalTrafficPolicy: 'Local' }, ['node-1']);
    const port = nodePortOf(t);
    const ok = requests(t, 'external', `http://172.18.0.2:${port}`, 10);
    expect(ok.every((r) => r.outcome === 'ok' && r.podNode === 'node-1')).toBe(true);
    expect(ok.every((r) => proxyHop(r)?.masquerade === false)).toBe(true);
    const dropped = request(t, 'external', `http://172.18.0.3:${port}`);
    expect(dropped.outcome).toBe('timeout');
    expect(proxyHop(dropped)?.verdict).toBe('drop');
    const text = t.engine.nodeRules('node-2')?.text ?? '';
    expect(text).toContain('"pod traffic for default/web external destinations" -s 10.244.0.0/16');
    expect(text).toContain(
      '"masquerade LOCAL traffic for default/web external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ',
    );
    expect(text).not.toContain('"masquerade traffic for default/web external destinations"');
    // No local endpoint: the EXT chain ends without a jump to KUBE-SVL, and the filter drops.
    expect(text).toContain(
      `-A KUBE-EXTERNAL-SERVICES -m comment --comment "default/web has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport ${port} -j DROP`,
    );
    expect(text).not.toMatch(/-A KUBE-EXT-\S+ -j KUBE-SVL-/);
    expect(t.engine.nodeRules('node-1')?.text).toMatch(/-A KUBE-EXT-\S+ -j KUBE-SVL-/);
  });

  it('E.5 Local: traffic from pods to a node port is short-circuited to the Cluster chain', () => {
    const { t, onNode } = setup({ type: 'NodePort', externalTrafficPolicy: 'Local' }, ['node-1']);
    const r = request(t, onNode('node-3'), `http://172.18.0.4:${nodePortOf(t)}`);
    expect(r.outcome).toBe('ok');
    expect(r.podNode).toBe('node-1');
  });

  it('E.5 LoadBalancer + Local: a health-check node port, and the balancer only uses nodes with endpoints', () => {
    const { t } = setup({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' }, ['node-2']);
    t.advance('5s');
    const svc = t.c.store.get('Service', 'default/web');
    const hc = svc?.spec.healthCheckNodePort ?? 0;
    expect(hc).toBeGreaterThanOrEqual(30000);
    expect(hc).toBeLessThanOrEqual(32767);
    expect(hc).not.toBe(svc?.spec.ports?.[0]?.nodePort);
    const ip = svc?.status.loadBalancer.ingress?.[0]?.ip;
    expect(t.engine.nodeRules('node-2')?.text).toMatch(
      new RegExp(
        `-A KUBE-SERVICES -m comment --comment "default/web loadbalancer IP" -m tcp -p tcp -d ${ip?.replace(/\./g, '\\.')} --dport 80 -j KUBE-EXT-`,
      ),
    );
    expect(t.engine.nodeRules('node-1')?.text).toContain(
      `-A KUBE-EXTERNAL-SERVICES -m comment --comment "default/web has no local endpoints" -m tcp -p tcp -d ${ip} --dport 80 -j DROP`,
    );
    const rs = requests(t, 'external', `http://${ip}`, 30);
    expect(rs.every((r) => r.outcome === 'ok' && proxyHop(r)?.node === 'node-2')).toBe(true);
    expect(rs.every((r) => proxyHop(r)?.masquerade === false)).toBe(true);
  });

  it('E.5 LoadBalancer + Cluster: the balancer uses every node and traffic is masqueraded', () => {
    const { t } = setup({ type: 'LoadBalancer' }, ['node-2']);
    t.advance('5s');
    expect(t.c.store.get('Service', 'default/web')?.spec.healthCheckNodePort).toBeUndefined();
    const ip = t.c.store.get('Service', 'default/web')?.status.loadBalancer.ingress?.[0]?.ip;
    const rs = requests(t, 'external', `http://${ip}`, 30);
    expect(rs.every((r) => r.outcome === 'ok' && proxyHop(r)?.masquerade === true)).toBe(true);
    expect(new Set(rs.map((r) => proxyHop(r)?.node)).size).toBe(3);
  });

  it('E.5 from a pod, a LoadBalancer IP is an external destination: internalTrafficPolicy does not apply', () => {
    const { t, onNode } = setup({ type: 'LoadBalancer', internalTrafficPolicy: 'Local' }, [
      'node-1',
    ]);
    t.advance('5s');
    const lb = t.c.store.get('Service', 'default/web')?.status.loadBalancer.ingress?.[0]?.ip;
    const from = onNode('node-3');
    expect(request(t, from, 'http://web').outcome).toBe('timeout'); // ClusterIP: Local, no endpoint
    const r = request(t, from, `http://${lb}`);
    expect(r.outcome).toBe('ok');
    expect(proxyHop(r)).toMatchObject({ node: 'node-3', masquerade: true });
    expect(proxyHop(r)?.chains[0]).toMatch(/^KUBE-EXT-/);
  });
});

describe('nftables external destinations', () => {
  const nft: ClusterOpts = { proxyMode: 'nftables' };

  it('E.7 Cluster: the node port goes to an external- chain that masquerades, then the service chain', () => {
    const { t } = setup({ type: 'NodePort' }, ['node-1'], nft);
    const port = nodePortOf(t);
    const r = request(t, 'external', `http://172.18.0.3:${port}`);
    expect(r.outcome).toBe('ok');
    expect(proxyHop(r)?.chains[0]).toMatch(/^external-[A-Z2-7]{8}-default\/web\/tcp\/$/);
    const text = t.engine.nodeRules('node-2')?.text ?? '';
    expect(text).toContain(
      '\tmap service-nodeports {\n\t\ttype inet_proto . inet_service : verdict',
    );
    expect(text).toMatch(
      new RegExp(`tcp \\. ${port} : goto external-[A-Z2-7]{8}-default/web/tcp/,`),
    );
    expect(text).toMatch(
      /chain external-\S+ \{\n\t\tjump mark-for-masquerade counter packets \d+\n\t\tgoto service-/,
    );
    expect(text).toContain('ip saddr != 10.244.0.0/16 jump mark-for-masquerade');
    // The masquerade test follows the scenario's pod network.
    const other = setup({ type: 'NodePort' }, ['node-1'], { ...nft, podCIDR: '10.32.0.0/16' });
    expect(other.t.engine.nodeRules('node-2')?.text).toContain(
      'ip saddr != 10.32.0.0/16 jump mark-for-masquerade',
    );
  });

  it('E.7 internalTrafficPolicy Local: the ClusterIP goes to a local- chain; the node port to service- over all', () => {
    const { t, onNode } = setup(
      { type: 'NodePort', internalTrafficPolicy: 'Local' },
      ['node-1', 'node-2'],
      nft,
    );
    const text = t.engine.nodeRules('node-1')?.text ?? '';
    const ip = clusterIP(t, 'web');
    expect(text).toMatch(new RegExp(`${ip.replaceAll('.', '\\.')} \\. tcp \\. 80 : goto local-`));
    expect(text).toMatch(
      /chain local-\S+ \{\n\t\tip daddr \S+ tcp dport 80 ip saddr != 10\.244\.0\.0\/16 jump mark-for-masquerade counter packets \d+\n\t\tnumgen random mod 2 vmap/,
    );
    expect(text).toMatch(/chain service-\S+ \{\n\t\tnumgen random mod 4 vmap/);
    expect((text.match(/\tchain endpoint-\S+-default\/web\//g) ?? []).length).toBe(4);
    const r = request(t, onNode('node-1'), 'http://web');
    expect(r.podNode).toBe('node-1');
    expect(proxyHop(r)?.chains[0]).toMatch(/^local-/);
  });

  it('E.7 Local: pod and local traffic short-circuit; no local endpoint drops the node port', () => {
    const { t } = setup({ type: 'NodePort', externalTrafficPolicy: 'Local' }, ['node-1'], nft);
    const port = nodePortOf(t);
    const without = t.engine.nodeRules('node-2')?.text ?? '';
    expect(without).toContain('ip saddr 10.244.0.0/16 goto service-');
    expect(without).toContain('comment "short-circuit pod traffic"');
    expect(without).toContain(
      'fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"',
    );
    expect(without).toContain(`tcp . ${port} comment "default/web" : drop`);
    expect(without).not.toContain('goto local-');
    const withLocal = t.engine.nodeRules('node-1')?.text ?? '';
    expect(withLocal).toMatch(/goto local-[A-Z2-7]{8}-default\/web\/tcp\//);
    expect(withLocal).toMatch(/chain local-\S+ \{\n\t\tnumgen random mod 2 vmap/);
    const ok = request(t, 'external', `http://172.18.0.2:${port}`);
    expect(ok.outcome).toBe('ok');
    expect(
      proxyHop(ok)
        ?.chains.slice(0, 2)
        .map((c) => c.split('-')[0]),
    ).toEqual(['external', 'local']);
  });

  it('E.7 no endpoints at all: the node port is rejected through no-endpoint-nodeports', () => {
    const t = clusterOf(
      [service('web', { type: 'NodePort', selector: { app: 'none' }, ports: [{ port: 80 }] })],
      nft,
    ).settle();
    const port = nodePortOf(t as never);
    expect(t.engine.nodeRules('node-1')?.text).toContain(
      `tcp . ${port} comment "default/web" : goto reject-chain`,
    );
  });
});
