// Loading measures: navigation start → first pod drawn and → Monaco's lines shown, in fresh
// contexts (nothing cached); and Apply → the new pod on the canvas. Times are taken in the page
// (performance.now() counts from navigation start), not by polling from Node.
import type { Browser } from '@playwright/test';
import { clickToPaint } from './clickProbe';
import { BASE, freshPage, median, round } from './harness';
import { addInitScript, evaluate, waitInPage } from './pageScript';

interface LoadMarks {
  firstPod?: number;
  editorLines?: number;
}
interface MarksWindow {
  __kubeplayBenchMarks?: LoadMarks;
}
/** The part of the editor's `?test=1` hook (src/app/editor/testHook.ts) the bench uses. */
interface EditorWindow {
  __kubeplayEditor?: { getValue(): string; setValue(text: string): void };
}

/** Runs and their median, in whole milliseconds. */
export interface Timings {
  medianMs: number | null;
  runs: number[];
}

const timings = (runs: number[]): Timings => ({ medianMs: median(runs), runs });

/**
 * `runs` cold loads of the default page, each in a fresh context: when the first
 * `[data-testid=pod]` and Monaco's first `.view-line` entered the DOM. A load whose editor never
 * appears (a build without Monaco) leaves that run out of `editorReady`.
 */
export async function coldLoads(
  browser: Browser,
  runs: number,
): Promise<{ coldLoadToFirstPod: Timings; editorReady: Timings }> {
  const firstPod: number[] = [];
  const editor: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await freshPage(browser);
    await addInitScript(
      page,
      () => {
        const marks: LoadMarks = {};
        (window as MarksWindow).__kubeplayBenchMarks = marks;
        const observer = new MutationObserver(() => {
          const now = performance.now();
          if (marks.firstPod === undefined && document.querySelector('[data-testid=pod]'))
            marks.firstPod = now;
          if (
            marks.editorLines === undefined &&
            document.querySelector('.monaco-editor .view-line')
          )
            marks.editorLines = now;
          if (marks.firstPod !== undefined && marks.editorLines !== undefined)
            observer.disconnect();
        });
        observer.observe(document, { childList: true, subtree: true });
      },
      undefined,
    );
    await page.goto(BASE);
    await waitInPage(
      page,
      () => (window as MarksWindow).__kubeplayBenchMarks?.firstPod !== undefined,
      undefined,
      60_000,
    );
    try {
      await waitInPage(
        page,
        () => (window as MarksWindow).__kubeplayBenchMarks?.editorLines !== undefined,
        undefined,
        60_000,
      );
    } catch {
      /* no Monaco in this build: the run counts for the first pod only */
    }
    const marks = await evaluate(page, () => (window as MarksWindow).__kubeplayBenchMarks, null);
    if (marks?.firstPod !== undefined) firstPod.push(Math.round(marks.firstPod));
    if (marks?.editorLines !== undefined) editor.push(Math.round(marks.editorLines));
    await page.context().close();
  }
  return { coldLoadToFirstPod: timings(firstPod), editorReady: timings(editor) };
}

/**
 * `runs` edits of the default lesson in one page: set the backend Deployment's replicas one higher
 * through the editor's test hook, click Apply, time until the paint that shows the new pod.
 */
export async function applyToCanvas(browser: Browser, runs: number): Promise<Timings> {
  const page = await freshPage(browser);
  await page.goto(`${BASE}?test=1&autoplay=1`);
  await waitInPage(
    page,
    () => (window as EditorWindow).__kubeplayEditor !== undefined,
    undefined,
    60_000,
  );
  const backendPods = '[data-testid=pod][data-name^="backend-"]';
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const want = (await page.locator(backendPods).count()) + 1;
    await evaluate(
      page,
      (n) => {
        const editor = (window as EditorWindow).__kubeplayEditor;
        editor?.setValue(editor.getValue().replace(/replicas: \d+/, `replicas: ${n}`));
      },
      want,
    );
    const apply = page.getByRole('button', { name: 'Apply', exact: true });
    times.push(
      await clickToPaint(page, apply, { kind: 'atLeast', selector: backendPods, count: want }),
    );
  }
  await page.context().close();
  return { medianMs: round(median(times), 1), runs: times };
}
