// kube-proxy (E.1–E.4, E.6–E.8): chain names, load-balancing rules, no-endpoint verdicts, IPVS
// rotation, per-node sync timing and stale rules, session affinity, terminating-endpoint fallback.
import { describe, expect, it } from 'vitest';
import type { ProxyEndpoint, ServicePortInfo } from '../network/proxyTable';
import {
  MIN_SYNC_PERIOD_MS,
  nftEndpointChain,
  nftServiceChain,
  sepChain,
  svcChain,
} from '../network/kubeProxy';
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

function info(namespace: string, svc: string, portName: string): ServicePortInfo {
  return {
    name: `${namespace}/${svc}${portName ? `:${portName}` : ''}`,
    namespace,
    service: svc,
    portName,
    protocol: 'TCP',
    type: 'ClusterIP',
    clusterIP: '172.30.0.41',
    port: 80,
    nodePort: undefined,
    externalIPs: [],
    loadBalancerIPs: [],
    internalLocal: false,
    externalLocal: false,
    affinitySeconds: 0,
    endpoints: [],
  };
}

const ep = (ip: string, port: number): ProxyEndpoint => ({
  ip,
  port,
  node: undefined,
  pod: undefined,
  ready: true,
  serving: true,
  terminating: false,
});

const svcOf = (name: string, extra: object = {}) =>
  service(name, { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }], ...extra });

function setup(replicas: number, opts: ClusterOpts = {}, extra: object = {}) {
  const t = clusterOf(
    [deployment('web', { replicas }), client('client', 3), svcOf('web', extra)],
    opts,
  ).settle();
  const clients = podsOf(t, 'client');
  return { t, from: clients[0]?.metadata.name ?? '', clients };
}

describe('E.2 chain names', () => {
  it('E.2 KUBE-SVC/KUBE-SEP hashes match the upstream test vectors', () => {
    expect(svcChain('SVC', info('ns1', 'svc1', 'p80'))).toBe('KUBE-SVC-XPGD46QRK7WJZT7O');
    expect(sepChain(info('ns1', 'svc1', 'p80'), ep('10.180.0.1', 80))).toBe(
      'KUBE-SEP-SXIVWICOYRO3J4NJ',
    );
    expect(svcChain('SVC', info('ns2', 'svc2', 'p80'))).toBe('KUBE-SVC-GNZBNJ2PO5MGZ6GT');
    expect(svcChain('SVC', info('default', 'backend-service', 'http'))).toBe(
      'KUBE-SVC-X4EKD7X5RW4LUWSF',
    );
    expect(svcChain('SVC', info('default', 'backend-service', ''))).toBe(
      'KUBE-SVC-ZZAJ2COS27FT6J6V',
    );
  });

  it('E.7 nftables chain names carry the 8-char hash of the rest of the name', () => {
    expect(nftServiceChain(info('ns1', 'svc1', 'p80'))).toBe('service-ULMVA6XW-ns1/svc1/tcp/p80');
    expect(nftEndpointChain(info('ns1', 'svc1', 'p80'), ep('10.180.0.1', 80))).toBe(
      'endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80',
    );
  });

  it('E.2 a named port in a running cluster gets KUBE-SVC-X4EKD7X5RW4LUWSF', () => {
    const t = clusterOf([
      deployment('backend', { replicas: 2 }),
      service('backend-service', {
        selector: { app: 'backend' },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      }),
    ]).settle();
    const text = t.engine.nodeRules('node-1')?.text ?? '';
    expect(text).toContain(
      '--comment "default/backend-service:http cluster IP" -m tcp -p tcp -d ' +
        `${clusterIP(t, 'backend-service')} --dport 80 -j KUBE-SVC-X4EKD7X5RW4LUWSF`,
    );
  });
});

