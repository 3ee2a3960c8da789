import { describe, expect, it, vi } from 'vitest';
import type { ClusterEvent } from '../../engine/index';
import type { Frame } from '../../worker/client';
import type { EngineRunner } from '../runtime/runner';
import type { FrameListener } from '../runtime/session';
import { createAppStore } from '../stores/appStore';
import { emptyMirror } from '../stores/mirror';
import { startEmbedBridge } from './bridge';
import { EMBED_LIMITS, parseInbound, toEmbedEvent } from './messages';

describe('parseInbound', () => {
  it('accepts the four messages of the contract', () => {
    expect(parseInbound({ type: 'kubeplay:play' })).toEqual({
      ok: true,
      message: { type: 'kubeplay:play' },
    });
    expect(parseInbound({ type: 'kubeplay:pause' })).toEqual({
      ok: true,
      message: { type: 'kubeplay:pause' },
    });
    expect(parseInbound({ type: 'kubeplay:command', command: ' kubectl get pods ' })).toEqual({
      ok: true,
      message: { type: 'kubeplay:command', command: 'kubectl get pods' },
    });
    expect(
      parseInbound({ type: 'kubeplay:command', command: 'chaos kill-pod -l app=x' }),
    ).toMatchObject({ ok: true });
    expect(parseInbound({ type: 'kubeplay:load', scenario: 'kind: Scenario' })).toEqual({
      ok: true,
      message: { type: 'kubeplay:load', scenario: 'kind: Scenario' },
    });
  });

  it("ignores what is not for kubeplay, and kubeplay's own messages echoed back", () => {
    for (const data of [
      null,
      'kubeplay:play',
      42,
      [],
      {},
      { type: 7 },
      { type: 'other:play' },
      { type: 'kubeplay:ready' },
      { type: 'kubeplay:event' },
    ])
      expect(parseInbound(data)).toBeNull();
  });

  it('rejects malformed kubeplay messages with a reason', () => {
    const bad: unknown[] = [
      { type: 'kubeplay:jump' },
      { type: 'kubeplay:play', extra: 1 },
      { type: 'kubeplay:load' },
      { type: 'kubeplay:load', scenario: '  ' },
      { type: 'kubeplay:load', scenario: {} },
      { type: 'kubeplay:load', scenario: 'x'.repeat(EMBED_LIMITS.scenarioChars + 1) },
      { type: 'kubeplay:command' },
      { type: 'kubeplay:command', command: 'rm -rf /' },
      { type: 'kubeplay:command', command: 'kubectl get pods\nkubectl delete pod x' },
      { type: 'kubeplay:command', command: `kubectl ${'x'.repeat(EMBED_LIMITS.commandChars)}` },
      { type: 'kubeplay:command', command: 'kubectlx' },
    ];
    for (const data of bad)
      expect(parseInbound(data), JSON.stringify(data).slice(0, 80)).toMatchObject({ ok: false });
  });

  it('events carry exactly the CLI fields', () => {
    const e: ClusterEvent = {
      t: 1,
      type: 'Normal',
      reason: 'Killing',
      object: 'pod/x',
      message: 'Stopping container x',
      namespace: 'default',
      source: 'kubelet',
      code: 'pod.killing',
      params: {},
    };
    expect(toEmbedEvent(e)).toEqual({
      t: 1,
      type: 'Normal',
      reason: 'Killing',
      object: 'pod/x',
      message: 'Stopping container x',
    });
  });
});

/** A fake framed window: its parent records what it is sent. */
function fakeFrame(framed = true) {
  const posted: { msg: unknown; origin: string }[] = [];
  const listeners = new Set<(e: MessageEvent) => void>();
  const parent = { postMessage: (msg: unknown, origin: string) => posted.push({ msg, origin }) };
  const win = {
    addEventListener: (_: string, l: (e: MessageEvent) => void) => listeners.add(l),
    removeEventListener: (_: string, l: (e: MessageEvent) => void) => listeners.delete(l),
  } as unknown as Window & { parent: unknown };
  (win as { parent: unknown }).parent = framed ? parent : win;
  const receive = (data: unknown, source: unknown = parent, origin = 'https://docs.example') => {
    for (const l of listeners) l({ data, source, origin } as MessageEvent);
  };
  return { win, parent, posted, receive, listeners };
}

function fakeRunner() {
  const calls: string[] = [];
  let listener: FrameListener | null = null;
  const runner = {
    onFrame: (l: FrameListener) => {
      listener = l;
      return () => (listener = null);
    },
    play: () => calls.push('play'),
    pause: () => calls.push('pause'),
    execLine: (line: string) => {
      calls.push(line);
      return Promise.resolve(
        line.includes('nope') ? { ok: false, error: 'error: not found' } : { ok: true, error: '' },
      );
    },
    open: () => {
      calls.push('open');
      return Promise.resolve({ ok: false, message: 'metadata.name: is required' });
    },
  } as unknown as EngineRunner;
  const emit = (events: Partial<ClusterEvent>[]) =>
    listener?.({ events, requests: [], now: 0, reset: false } as unknown as Frame, 'tick');
  return { runner, calls, emit };
}

