// Shared helpers for the app's Playwright specs: open a lesson and read the canvas through the
// DOM contract (DESIGN.md §5).
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the app (seed lesson unless the query says otherwise) and waits for a settled cluster. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(6);
}

export function pods(page: Page, prefix: string): Locator {
  return page.locator(`[data-testid=pod][data-name^="${prefix}-"]`);
}

export interface PodInfo {
  name: string;
  ip: string;
  status: string;
  ready: string;
  node: string;
}

/** Every pod card whose name starts with `prefix-`, as its data attributes. */
export async function readPods(page: Page, prefix: string): Promise<PodInfo[]> {
  return pods(page, prefix).evaluateAll((els) =>
    els.map((el) => {
      const d = (el as HTMLElement).dataset;
      return {
        name: d.name ?? '',
        ip: d.ip ?? '',
        status: d.status ?? '',
        ready: d.ready ?? '',
        node: d.node ?? '',
      };
    }),
  );
}

/** The `data-count` of a backend pod's hits counter (0 when it has none yet). */
export async function hitsOf(page: Page, pod: string): Promise<number> {
  const el = page.locator(`[data-testid=hits][data-pod="${pod}"]`);
  if ((await el.count()) === 0) return 0;
  return Number(await el.getAttribute('data-count'));
}

/** The virtual clock in milliseconds. */
export async function clockMs(page: Page): Promise<number> {
  return Number(await page.getByTestId('clock').getAttribute('data-ms'));
}