describe('E.2 load balancing rules', () => {
  it('E.2 n=4: probabilities 0.25, 1/3, 0.5, then an unconditional jump; each endpoint gets ~1/4', () => {
    const { t, from } = setup(4);
    const chain = svcChain('SVC', info('default', 'web', ''));
    const lines = (t.engine.nodeRules('node-1')?.lines ?? []).filter(
      (l) => l.chain === chain && l.text.includes('-j KUBE-SEP-'),
    );
    expect(lines.map((l) => /--probability (\S+)/.exec(l.text)?.[1] ?? null)).toEqual([
      '0.2500000000',
      '0.3333333333',
      '0.5000000000',
      null,
    ]);
    const rs = requests(t, from, 'http://web', 2000, 1);
    const by = new Map<string, number>();
    for (const r of rs) by.set(r.pod ?? '', (by.get(r.pod ?? '') ?? 0) + 1);
    expect(by.size).toBe(4);
    for (const n of by.values()) expect(Math.abs(n / 2000 - 0.25)).toBeLessThan(0.04);
  });

  it('E.2 endpoints are ordered by their "ip:port" string: 10.244.0.10 before 10.244.0.2', () => {
    const { t } = setup(10, { nodes: 1 });
    const chain = svcChain('SVC', info('default', 'web', ''));
    const ips = (t.engine.nodeRules('node-1')?.lines ?? [])
      .filter((l) => l.chain === chain && l.text.includes('-j KUBE-SEP-'))
      .map((l) => /-> ([\d.]+):/.exec(l.text)?.[1]);
    expect(ips).toHaveLength(10);
    expect(ips).toEqual([...ips].sort());
    const twoDigits = ips.findIndex((ip) => /\.\d\d$/.test(ip ?? ''));
    const oneDigit = ips.findIndex((ip) => /\.\d$/.test(ip ?? ''));
    expect(twoDigits).toBeGreaterThanOrEqual(0);
    expect(twoDigits).toBeLessThan(oneDigit);
  });

  it('E.2 with internalTrafficPolicy Local the off-cluster masquerade rule sits in KUBE-SVL', () => {
    const t = clusterOf([
      deployment('web', { replicas: 3 }),
      svcOf('web', { internalTrafficPolicy: 'Local' }),
    ]).settle();
    const text = t.engine.nodeRules('node-1')?.text ?? '';
    expect(text).toMatch(
      /-A KUBE-SVL-\S+ -m comment --comment "default\/web cluster IP" .* ! -s 10\.244\.0\.0\/16 -j KUBE-MARK-MASQ/,
    );
    expect(text).not.toMatch(/-A KUBE-SVC-\S+ -m comment --comment "default\/web cluster IP"/);
  });

  it('E.2 off-cluster sources are masqueraded in KUBE-SVC; a pod reaching itself is hairpin-SNATed', () => {
    const t = clusterOf([deployment('web'), svcOf('web')]).settle();
    const text = t.engine.nodeRules('node-1')?.text ?? '';
    expect(text).toContain(`--dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ`);
    const pod = podsOf(t, 'web')[0];
    expect(text).toContain(`-s ${pod?.status.podIP} -j KUBE-MARK-MASQ`);
    const r = request(t, pod?.metadata.name ?? '', 'http://web');
    expect(r.pod).toBe(pod?.metadata.name);
    expect(r.hops.find((h) => h.kind === 'proxy')).toMatchObject({ masquerade: true });
  });
});

