// Shared helpers for the app's Playwright specs: open a lesson and read the canvas through the
// DOM contract (DESIGN.md §5).
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

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
  return readCards(pods(page, prefix));
}

/** Every pod card on the canvas, as its data attributes, sorted by name. */
export async function allPods(page: Page): Promise<PodInfo[]> {
  const all = await readCards(page.locator('[data-testid=pod]'));
  return all.sort((a, b) => a.name.localeCompare(b.name));
}

function readCards(cards: Locator): Promise<PodInfo[]> {
  return cards.evaluateAll((els) =>
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

/** Pauses and waits until the clock and the canvas stand still; returns the virtual time. */
export async function pauseAndSettle(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Pause' }).click();
  let last = -1;
  await expect
    .poll(async () => {
      const now = await clockMs(page);
      const still = now === last;
      last = now;
      return still;
    })
    .toBe(true);
  // Gone pods fade out for about a second of wall time.
  await page.waitForTimeout(1500);
  return clockMs(page);
}

/** What a clean page never does, as `watchProblems` records it. */
export interface PageProblems {
  /** Page errors and console errors, as `pageerror: …` and `console: …`. */
  problems: string[];
  /** URLs requested from a host other than the app's (data: and blob: URLs aside). */
  foreign: string[];
}

/**
 * Starts recording the page's errors (uncaught and console) and every request to a host other
 * than `baseURL`'s; the returned lists fill while the test runs. Call it before opening the page.
 */
export function watchProblems(
  page: Page,
  context: BrowserContext,
  baseURL: string | undefined,
): PageProblems {
  const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
  const seen: PageProblems = { problems: [], foreign: [] };
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin)
      seen.foreign.push(url.href);
  });
  page.on('pageerror', (error) => seen.problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.problems.push(`console: ${message.text()}`);
  });
  return seen;
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
