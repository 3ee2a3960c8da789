import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testCluster } from '../../testing/driver';

const SEED = readFileSync(
  new URL('../../../lessons/seed-services/scenario.yaml', import.meta.url),
  'utf8',
);

describe('kube-proxy rules as data', () => {
  it('E.2 iptables: KUBE-SVC hash, probabilities 1/3 then 1/2, DNAT per endpoint, counters tick', () => {
    const t = testCluster(SEED).settle().advance('10s');
    const r = t.engine.nodeRules('node-1');
    expect(r?.mode).toBe('iptables');
    const text = r?.text ?? '';
    expect(text).toContain(
      '-A KUBE-SERVICES -m comment --comment "default/backend-service cluster IP" -m tcp -p tcp -d ',
    );
    expect(text).toContain('-j KUBE-SVC-ZZAJ2COS27FT6J6V');
    expect(text).toContain('-m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-');
    expect(text).toContain('-m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-');
    expect((text.match(/-j DNAT --to-destination 10\.244\.\d+\.\d+:8080/g) ?? []).length).toBe(3);
    const seps =
      r?.lines.filter(
        (l) => l.chain === 'KUBE-SVC-ZZAJ2COS27FT6J6V' && l.text.includes('-j KUBE-SEP-'),
      ) ?? [];
    expect(seps).toHaveLength(3);
    expect(seps.reduce((n, l) => n + l.packets, 0)).toBeGreaterThan(0);
  });

  it('E.2 endpoints in a chain are sorted by their "ip:port" string', () => {
    const t = testCluster(SEED).settle();
    const comments = (t.engine.nodeRules('node-2')?.lines ?? [])
      .filter((l) => l.chain === 'KUBE-SVC-ZZAJ2COS27FT6J6V' && l.text.includes('->'))
      .map((l) => /-> ([\d.:]+)/.exec(l.text)?.[1] ?? '');
    expect(comments).toEqual([...comments].sort());
  });

  it('E.4 a Service with no endpoints gets a REJECT in the filter table, and clients are refused', () => {
    const t = testCluster(SEED).settle();
    t.run('chaos fail-readiness -l app=backend');
    t.advance('3s');
    const text = t.engine.nodeRules('node-1')?.text ?? '';
    expect(text).toMatch(
      /-A KUBE-SERVICES -m comment --comment "default\/backend-service has no endpoints" -m tcp -p tcp -d [\d.]+ --dport 80 -j REJECT/,
    );
    const last = t.requests((r) => r.generator === 'frontend-to-service').slice(-5);
    expect(last.every((r) => r.outcome === 'refused')).toBe(true);
  });

  it('E.6 ipvs: one virtual server per ClusterIP:port with rr and the endpoints as real servers', () => {
    const t = testCluster(SEED.replace('proxyMode: iptables', 'proxyMode: ipvs'))
      .settle()
      .advance('6s');
    const r = t.engine.nodeRules('node-3');
    expect(r?.text).toMatch(/TCP {2}[\d.]+:80 rr/);
    expect((r?.text.match(/-> 10\.244\.\d+\.\d+:8080 +Masq/g) ?? []).length).toBe(3);
  });

  it('E.7 nftables: numgen random mod 3 vmap in the service chain', () => {
    const t = testCluster(SEED.replace('proxyMode: iptables', 'proxyMode: nftables')).settle();
    const text = t.engine.nodeRules('node-1')?.text ?? '';
    expect(text).toContain('numgen random mod 3 vmap { 0 : goto endpoint-');
    expect(text).toMatch(/chain service-[A-Z2-7]{8}-default\/backend-service\/tcp\/ \{/);
  });
});