describe('E.4 no endpoints', () => {
  it('E.4 iptables: a filter-table REJECT, and the client is refused at once', () => {
    const { t, from } = setup(0);
    const ip = clusterIP(t, 'web');
    const text = t.engine.nodeRules('node-2')?.text ?? '';
    expect(text).toContain(
      `-A KUBE-SERVICES -m comment --comment "default/web has no endpoints" -m tcp -p tcp -d ${ip} --dport 80 -j REJECT`,
    );
    expect(text).not.toContain('-j KUBE-SVC-' + svcChain('SVC', info('default', 'web', '')));
    const r = request(t, from, 'http://web');
    expect(r.outcome).toBe('refused');
    expect(r.resolved).toBe(ip); // DNS still answers (E.4): "DNS works, connection refused"
    expect(r.latencyMs).toBeLessThan(5);
  });

  it('E.4 a node port without endpoints: no KUBE-NODEPORTS jump, a REJECT in KUBE-EXTERNAL-SERVICES', () => {
    const t = clusterOf([
      deployment('web', { replicas: 0 }),
      svcOf('web', { type: 'NodePort' }),
    ]).settle();
    const np = t.c.store.get('Service', 'default/web')?.spec.ports?.[0]?.nodePort;
    const text = t.engine.nodeRules('node-1')?.text ?? '';
    expect(text).toContain(
      `-A KUBE-EXTERNAL-SERVICES -m comment --comment "default/web has no endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport ${np} -j REJECT`,
    );
    expect(text).not.toContain(`--dport ${np} -j KUBE-EXT-`);
    expect(request(t, 'external', `http://172.18.0.2:${np}`).outcome).toBe('refused');
  });

  it("E.2 iptables-save lists each chain's rules together", () => {
    const { t } = setup(2, {}, { type: 'NodePort' });
    const lines = (t.engine.nodeRules('node-1')?.text ?? '')
      .split('\n')
      .filter((l) => l.includes(' -A '));
    const chains = lines.map((l) => / -A (\S+)/.exec(l)?.[1]);
    const runs = chains.filter((c, i) => c !== chains[i - 1]);
    expect(runs).toEqual([...new Set(chains)]);
  });

  it('E.7 nftables: an element in no-endpoint-services with goto reject-chain', () => {
    const { t, from } = setup(0, { proxyMode: 'nftables' });
    const text = t.engine.nodeRules('node-1')?.text ?? '';
    expect(text).toContain(
      `${clusterIP(t, 'web')} . tcp . 80 comment "default/web" : goto reject-chain`,
    );
    expect(request(t, from, 'http://web').outcome).toBe('refused');
  });

  it('E.4 a port the Service does not define: iptables lets it time out, nftables rejects it', () => {
    for (const [mode, outcome] of [
      ['iptables', 'timeout'],
      ['nftables', 'refused'],
    ] as const) {
      const { t, from } = setup(2, { proxyMode: mode });
      expect(request(t, from, `http://${clusterIP(t, 'web')}:81`).outcome).toBe(outcome);
    }
  });
});

describe('E.6 IPVS', () => {
  it('E.6 rr rotates through the real servers in order, exactly', () => {
    const { t, from } = setup(3, { proxyMode: 'ipvs' });
    const rs = requests(t, from, 'http://web', 9);
    const order = rs.map((r) => r.dst);
    expect(rs.every((r) => r.outcome === 'ok')).toBe(true);
    expect(order.slice(3)).toEqual([...order.slice(0, 3), ...order.slice(0, 3)]);
    expect(new Set(order.slice(0, 3)).size).toBe(3);
    expect(order.slice(0, 3)).toEqual([...order.slice(0, 3)].sort());
    const text = t.engine.nodeRules('node-1')?.text ?? '';
    expect(text).toContain(`TCP  ${clusterIP(t, 'web')}:80 rr`);
  });

  it('E.6 each node keeps its own rr position', () => {
    const { t, clients } = setup(3, { proxyMode: 'ipvs' });
    const nodes = new Set(clients.map((p) => p.spec.nodeName));
    expect(nodes.size).toBe(3);
    // The first request from each node goes to the first real server.
    const firsts = clients.map((p) => request(t, p.metadata.name, 'http://web').dst);
    expect(new Set(firsts).size).toBe(1);
  });

  it('E.6 sh (source hashing) sends one client to one real server', () => {
    const { t, from } = setup(3, { proxyMode: 'ipvs', ipvsScheduler: 'sh' });
    expect(new Set(requests(t, from, 'http://web', 20).map((r) => r.pod)).size).toBe(1);
  });
});