const store = () =>
  createAppStore({
    lesson: { id: 'x', title: {}, scenario: '' },
    manifests: '',
    ui: {
      selectedPod: null,
      speed: 1,
      playing: true,
      view: 'concept',
      lang: 'en',
      embed: true,
      editorOpen: true,
    },
  });
const flush = () => new Promise((r) => setTimeout(r, 0));
const event = { t: 5, type: 'Normal' as const, reason: 'Killing', object: 'pod/a', message: 'm' };

describe('the embed bridge', () => {
  it('does nothing when the page is not in a frame', () => {
    const f = fakeFrame(false);
    startEmbedBridge({ win: f.win, runner: fakeRunner().runner, store: store(), referrer: '' });
    expect(f.listeners.size).toBe(0);
  });

  it("ready goes to '*' once running; events wait for an origin, then go only there", async () => {
    const f = fakeFrame();
    const r = fakeRunner();
    const s = store();
    startEmbedBridge({ win: f.win, runner: r.runner, store: s, referrer: '' });
    r.emit([event]);
    expect(f.posted).toEqual([]);
    s.setState({ engine: { ...emptyMirror(), status: 'running' } });
    expect(f.posted).toEqual([{ msg: { type: 'kubeplay:ready' }, origin: '*' }]);
    // No referrer and no message yet: the event is held back.
    r.emit([event]);
    expect(f.posted).toHaveLength(1);

    f.receive({ type: 'kubeplay:pause' });
    await flush(); // messages are acted on one at a time, in order
    expect(r.calls).toEqual(['pause']);
    expect(f.posted.slice(1)).toEqual([
      { msg: { type: 'kubeplay:event', event }, origin: 'https://docs.example' },
      { msg: { type: 'kubeplay:event', event }, origin: 'https://docs.example' },
    ]);
  });

  it("with a referrer, events go to the referrer's origin before any message", () => {
    const f = fakeFrame();
    const r = fakeRunner();
    const s = store();
    s.setState({ engine: { ...emptyMirror(), status: 'running' } });
    startEmbedBridge({
      win: f.win,
      runner: r.runner,
      store: s,
      referrer: 'https://blog.example/post?x=1',
    });
    r.emit([event]);
    expect(f.posted).toEqual([
      { msg: { type: 'kubeplay:ready' }, origin: '*' },
      { msg: { type: 'kubeplay:event', event }, origin: 'https://blog.example' },
    ]);
  });

  it('acts on messages in order: a command sent after a load runs on the loaded cluster', async () => {
    const f = fakeFrame();
    const r = fakeRunner();
    startEmbedBridge({ win: f.win, runner: r.runner, store: store(), referrer: '' });
    f.receive({ type: 'kubeplay:load', scenario: 'kind: Scenario' });
    f.receive({ type: 'kubeplay:command', command: 'kubectl get pods' });
    f.receive({ type: 'kubeplay:pause' });
    await vi.waitFor(() => expect(r.calls).toHaveLength(3));
    expect(r.calls).toEqual(['open', 'kubectl get pods', 'pause']);
  });

  it('accepts messages only from the parent, and answers errors to its origin', async () => {
    const f = fakeFrame();
    const r = fakeRunner();
    const s = store();
    s.setState({ engine: { ...emptyMirror(), status: 'running' } });
    startEmbedBridge({ win: f.win, runner: r.runner, store: s, referrer: '' });
    f.receive({ type: 'kubeplay:play' }, {}); // another window
    f.receive({ type: 'kubeplay:play' }, f.win); // the frame itself
    f.receive({ type: 'kubeplay:play' }, f.parent, 'null'); // an opaque parent
    expect(r.calls).toEqual([]);

    f.receive({ type: 'kubeplay:command', command: 'kubectl delete pod nope' });
    f.receive({ type: 'kubeplay:load', scenario: 'kind: Scenario' });
    f.receive({ type: 'kubeplay:fly' });
    // A scenario is described by the lazily loaded YAML parser before it opens; messages are
    // acted on in the order they came.
    await vi.waitFor(() => expect(f.posted.length).toBe(4));
    expect(r.calls).toEqual(['kubectl delete pod nope', 'open']);
    expect(f.posted.slice(1)).toEqual([
      {
        msg: { type: 'kubeplay:error', message: 'kubeplay:fly: unknown message type' },
        origin: 'https://docs.example',
      },
      {
        msg: { type: 'kubeplay:error', message: 'error: not found' },
        origin: 'https://docs.example',
      },
      {
        msg: { type: 'kubeplay:error', message: 'metadata.name: is required' },
        origin: 'https://docs.example',
      },
    ]);
  });
});
