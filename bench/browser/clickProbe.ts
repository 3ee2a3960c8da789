// Click → visible change, timed inside the page: from the click event's own timestamp to the first
// frame painted after the DOM shows the change. Playwright's round trips (tens of milliseconds on a
// loaded machine) stay out of the number. Owns only the probe; what is clicked is the caller's.
import type { Locator, Page } from '@playwright/test';
import { evaluate } from './pageScript';

/** The change a click is waiting for, as plain data (it crosses into the page as JSON). */
export type Change =
  /** No button's text is `text` any more (Pause became Play, or back). */
  | { kind: 'buttonTextGone'; text: string }
  /** At least `count` elements match `selector`. */
  | { kind: 'atLeast'; selector: string; count: number }
  /** Every one of `selectors` matches something. */
  | { kind: 'allPresent'; selectors: string[] };

interface ProbeWindow {
  __kubeplayBenchProbe?: Promise<number>;
}

/**
 * Clicks `target` and resolves to the milliseconds from the click event to the paint that shows
 * `change` (rounded to 0.1 ms), or rejects after `timeoutMs`.
 */
export async function clickToPaint(
  page: Page,
  target: Locator,
  change: Change,
  timeoutMs = 30_000,
): Promise<number> {
  await evaluate(
    page,
    ({ change, timeoutMs }) => {
      const done = (): boolean => {
        if (change.kind === 'buttonTextGone')
          return ![...document.querySelectorAll('button')].some(
            (b) => b.textContent?.trim() === change.text,
          );
        if (change.kind === 'atLeast')
          return document.querySelectorAll(change.selector).length >= change.count;
        return change.selectors.every((s) => document.querySelector(s) !== null);
      };
      (window as ProbeWindow).__kubeplayBenchProbe = new Promise<number>((resolve, reject) => {
        let clickedAt: number | null = null;
        const observer = new MutationObserver(() => check());
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no ${change.kind} within ${timeoutMs} ms of the click`));
        }, timeoutMs);
        // After the frame that draws the change: its rAF callback runs before that frame's paint,
        // a message posted from there is handled once the frame is out.
        const afterNextPaint = () =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              clearTimeout(timer);
              resolve(performance.now() - (clickedAt ?? 0));
            };
            channel.port2.postMessage(null);
          });
        const check = () => {
          if (clickedAt === null || !done()) return;
          observer.disconnect();
          afterNextPaint();
        };
        document.addEventListener(
          'click',
          (e) => {
            clickedAt = e.timeStamp;
            // The handler may already have changed the DOM synchronously.
            queueMicrotask(check);
          },
          { capture: true, once: true },
        );
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: change.kind !== 'buttonTextGone',
        });
      });
    },
    { change, timeoutMs },
  );
  await target.click();
  const ms = await evaluate(page, () => (window as ProbeWindow).__kubeplayBenchProbe, undefined);
  return Math.round((ms ?? NaN) * 10) / 10;
}