describe('E.1 per-node sync', () => {
  it('E.1 a change reaches the nodes at slightly different times; until then a node uses its old rules', () => {
    const { t, clients } = setup(3);
    const proxy = t.c.ctl.proxy;
    const victim = podsOf(t, 'web')[0];
    t.run(`chaos kill-pod -l app=web --count 1`);
    const killedAt = t.engine.now;
    t.advance(20); // the endpointslice-controller and kube-proxy's informers react within ms
    const synced = new Map<string, number>();
    let stale = 0;
    let timeouts = 0;
    while (synced.size < 3 && t.engine.now - killedAt < 5000) {
      for (const p of clients) {
        const r = request(t, p.metadata.name, 'http://web');
        const hop = r.hops.find((h) => h.kind === 'proxy');
        if (hop?.kind === 'proxy' && hop.stale) stale++;
        if (r.dst?.startsWith(`${victim?.status.podIP}:`)) {
          expect(hop).toMatchObject({ stale: true });
          expect(r.outcome).toBe('timeout');
          timeouts++;
        }
      }
      for (const [node, np] of proxy.nodes)
        if (!synced.has(node) && np.syncedVersion >= proxy.table.version)
          synced.set(node, t.engine.now - killedAt);
      t.advance(1);
    }
    const times = [...synced.values()];
    expect(times).toHaveLength(3);
    expect(new Set(times).size).toBeGreaterThan(1);
    expect(Math.max(...times)).toBeLessThan(MIN_SYNC_PERIOD_MS + 100);
    expect(stale).toBeGreaterThan(0);
    expect(timeouts).toBeGreaterThan(0);
    // Once every node has synced nobody is sent to the dead pod.
    const after = clients.flatMap((p) => requests(t, p.metadata.name, 'http://web', 30, 1));
    expect(after.every((r) => r.outcome === 'ok')).toBe(true);
  });

  it('E.1 minSyncPeriod: a node syncs at most once per second however often things change', () => {
    const { t } = setup(3);
    const np = t.c.ctl.proxy.nodes.get('node-1');
    const starts: number[] = [];
    let last = np?.lastSyncStart ?? 0;
    const versionBefore = t.c.ctl.proxy.table.version;
    for (let i = 0; i < 20; i++) {
      t.run('chaos kill-pod -l app=web --count 1');
      for (let k = 0; k < 250; k++) {
        t.advance(1);
        if ((np?.lastSyncStart ?? 0) !== last) {
          last = np?.lastSyncStart ?? 0;
          starts.push(last);
        }
      }
    }
    // Many more rule changes than syncs: the changes were batched.
    expect(t.c.ctl.proxy.table.version - versionBefore).toBeGreaterThan(2 * starts.length);
    expect(starts.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < starts.length; i++)
      expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(MIN_SYNC_PERIOD_MS);
  });
});

