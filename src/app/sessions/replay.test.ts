// The promise behind share links and kept sessions, end to end below the UI: a session captured
// from a running runner (scenario + command log + time) reopens as the same cluster, pod names and
// IPs included; opening a bad scenario leaves the running cluster untouched.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../engine/index';
import type { EngineClient } from '../../worker/client';
// An in-process engine host stands in for the worker: this test checks the whole chain, from the
// runner's snapshot to a fresh engine replaying the decoded link.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { EngineHost } from '../../worker/engineHost';
import { EngineRunner } from '../runtime/runner';
import { decodeShare, encodeShare } from '../share/codec';
import { createAppStore } from '../stores/appStore';

const scenario = readFileSync('src/lessons/seed-services/scenario.yaml', 'utf8');

/** A runner over an in-process engine host; the clock loop is driven by hand. */
function inProcessRunner() {
  const host = new EngineHost();
  const api = new Proxy(
    {},
    {
      get:
        (_t, name: string) =>
        (...args: unknown[]) =>
          Promise.resolve().then(() =>
            (host as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!.apply(
              host,
              args,
            ),
          ),
    },
  );
  const client: EngineClient = { api: api as EngineClient['api'], terminate: () => {} };
  const store = createAppStore({
    lesson: { id: 'seed-services', title: {}, scenario },
    manifests: '',
    ui: {
      selectedPod: null,
      speed: 1,
      playing: false,
      view: 'concept',
      lang: 'en',
      embed: false,
      editorOpen: true,
    },
  });
  const runner = new EngineRunner(store, {
    createClient: () => client,
    requestFrame: () => 0,
    cancelFrame: () => {},
  });
  return { host, runner, store };
}

const podsOf = (v: ClusterView) =>
  v.pods
    .map((p) => ({ name: p.name, ip: p.ip, node: p.node, status: p.status }))
    .sort((a, b) => a.name.localeCompare(b.name));

describe('sessions replay exactly', () => {
  it('a pod deleted before sharing stays deleted, with the same replacement name and IP', async () => {
    const a = inProcessRunner();
    expect(await a.runner.start()).toBe(true);
    const name = Object.keys(a.store.getState().engine.pods).find((n) => n.startsWith('backend-'))!;
    expect(await a.runner.exec(`kubectl delete pod ${name}`)).toBe(true);
    // No clock loop runs here: time moves on the host, behind the runner's back.
    a.host.tick(a.host.ping() + 7_345);
    const snap = await a.runner.snapshot();
    expect(snap).not.toBeNull();
    const at = a.host.ping();
    const code = encodeShare({
      v: 1,
      scenario,
      log: snap!.log,
      at,
      view: { mode: 'concept', speed: 1, playing: false },
    });
    const decoded = decodeShare(code);
    if (!decoded.ok) throw new Error(decoded.error.detail);

    const b = new EngineHost();
    const r = b.load(decoded.payload.scenario, {
      log: decoded.payload.log,
      at: decoded.payload.at,
    });
    if (!r.ok) throw new Error(r.message);
    expect(r.frame.now).toBe(at);
    const original = podsOf(a.host.tick(at).view);
    expect(podsOf(r.frame.view)).toEqual(original);
    expect(original.map((p) => p.name)).not.toContain(name);
  });

  it('open: a scenario that does not start changes nothing; a good one replaces the cluster', async () => {
    const { runner, store } = inProcessRunner();
    await runner.start();
    const before = store.getState();
    const bad = await runner.open({
      lesson: { id: 'file:x', title: {}, scenario: 'kind: Scenario\n' },
      load: {},
    });
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('apiVersion') });
    const after = store.getState();
    expect(after.engine).toBe(before.engine);
    expect(after.lesson).toBe(before.lesson);
    expect(await runner.snapshot()).toMatchObject({ log: [] });

    const good = await runner.open({
      lesson: { id: 'file:y', title: {}, scenario: scenario.replace('replicas: 3', 'replicas: 4') },
      load: {},
    });
    expect(good).toEqual({ ok: true });
    const s = store.getState();
    expect(s.lesson.id).toBe('file:y');
    expect(s.editor.text).toContain('replicas: 4');
    expect(Object.keys(s.engine.pods).filter((n) => n.startsWith('backend-'))).toHaveLength(4);
  });
});
