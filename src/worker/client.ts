// The only code on the main thread that talks to the engine worker. The UI calls these async
// functions; the worker does the simulation, so the main thread never waits on it.
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from './protocol';

export type { EngineApi, Frame, LoadOptions, LoadResult } from './protocol';

/** A running engine worker and a typed handle on it. */
export interface EngineClient {
  api: Remote<EngineApi>;
  terminate(): void;
}

/** Starts a fresh engine worker. */
export function createEngineClient(): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kubeplay-engine',
  });
  return { api: wrap<EngineApi>(worker), terminate: () => worker.terminate() };
}
