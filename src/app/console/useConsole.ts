// The console's state and actions for one app instance: the transcript, the running watch, the
// history, and running a line through the runner (so it enters the command log like any other
// action). Output is kept as text and rendered as text, never as HTML.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineRunner } from '../runtime/runner';
import { commandLine, loadHistory, localCommand, pushHistory, saveHistory } from './line';
import {
  addEntry,
  appendOutput,
  finishEntry,
  startEntry,
  updateEntry,
  type Entry,
} from './transcript';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export interface ConsoleState {
  entries: Entry[];
  history: string[];
  /** The entry whose watch is running, if any. */
  watching: Entry | null;
  busy: boolean;
  run(typed: string): Promise<void>;
  /** Stops the running watch (Ctrl+C, Stop). */
  stop(): void;
  clear(): void;
}

export function useConsole(
  runner: EngineRunner,
  interrupted: (message: string) => string,
): ConsoleState {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [history, setHistory] = useState<string[]>(() => loadHistory(storage()));
  const [busy, setBusy] = useState(false);
  const watchRef = useRef<{ entry: number; watch: number } | null>(null);

  // A watch's output arrives with the frames; a finished watch (rollout done, cluster replaced)
  // says so once.
  useEffect(
    () =>
      runner.onFrame((frame) => {
        const w = watchRef.current;
        if (!w || !frame.watches) return;
        for (const out of frame.watches) {
          if (out.id !== w.watch) continue;
          setEntries((list) =>
            updateEntry(list, w.entry, (e) => {
              const next = appendOutput(e, 'out', out.text);
              return out.done ? finishEntry(next, 0, out.text === '' ? 'ended' : undefined) : next;
            }),
          );
          if (out.done) watchRef.current = null;
        }
      }),
    [runner],
  );

  const stop = useCallback(() => {
    const w = watchRef.current;
    if (!w) return;
    watchRef.current = null;
    void runner.query((api) => api.unwatch(w.watch));
    setEntries((list) => updateEntry(list, w.entry, (e) => finishEntry(e, 0, 'stopped')));
  }, [runner]);

  const clear = useCallback(() => {
    setEntries((list) => list.filter((e) => e.watch !== null));
  }, []);

  const run = useCallback(
    async (typed: string) => {
      const line = commandLine(typed);
      if (line === '') return;
      setHistory((h) => {
        const next = pushHistory(h, typed);
        saveHistory(storage(), next);
        return next;
      });
      // Like a shell: a new command first stops the watch in front of it.
      stop();
      if (localCommand(typed) === 'clear') {
        setEntries([]);
        return;
      }
      const entry = startEntry(line);
      setEntries((list) => addEntry(list, entry));
      setBusy(true);
      try {
        const { result, watch } = await runner.execConsole(line);
        setEntries((list) =>
          updateEntry(list, entry.id, (e) => {
            // Warnings come before what they warn about, errors after what did print.
            const ok = result.exitCode === 0;
            let next = appendOutput(e, ok ? 'err' : 'out', ok ? result.stderr : result.stdout);
            next = appendOutput(next, ok ? 'out' : 'err', ok ? result.stdout : result.stderr);
            return watch === null ? finishEntry(next, result.exitCode) : { ...next, watch };
          }),
        );
        if (watch !== null) watchRef.current = { entry: entry.id, watch };
      } catch (e) {
        const text = interrupted(e instanceof Error ? e.message : String(e));
        setEntries((list) =>
          updateEntry(list, entry.id, (x) =>
            finishEntry(appendOutput(x, 'err', `${text}\n`), 1, 'interrupted'),
          ),
        );
      } finally {
        setBusy(false);
      }
    },
    [runner, stop, interrupted],
  );

  // A watch left running when the console goes away is stopped in the worker too.
  useEffect(() => () => stop(), [stop]);

  const watching = entries.findLast((e) => e.watch !== null) ?? null;
  return { entries, history, watching, busy, run, stop, clear };
}
