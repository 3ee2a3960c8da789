import { describe, expect, it } from 'vitest';
import type { ClusterView, LoggedCommand } from '../../engine/index';
import type { EngineClient, EngineClientOptions, Frame } from '../../worker/client';
import { BUSY_MS, HANG_MS, HEARTBEAT_MS, LONG_MS, MAX_RESTARTS } from './callPolicy';
import { ResilientEngine } from './recovery';

/** A pretend engine: pods named after the log's length, so a wrong replay shows. */
class FakeEngine {
  now = 0;
  log: LoggedCommand[] = [];
  scenario = '';
  frame(reset = false): Frame {
    const view = { t: this.now, pods: [{ name: `pod-${this.log.length}`, ip: '10.0.0.1' }] };
    return { now: this.now, view: view as unknown as ClusterView, requests: [], events: [], reset };
  }
}

type Mode = 'ok' | 'silent' | 'held';

function world() {
  const workers: {
    engine: FakeEngine;
    mode: Mode;
    crash?: (m: string) => void;
    calls: string[];
    held: (() => void)[];
  }[] = [];
  let wall = 0;
  let beat: (() => void) | null = null;
  /** The next worker's load answers, then it goes quiet (heavy work at that point). */
  const opt = { slowAfterLoad: false };
  const spawn = (opts: EngineClientOptions): EngineClient => {
    const w = {
      engine: new FakeEngine(),
      mode: 'ok' as Mode,
      crash: opts.onCrash,
      calls: [] as string[],
      held: [] as (() => void)[],
    };
    workers.push(w);
    const answer = <T>(name: string, fn: () => T): Promise<T> => {
      w.calls.push(name);
      if (w.mode === 'silent') return new Promise<T>(() => {});
      if (w.mode === 'held') return new Promise<T>((resolve) => w.held.push(() => resolve(fn())));
      return Promise.resolve().then(fn);
    };
    const e = w.engine;
    const api = {
      load: (scenario: string, o: { log?: LoggedCommand[]; at?: number }) =>
        answer('load', () => {
          e.scenario = scenario;
          e.log = [...(o.log ?? [])];
          e.now = o.at ?? 3000;
          if (opt.slowAfterLoad) w.mode = 'silent';
          return { ok: true, frame: e.frame(true), settledAt: e.now };
        }),
      tick: (t: number) =>
        answer('tick', () => {
          e.now = t;
          return e.frame();
        }),
      exec: (line: string) =>
        answer('exec', () => {
          e.log.push({ at: e.now, run: line });
          return { result: { stdout: '', stderr: '', exitCode: 0 }, frame: e.frame() };
        }),
      log: () => answer('log', () => [...e.log]),
      ping: () => answer('ping', () => e.now),
    };
    return {
      api: api as unknown as EngineClient['api'],
      terminate: () => {
        w.mode = 'silent';
      },
    };
  };
  const events: string[] = [];
  let crashed: string | null = null;
  const client = new ResilientEngine(
    {
      spawn,
      now: () => wall,
      setInterval: (fn) => {
        beat = fn;
        return 1;
      },
      clearInterval: () => {
        beat = null;
      },
      onLost: (reason) => events.push(`lost:${reason}`),
      onRestored: (i) => events.push(`restored:${i.commands}@${i.at}:${i.exact}`),
      interruptedText: () => 'interrupted',
      onBusy: () => events.push('busy'),
      onBusyEnd: () => events.push('busy-end'),
    },
    { onCrash: (m) => (crashed = m) },
  );
  const flush = () => new Promise((r) => setTimeout(r, 0));
  /** Lets wall time pass in heartbeat steps. */
  const pass = async (ms: number) => {
    for (let t = 0; t < ms; t += HEARTBEAT_MS) {
      wall += HEARTBEAT_MS;
      beat?.();
      await flush();
    }
  };
  /** One heartbeat that comes `ms` late (the page was frozen). */
  const jump = async (ms: number) => {
    wall += ms;
    beat?.();
    await flush();
  };
  /** Worker `i` answers what it held back, and answers at once from now on. */
  const release = (i: number) => {
    const worker = workers[i]!;
    worker.mode = 'ok';
    for (const answer of worker.held.splice(0)) answer();
  };
  return { client, workers, events, pass, jump, release, flush, opt, crashed: () => crashed };
}

async function session(w: ReturnType<typeof world>) {
  const api = w.client.api;
  await api.load('scenario', {});
  await api.tick(5000);
  await api.exec('kubectl delete pod x');
  await api.tick(6000);
  await w.flush();
}

