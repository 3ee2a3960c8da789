// The only code on the main thread that talks to the engine worker. The UI calls these async
// functions; the worker does the simulation, so the main thread never waits on it.
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from './protocol';

export type {
  ApplyOptions,
  EngineApi,
  Frame,
  LessonRunResult,
  LessonRunStep,
  LoadOptions,
  LoadResult,
  Timeline,
  TimelineMark,
  WatchOutput,
} from './protocol';

/** A running engine worker and a typed handle on it. */
export interface EngineClient {
  api: Remote<EngineApi>;
  terminate(): void;
}

export interface EngineClientOptions {
  /**
   * The worker died (it failed to load, or threw outside a call). Calls in flight never settle
   * after this; start a new client.
   */
  onCrash?(message: string): void;
}

/** A worker started ahead of its client, and the error it reported meanwhile, if any. */
let spare: { worker: Worker; error: string | null } | null = null;

function spawnWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kubeplay-engine',
  });
}

/**
 * Starts the engine worker's download and start-up now, for the next client to adopt: the page
 * calls it first thing, so the worker boots while the lesson and the session are read.
 */
export function prewarmEngineWorker(): void {
  if (spare) return;
  const entry: { worker: Worker; error: string | null } = { worker: spawnWorker(), error: null };
  entry.worker.addEventListener('error', (e) => {
    entry.error ??= e.message || 'the engine worker stopped';
  });
  spare = entry;
}

/** Starts a fresh engine worker (or adopts the prewarmed one). */
export function createEngineClient(opts: EngineClientOptions = {}): EngineClient {
  const taken = spare;
  spare = null;
  const worker = taken?.worker ?? spawnWorker();
  if (opts.onCrash) {
    const onCrash = opts.onCrash;
    worker.addEventListener('error', (e) => onCrash(e.message || 'the engine worker stopped'));
    worker.addEventListener('messageerror', () =>
      onCrash('a message from the engine was unreadable'),
    );
    // It failed before anyone listened (say, its script could not be fetched).
    const early = taken?.error;
    if (early) queueMicrotask(() => onCrash(early));
  }
  return { api: wrap<EngineApi>(worker), terminate: () => worker.terminate() };
}
