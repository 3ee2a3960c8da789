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

declare global {
  interface Window {
    /** Installed by the Monaco editor when the page has `?test=1` (src/app/editor/testHook.ts). */
    __kubeplayEditor?: { getValue(): string; setValue(text: string): void };
  }
}

/**
 * Waits for the manifests editor to settle: Monaco (with its test hook, when the URL has
 * `?test=1`) or the plain text field it falls back to. Returns which one it is.
 */
async function editorKind(page: Page): Promise<'monaco' | 'plain'> {
  const deadline = Date.now() + 8000;
  while (Date.now() < deadline) {
    if (await page.evaluate(() => window.__kubeplayEditor !== undefined)) return 'monaco';
    if ((await page.locator('.monaco-editor').count()) === 0 && Date.now() > deadline - 5000) {
      const plain = page.locator('textarea[aria-label="Manifests editor"]');
      if ((await plain.count()) > 0) return 'plain';
    }
    await page.waitForTimeout(100);
  }
  return 'plain';
}

/** The manifests editor's text. */
export async function editorText(page: Page): Promise<string> {
  if ((await editorKind(page)) === 'monaco')
    return page.evaluate(() => window.__kubeplayEditor?.getValue() ?? '');
  return page.locator('textarea[aria-label="Manifests editor"]').inputValue();
}

/** Replaces the manifests editor's text (as a paste would). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  if ((await editorKind(page)) === 'monaco')
    await page.evaluate((t) => window.__kubeplayEditor?.setValue(t), text);
  else await page.locator('textarea[aria-label="Manifests editor"]').fill(text);
}