describe('ResilientEngine', () => {
  it('notices a silent worker within the deadline and rebuilds the session from its journal', async () => {
    const w = world();
    await session(w);
    w.workers[0]!.mode = 'silent';
    await w.pass(HEARTBEAT_MS);
    expect(w.events).toEqual([]);
    await w.pass(HANG_MS + 2 * HEARTBEAT_MS);
    expect(w.events).toEqual(['lost:hang', 'restored:1@6000:true']);
    expect(w.workers).toHaveLength(2);
    const fresh = w.workers[1]!.engine;
    expect(fresh.scenario).toBe('scenario');
    expect(fresh.log).toEqual([{ at: 5000, run: 'kubectl delete pod x' }]);
    expect(fresh.now).toBe(6000);
    expect(w.client.stats.restarts).toBe(1);
  });

  it('sends reads in flight again and refuses commands that may not have run', async () => {
    const w = world();
    await session(w);
    w.workers[0]!.mode = 'silent';
    const tick = w.client.api.tick(7000);
    const exec = w.client.api.exec('kubectl scale deploy/x --replicas=5').catch((e: Error) => e);
    await w.pass(HANG_MS + 3 * HEARTBEAT_MS);
    expect(await exec).toEqual(new Error('interrupted'));
    await expect(tick).resolves.toMatchObject({ now: 7000, reset: false });
    expect(w.workers[1]!.engine.log).toHaveLength(1);
  });

  it('restarts at once on a crash (error event)', async () => {
    const w = world();
    await session(w);
    w.workers[0]!.crash?.('boom');
    await w.flush();
    await w.flush();
    expect(w.events).toEqual(['lost:crash', 'restored:1@6000:true']);
  });

  it('delivers a rebuilt cluster that differs from the one shown as a reset frame', async () => {
    const w = world();
    await session(w);
    // The old worker logged a command the journal never heard of, and the UI saw its effect.
    w.workers[0]!.engine.log.push({ at: 6000, run: 'kubectl scale deploy/x --replicas=2' });
    await w.client.api.tick(6000);
    w.workers[0]!.crash?.('boom');
    await w.flush();
    await w.flush();
    expect(w.events.at(-1)).toBe('restored:1@6000:false');
    const f = (await w.client.api.tick(6500)) as Frame;
    expect(f.reset).toBe(true);
    expect(((await w.client.api.tick(7000)) as Frame).reset).toBe(false);
  });

  it('gives a long call (opening a scenario) more time than a tick', async () => {
    const w = world();
    await session(w);
    w.workers[0]!.mode = 'silent';
    const load = w.client.api.load('other', {}).catch((e: Error) => e.message);
    await w.pass(HANG_MS * 2);
    expect(w.events).toEqual([]);
    await w.pass(LONG_MS);
    expect(w.events).toEqual(['lost:hang', 'restored:1@6000:true']);
    // The scenario that never opened is refused; the session before it runs on.
    expect(await load).toBe('interrupted');
  });

  it('judges nothing at a late heartbeat: answers queued meanwhile are read first', async () => {
    const w = world();
    await session(w);
    w.workers[0]!.mode = 'held';
    const tick = w.client.api.tick(7000);
    // A frozen page: the next heartbeat comes ten seconds late, the answer right after it.
    await w.jump(HANG_MS * 8);
    expect(w.events).toEqual([]);
    w.release(0);
    await expect(tick).resolves.toMatchObject({ now: 7000 });
    await w.pass(HANG_MS);
    expect(w.events).toEqual([]);
    // A worker that really is silent is judged at the heartbeat after.
    w.workers[0]!.mode = 'silent';
    void w.client.api.tick(8000);
    await w.jump(HANG_MS * 8);
    expect(w.events).toEqual([]);
    await w.pass(HEARTBEAT_MS);
    expect(w.events).toEqual(['lost:hang', 'restored:1@7000:true']);
  });

  it('waits (without another restart) for a worker stuck where the last one hung', async () => {
    const w = world();
    await session(w);
    w.workers[0]!.mode = 'silent';
    w.opt.slowAfterLoad = true;
    void w.client.api.tick(7000).catch(() => undefined);
    await w.pass(HANG_MS + 2 * HEARTBEAT_MS);
    expect(w.events).toEqual(['lost:hang', 'restored:1@6000:true']);
    // The new worker is as slow at that point (the resent tick): it is waited for.
    await w.pass(HANG_MS * 20);
    expect(w.workers).toHaveLength(2);
    expect(w.events).toEqual(['lost:hang', 'restored:1@6000:true', 'busy']);
    expect(w.crashed()).toBeNull();
    await w.pass(BUSY_MS);
    expect(w.crashed()).toMatch(/no answer to/);
  });

  it('gives up after repeated failures and says so through onCrash', async () => {
    const w = world();
    await session(w);
    for (let i = 0; i <= MAX_RESTARTS; i++) {
      w.workers.at(-1)!.crash?.(`boom ${i}`);
      await w.flush();
      await w.flush();
    }
    expect(w.events.filter((e) => e.startsWith('lost'))).toHaveLength(MAX_RESTARTS);
    expect(w.crashed()).toMatch(/boom 3/);
  });
});
