// Asks the engine worker for something the mirror does not carry (live YAML, rules with their
// counters, the timeline), again every `everyMs` of wall time while the cluster runs, so counters
// tick live. One request in flight at a time; answers for an old question are dropped.
import { useEffect, useState } from 'react';
import { useAppState, useRunner } from '../../AppContext';
import type { EngineRunner } from '../../runtime/runner';

type Api = Parameters<Parameters<EngineRunner['query']>[0]>[0];

export interface QueryState<T> {
  data: T | null;
  /** No answer yet for this question. */
  loading: boolean;
}

/**
 * The answer to `ask` (re-asked when `key` changes, and every `everyMs` while running; 0 asks
 * once). `ask` must depend only on what `key` names. With `keep`, the last answer stays until
 * the next one arrives (no flicker between questions).
 */
export function useEngineQuery<T>(
  key: string,
  ask: (api: Api) => Promise<T>,
  everyMs = 0,
  keep = false,
): QueryState<T> {
  const runner = useRunner();
  const running = useAppState((s) => s.engine.status === 'running');
  const loadedAt = useAppState((s) => s.engine.watchedSince);
  const [state, setState] = useState<{ key: string; data: T | null }>({ key: '', data: null });
  useEffect(() => {
    if (!running) return;
    let alive = true;
    let busy = false;
    const run = async () => {
      if (busy) return;
      busy = true;
      const data = await runner.query(ask);
      busy = false;
      // No answer (a load or a rewind in between): keep what was shown, if anything.
      if (alive) setState((prev) => (data === null && prev.key === key ? prev : { key, data }));
    };
    void run();
    const id = everyMs > 0 ? window.setInterval(() => void run(), everyMs) : 0;
    return () => {
      alive = false;
      if (id) window.clearInterval(id);
    };
    // `ask` is keyed by `key` (see the doc comment); a new load asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, everyMs, running, runner, loadedAt]);
  return {
    data: state.key === key || keep ? state.data : null,
    loading: state.key !== key,
  };
}
