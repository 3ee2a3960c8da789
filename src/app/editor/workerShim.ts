// Workaround for monaco-yaml on monaco-editor ≥ 0.53 (STACK.md, breakage B; upstream
// remcohaszing/monaco-yaml#272 and microsoft/monaco-editor#5310): `monaco.editor.createWebWorker`
// only accepts `{ worker }` now, while monaco-yaml's worker manager still passes
// `{ label, moduleId, createData }`, so its worker never starts and there are no diagnostics.
// This module owns the translation and nothing else; delete it once monaco-yaml passes a worker.
import type * as Monaco from 'monaco-editor/editor';

type MonacoApi = typeof Monaco;

/** The shape monaco-yaml (through monaco-worker-manager) passes to `createWebWorker`. */
interface LegacyWorkerOptions {
  label: string;
  moduleId?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

type CreateWorker = (label: string) => Worker;

function isLegacy(opts: object): opts is LegacyWorkerOptions {
  return !('worker' in opts) && 'label' in opts;
}

/**
 * A copy of the Monaco API whose `editor.createWebWorker` also takes the old option shape: it
 * creates the worker for the label, does what Monaco used to do internally (a first message that
 * wakes the worker, then the create data) and hands the worker on in the new shape.
 */
export function withLegacyWorkers(monaco: MonacoApi, createWorker: CreateWorker): MonacoApi {
  const createWebWorker = ((opts: object) => {
    if (!isLegacy(opts)) return monaco.editor.createWebWorker(opts as never);
    const worker = createWorker(opts.label);
    worker.postMessage('ignore');
    worker.postMessage(opts.createData);
    return monaco.editor.createWebWorker({
      worker,
      ...(opts.host ? { host: opts.host } : {}),
      ...(opts.keepIdleModels !== undefined ? { keepIdleModels: opts.keepIdleModels } : {}),
    });
  }) as MonacoApi['editor']['createWebWorker'];
  return { ...monaco, editor: { ...monaco.editor, createWebWorker } };
}
