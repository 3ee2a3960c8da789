// A parent page that embeds kubeplay in an iframe and talks to it with the embed API's messages
// (DESIGN.md §5), for the resilience and security specs. The parent is served by page.route on
// the app's own origin: Chromium's local-network checks block a routed page on another loopback
// origin from framing the preview server, and the bridge treats every parent origin alike.
import { expect, type FrameLocator, type Page } from '@playwright/test';

export interface EmbedMessage {
  type: string;
  message?: string;
  event?: unknown;
}

declare global {
  interface Window {
    /** Messages the embedded app posted to the harness. */
    __received?: EmbedMessage[];
  }
}

/** Opens the harness with kubeplay (`?embed=1` + `query`) in `#app`; waits for kubeplay:ready. */
export async function openEmbed(page: Page, baseURL: string, query = ''): Promise<FrameLocator> {
  const harness = `${baseURL}/__harness.html`;
  await page.route(harness, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>embed harness</title><iframe id="app" width="1000" height="640"></iframe>',
    }),
  );
  await page.goto(harness);
  await page.evaluate((src) => {
    window.__received = [];
    window.addEventListener('message', (e: MessageEvent<EmbedMessage>) =>
      window.__received?.push(e.data),
    );
    (document.getElementById('app') as HTMLIFrameElement).src = src;
  }, `${baseURL}/?embed=1${query}`);
  await expect
    .poll(() => page.evaluate(() => window.__received?.some((m) => m.type === 'kubeplay:ready')), {
      timeout: 30_000,
    })
    .toBe(true);
  return page.frameLocator('#app');
}

/** Posts a message to the embedded app, forgetting what it said before. */
export async function postToEmbed(page: Page, message: unknown): Promise<void> {
  await page.evaluate((msg) => {
    window.__received = [];
    const frame = document.getElementById('app') as HTMLIFrameElement;
    frame.contentWindow?.postMessage(msg, '*');
  }, message);
}

/** The text of the first kubeplay:error the app posted since the last postToEmbed ('' if none). */
export function embedError(page: Page): Promise<string> {
  return page.evaluate(
    () => window.__received?.find((m) => m.type === 'kubeplay:error')?.message ?? '',
  );
}
