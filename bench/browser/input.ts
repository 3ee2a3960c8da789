// Input latency on a busy page: Pause/Play answered (the button's label changes and is painted),
// and a pod cell opening its inspector. Each click is timed by the in-page probe.
import type { Page } from '@playwright/test';
import { clickToPaint } from './clickProbe';
import { median, round } from './harness';

/** Click → painted change, per click, with the median. */
export interface Latencies {
  medianMs: number | null;
  clicks: number[];
}

/** `toggles` clicks on Pause/Play (an even count leaves the clock running as it was). */
export async function playPauseLatency(page: Page, toggles: number): Promise<Latencies> {
  const button = page.getByRole('button', { name: /^(Pause|Play)$/ });
  const clicks: number[] = [];
  for (let i = 0; i < toggles; i++) {
    const text = (await button.innerText()).trim();
    clicks.push(await clickToPaint(page, button, { kind: 'buttonTextGone', text }));
  }
  return { medianMs: round(median(clicks), 1), clicks };
}

/** `count` clicks on pods spread over the canvas, each until its inspector is shown. */
export async function podToInspectorLatency(page: Page, count: number): Promise<Latencies> {
  const pods = page.locator('[data-testid=pod]');
  const total = await pods.count();
  const clicks: number[] = [];
  for (let i = 0; i < count && total > 0; i++) {
    const pod = pods.nth(Math.floor(((i + 0.5) * total) / count));
    const name = await pod.getAttribute('data-name');
    if (name === null) continue;
    clicks.push(
      await clickToPaint(page, pod, {
        kind: 'allPresent',
        selectors: [
          `[data-testid=pod][data-name="${name}"][aria-expanded=true]`,
          '[data-testid=inspector][data-kind=pod]',
        ],
      }),
    );
  }
  return { medianMs: round(median(clicks), 1), clicks };
}
