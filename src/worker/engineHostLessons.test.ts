// The worker's lesson calls over a real engine: marks, goal statuses, running solutions to open a
// lesson at a later step, and the rules panel.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Goal } from '../engine/index';
import { EngineHost } from './engineHost';

const SEED = readFileSync(
  new URL('../lessons/seed-services/scenario.yaml', import.meta.url),
  'utf8',
);

describe('EngineHost lessons', () => {
  it('evaluates goals from a mark, runs solutions forward and reports the next mark', () => {
    const host = new EngineHost();
    const loaded = host.load(SEED, {});
    expect(loaded.ok).toBe(true);
    const mark = host.lessonMark();
    const goals: Goal[] = [{ type: 'serviceReadyEndpoints', service: 'backend-service', count: 5 }];
    expect(host.lessonStatus(goals, mark)).toEqual([
      { met: false, code: 'goal.count', params: { have: 3, want: '5' } },
    ]);
    const run = host.lessonRun([
      { goals, solution: ['kubectl scale deployment backend --replicas=5'] },
    ]);
    expect(run.steps).toEqual([{ met: true, errors: [] }]);
    expect(run.frame.reset).toBe(true);
    expect(run.mark.at).toBeGreaterThan(mark.at);
    expect(run.mark.log).toBe(mark.log + 1);
    expect(host.lessonStatus(goals, run.mark)[0]?.met).toBe(true);
  });

  it('shows a node rules panel for the drawn namespaces', () => {
    const host = new EngineHost();
    host.load(SEED, {});
    const panel = host.lessonRules('node-1');
    expect(panel?.mode).toBe('iptables');
    expect(panel?.text).toContain('default/backend-service');
    expect(panel?.servicePorts).toBe(2);
    expect(host.lessonRules('node-9')).toBeNull();
  });
});
