import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// The engine checks that an exported file is a scenario it (and so Import and the CLI) accepts.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { Engine } from '../../engine/index';
import { durationText, exportManifestsYaml, exportScenarioYaml, sessionFiles } from './files';

const scenario = readFileSync('src/lessons/seed-services/scenario.yaml', 'utf8');
const manifests = (parse(scenario) as { manifests: string }).manifests;

describe('Export scenario', () => {
  it('folds kubectl and chaos commands into the timeline, keeping every other field', () => {
    const text = exportScenarioYaml(
      scenario,
      manifests,
      [
        { at: 8250, run: 'kubectl delete pod backend-abc' },
        { at: 12_000, run: 'chaos kill-pod -l app=backend --count 1' },
      ],
      20_000,
    );
    const doc = parse(text) as Record<string, unknown>;
    expect(doc.timeline).toEqual([
      { at: '8250ms', run: 'kubectl delete pod backend-abc' },
      { at: '12s', run: 'chaos kill-pod -l app=backend --count 1' },
    ]);
    expect(doc.manifests).toBe(manifests);
    expect(doc.traffic).toEqual((parse(scenario) as Record<string, unknown>).traffic);
    expect(text).toMatch(/^# Exported from kubeplay at virtual time 20s/);
    // The engine (and so the CLI and Import) accepts it.
    expect(Engine.create(text).ok).toBe(true);
  });

  it('the manifests are the last applied ones', () => {
    const scaled = manifests.replace('replicas: 3', 'replicas: 5');
    const text = exportScenarioYaml(scenario, manifests, [{ at: 9000, apply: scaled }], 9000);
    expect((parse(text) as { manifests: string }).manifests).toBe(scaled);
    expect(text).toContain('manifests: |');
    expect(Engine.create(text).ok).toBe(true);
  });

  it('file names come from the scenario name', () => {
    const f = sessionFiles({ scenario, log: [], at: 0 });
    expect(f.scenario.name).toBe('seed-services.scenario.yaml');
    expect(f.manifests.name).toBe('seed-services-manifests.yaml');
    expect(f.manifests.text).toContain(manifests);
  });
});

describe('Export manifests', () => {
  it('is the Kubernetes objects with a line on how to apply them', () => {
    const text = exportManifestsYaml('kind: Service\n', 'x.yaml');
    expect(text).toBe(
      '# Kubernetes manifests exported from kubeplay.\n# Apply them to a real cluster with: kubectl apply -f x.yaml\nkind: Service\n',
    );
  });
});

describe('durationText', () => {
  it('writes scenario durations', () => {
    expect(durationText(12_000)).toBe('12s');
    expect(durationText(8250)).toBe('8250ms');
    expect(durationText(0)).toBe('0s');
  });
});
