import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../engine/index';
import type { EngineClient, EngineClientOptions, Frame } from '../../worker/client';
import { createAppStore } from '../stores/appStore';
import { EngineRunner, STEP_MS } from './runner';

const emptyView = (t: number): ClusterView => ({
  t,
  proxyMode: 'iptables',
  dnsIP: '10.96.0.10',
  proxyVersion: 0,
  nodes: [],
  pods: [],
  services: [],
  deployments: [],
  endpointSlices: [],
});

const frameAt = (now: number, reset = false): Frame => ({
  now,
  view: emptyView(now),
  requests: [],
  events: [],
  reset,
});

/** A fake worker whose tick answers only when the test says so. */
function fakeWorld() {
  const ticks: { t: number; resolve: (f: Frame) => void }[] = [];
  const execs: string[] = [];
  let crash: ((msg: string) => void) | undefined;
  let clients = 0;
  const api = {
    load: () => Promise.resolve({ ok: true as const, frame: frameAt(3000, true), settledAt: 3000 }),
    tick: (t: number) => new Promise<Frame>((resolve) => ticks.push({ t, resolve })),
    exec: (line: string) => {
      execs.push(line);
      return Promise.resolve({
        result: { stdout: '', stderr: '', exitCode: 0 },
        frame: frameAt(3000),
      });
    },
  };
  const createClient = (opts: EngineClientOptions): EngineClient => {
    clients++;
    crash = opts.onCrash;
    return { api: api as unknown as EngineClient['api'], terminate: () => {} };
  };
  let wall = 0;
  let frameCb: ((ts: number) => void) | null = null;
  const store = createAppStore({
    lesson: { id: 'x', title: {}, scenario: 'scenario' },
    manifests: '',
    ui: {
      selectedPod: null,
      speed: 1,
      playing: true,
      view: 'concept',
      lang: 'en',
      embed: false,
      editorOpen: true,
    },
  });
  const runner = new EngineRunner(store, {
    createClient,
    now: () => wall,
    requestFrame: (cb) => {
      frameCb = cb;
      return 1;
    },
    cancelFrame: () => {},
  });
  const advance = async (ms: number) => {
    for (let i = 0; i < ms / 16; i++) {
      wall += 16;
      frameCb?.(wall);
      await Promise.resolve();
    }
  };
  return {
    runner,
    store,
    ticks,
    execs,
    advance,
    crash: (msg: string) => crash?.(msg),
    clients: () => clients,
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('EngineRunner', () => {
  it('loads the lesson, then ticks with one call in flight at a time', async () => {
    const w = fakeWorld();
    w.runner.start();
    await settle();
    expect(w.store.getState().engine.status).toBe('running');
    expect(w.store.getState().engine.now).toBe(3000);
    // While the first tick is unanswered, no other is sent however much time passes.
    await w.advance(496);
    expect(w.ticks).toHaveLength(1);
    const first = w.ticks[0];
    if (!first) throw new Error('no tick');
    first.resolve(frameAt(first.t));
    await settle();
    // The next one asks for where the clock is now: wall time x speed since the lesson opened.
    await w.advance(16);
    expect(w.ticks).toHaveLength(2);
    expect(w.ticks[1]?.t).toBeGreaterThanOrEqual(3000 + 496);
    expect(w.ticks[1]?.t).toBeLessThanOrEqual(3000 + 528);
    w.ticks[1]?.resolve(frameAt(w.ticks[1].t));
    await settle();
    // ...and the one after waits for about 100 ms of wall time (about ten frames a second).
    await w.advance(64);
    expect(w.ticks).toHaveLength(2);
    await w.advance(64);
    expect(w.ticks).toHaveLength(3);
  });

  it('Step pauses and asks for exactly 100 ms more', async () => {
    const w = fakeWorld();
    w.store.setState((s) => ({ ui: { ...s.ui, playing: false } }));
    w.runner.start();
    await settle();
    await w.advance(300);
    expect(w.ticks).toHaveLength(0);
    w.runner.step();
    await w.advance(32);
    expect(w.ticks.map((t) => t.t)).toEqual([3000 + STEP_MS]);
  });

  it('deletes a pod with kubectl', async () => {
    const w = fakeWorld();
    w.runner.start();
    await settle();
    expect(await w.runner.deletePod('web-1')).toBe(true);
    expect(w.execs).toEqual(['kubectl delete pod web-1']);
  });

  it('announces a crashed worker and starts a new one on Reset', async () => {
    const w = fakeWorld();
    w.runner.start();
    await settle();
    w.crash('boom');
    expect(w.store.getState().engine.status).toBe('failed');
    expect(w.store.getState().alerts.map((a) => a.key)).toEqual(['errors.engine']);
    w.runner.reset();
    await settle();
    expect(w.clients()).toBe(2);
    expect(w.store.getState().engine.status).toBe('running');
  });
});
