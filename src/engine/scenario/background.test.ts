// cluster.backgroundServices: stand-ins for the rest of a big cluster, programmed by kube-proxy,
// listed by kubectl, never drawn; the scenario checker bounds them.
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { parseScenario } from './parse';

const scenario = (bg: string) =>
  `apiVersion: kubeplay.dev/v1\nkind: Scenario\nmetadata: {name: big}\ncluster:\n  nodes: 2\n  backgroundServices: ${bg}\n`;

describe('backgroundServices', () => {
  it('creates selector-less Services with ready endpoints that kube-proxy programs', () => {
    const r = Engine.create(scenario('{count: 20, endpoints: 4}'));
    if (!r.ok) throw new Error(r.message);
    const e = r.engine;
    e.settle();
    const svcs = e.cluster.store.list('Service', 'background');
    expect(svcs).toHaveLength(20);
    expect(svcs.every((s) => s.spec.selector === undefined && s.spec.clusterIP)).toBe(true);
    // kubernetes + 20 × (3 service rules + 3 per endpoint) in the rule model.
    expect(e.cluster.ctl.proxy.table.ruleCount).toBe(3 + 3 + 20 * (3 + 12));
    expect(e.view().services.map((s) => s.name)).toEqual(['kubernetes']);
    expect(e.exec('kubectl get svc -n background').stdout).toContain('svc-20');
    const all = e.nodeRules('node-1')?.text ?? '';
    expect(all).toContain('background/svc-01:http');
    expect(e.nodeRules('node-1', ['default'])?.text).not.toContain('background/');
  });

  it('is checked: whole numbers within limits', () => {
    const bad = parseScenario(scenario('{count: -1}'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.path).toBe('cluster.backgroundServices.count');
    const eps = parseScenario(scenario('{count: 3, endpoints: 1000}'));
    expect(eps.ok).toBe(false);
    expect(parseScenario(scenario('{count: 3}')).ok).toBe(true);
  });
});
