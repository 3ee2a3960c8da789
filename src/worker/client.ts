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

/** Starts a fresh engine worker. */
export function createEngineClient(opts: EngineClientOptions = {}): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kubeplay-engine',
  });
  if (opts.onCrash) {
    const onCrash = opts.onCrash;
    worker.addEventListener('error', (e) => onCrash(e.message || 'the engine worker stopped'));
    worker.addEventListener('messageerror', () =>
      onCrash('a message from the engine was unreadable'),
    );
  }
  return { api: wrap<EngineApi>(worker), terminate: () => worker.terminate() };
}