describe('E.3 session affinity', () => {
  it('E.3 ClientIP: every request of a client goes to one pod; the timeout defaults to 10800 s', () => {
    const { t, clients } = setup(3, {}, { sessionAffinity: 'ClientIP' });
    expect(t.c.store.get('Service', 'default/web')?.spec.sessionAffinityConfig).toEqual({
      clientIP: { timeoutSeconds: 10800 },
    });
    const text = t.engine.nodeRules('node-1')?.text ?? '';
    expect(text).toMatch(
      /-m recent --name KUBE-SEP-\S+ --mask 255\.255\.255\.255 --rsource --rcheck --seconds 10800 --reap -j KUBE-SEP-/,
    );
    expect(text).toContain('-m recent --set --name KUBE-SEP-');
    for (const p of clients) {
      const rs = requests(t, p.metadata.name, 'http://web', 30);
      expect(new Set(rs.map((r) => r.pod)).size).toBe(1);
    }
  });

  it('E.3 the affinity expires after timeoutSeconds of silence and the next request is balanced afresh', () => {
    const { t, from } = setup(
      3,
      {},
      {
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } },
      },
    );
    const chains = (r: ReturnType<typeof request>) => {
      const h = r.hops.find((x) => x.kind === 'proxy');
      return h?.kind === 'proxy' ? h.chains : [];
    };
    const first = request(t, from, 'http://web');
    t.advance('4s');
    const sticky = request(t, from, 'http://web');
    expect(sticky.pod).toBe(first.pod);
    expect(chains(sticky).some((c) => c.startsWith('affinity:'))).toBe(true);
    t.advance('6s');
    expect(chains(request(t, from, 'http://web')).some((c) => c.startsWith('affinity:'))).toBe(
      false,
    );
  });

  it('E.3 IPVS: the virtual server is persistent for the timeout', () => {
    const { t, from } = setup(3, { proxyMode: 'ipvs' }, { sessionAffinity: 'ClientIP' });
    expect(t.engine.nodeRules('node-1')?.text).toMatch(/:80 rr persistent 10800/);
    expect(new Set(requests(t, from, 'http://web', 12).map((r) => r.pod)).size).toBe(1);
  });
  it('E.3 nftables: a dynamic affinity set per endpoint, checked before numgen', () => {
    const { t, from } = setup(2, { proxyMode: 'nftables' }, { sessionAffinity: 'ClientIP' });
    const text = t.engine.nodeRules('node-1')?.text ?? '';
    const sets = text.match(/set affinity-[A-Z2-7]{8}-default\/web\/tcp\/__[\d.]+\/8080 \{/g);
    expect(sets).toHaveLength(2);
    expect(text).toContain('flags dynamic,timeout');
    expect(text).toContain('timeout 3h');
    const chain = text.slice(text.search(/\tchain service-\S+-default\/web\//));
    expect(chain.indexOf('ip saddr @affinity-')).toBeLessThan(chain.indexOf('numgen random'));
    expect(text).toMatch(/update @affinity-\S+ \{ ip saddr \}/);
    expect(new Set(requests(t, from, 'http://web', 12).map((r) => r.pod)).size).toBe(1);
  });
});

describe('E.8 terminating endpoints', () => {
  it('E.8 scaled to zero with a preStop sleep: serving+terminating pods keep getting traffic', () => {
    const t = clusterOf([
      deployment('web', { replicas: 2, preStopSleep: 20 }),
      client('client', 1),
      svcOf('web'),
    ]).settle();
    const from = podsOf(t, 'client')[0]?.metadata.name ?? '';
    const t0 = t.engine.now;
    t.engine.apply(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 0\n' +
        '  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n' +
        '    spec:\n      containers:\n      - name: web\n        image: hashicorp/http-echo:1.0\n' +
        '        ports: [{containerPort: 8080}]\n        lifecycle: {preStop: {sleep: {seconds: 20}}}\n',
    );
    t.advance('3s');
    const eps = t.c.ctl.sliceIndex.slicesFor('default/web').flatMap((s) => s.endpoints);
    expect(eps).toHaveLength(2);
    for (const e of eps)
      expect(e.conditions).toEqual({ ready: false, serving: true, terminating: true });
    const during = requests(t, from, 'http://web', 50, 100);
    expect(during.every((r) => r.outcome === 'ok')).toBe(true);
    expect(t.engine.nodeRules('node-1')?.text).not.toContain(
      'has no endpoints" -m tcp -p tcp -d ' + clusterIP(t, 'web'),
    );
    // After the preStop and SIGTERM the pods are gone and the Service rejects.
    t.advance(Math.max(0, t0 + 25_000 - t.engine.now));
    expect(podsOf(t, 'web')).toHaveLength(0);
    expect(request(t, from, 'http://web').outcome).toBe('refused');
  });

  it('E.8 while a ready endpoint exists, terminating ones get no new connections', () => {
    const t = clusterOf([
      deployment('web', { replicas: 3, preStopSleep: 20 }),
      client('client', 1),
      svcOf('web'),
    ]).settle();
    const from = podsOf(t, 'client')[0]?.metadata.name ?? '';
    const victim = podsOf(t, 'web')[0]?.metadata.name ?? '';
    t.run(`kubectl delete pod ${victim} --wait=false`);
    t.advance('2s');
    expect(
      podsOf(t, 'web').find((p) => p.metadata.name === victim)?.metadata.deletionTimestamp,
    ).toBeDefined();
    const rs = requests(t, from, 'http://web', 60, 50);
    expect(rs.every((r) => r.outcome === 'ok' && r.pod !== victim)).toBe(true);
  });
});
