// Embedding: the example page, served from ANOTHER origin (a tiny static server started here, on
// 127.0.0.1 and its own port), embeds the app in an iframe and talks to it with postMessage
// (DESIGN.md §5): it hears kubeplay:ready and kubeplay:event, and kubeplay:command / play / pause /
// load work. Messages from anything but the parent window are ignored. Plus the chromeless mode
// and the Embed dialog. (Playwright's route fulfilment cannot stand in for the other origin:
// Chromium then treats the page as public and blocks it from framing a local server.)
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './fixtures';

let server: Server;
let exampleOrigin = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = path === '/embed-example.js' ? 'embed-example.js' : 'embed-example.html';
    res.writeHead(200, {
      'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8',
    });
    res.end(readFileSync(`public/${file}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  exampleOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Opens the example page on its own origin, embedding the app at `appUrl`. */
async function openExample(page: Page, appUrl: string): Promise<void> {
  expect(new URL(appUrl).origin).not.toBe(exampleOrigin);
  await page.goto(`${exampleOrigin}/embed-example.html?app=${encodeURIComponent(appUrl)}`);
}

type Received = { type: string; event?: Record<string, unknown>; message?: string }[];
const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { kubeplayMessages: Received }).kubeplayMessages);

test('the example page on another origin drives the embedded app with messages', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await openExample(page, `${baseURL}/`);
  const app = page.frameLocator('#kubeplay');
  await expect(page.getByRole('status')).toHaveText('kubeplay is ready.', { timeout: 20_000 });
  await expect(app.locator('[data-testid=pod][data-status=Running]')).toHaveCount(6);

  // ready first, then the cluster's events so far, each exactly {t, type, reason, object, message}.
  await expect.poll(async () => (await received(page)).length).toBeGreaterThan(5);
  const first = await received(page);
  expect(first[0]).toEqual({ type: 'kubeplay:ready' });
  for (const m of first.slice(1)) {
    expect(m.type).toBe('kubeplay:event');
    expect(Object.keys(m.event ?? {}).sort()).toEqual(['message', 'object', 'reason', 't', 'type']);
  }
  expect(first.some((m) => m.event?.reason === 'Scheduled')).toBe(true);

  // kubeplay:command: delete a backend pod; its events arrive, the canvas drops it.
  const victim =
    (await app
      .locator('[data-testid=pod][data-name^="backend-"]')
      .first()
      .getAttribute('data-name')) ?? '';
  await page.getByLabel('Command').fill(`kubectl delete pod ${victim}`);
  await page.getByRole('button', { name: 'Send command' }).click();
  await expect(
    page.locator('#log li[data-type="kubeplay:event"][data-reason="Killing"]', { hasText: victim }),
  ).toHaveCount(1);
  await expect(app.locator(`[data-testid=pod][data-name="${victim}"]`)).toHaveCount(0, {
    timeout: 20_000,
  });

  // A failing command comes back as kubeplay:error.
  await page.getByLabel('Command').fill('kubectl delete pod no-such-pod');
  await page.getByRole('button', { name: 'Send command' }).click();
  await expect(page.locator('#log li[data-type="kubeplay:error"]')).toContainText(
    'pods "no-such-pod" not found',
  );

  // kubeplay:pause and kubeplay:play.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(app.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(app.getByRole('button', { name: 'Pause' })).toBeVisible();

  // kubeplay:load: another scenario replaces the cluster.
  await page.getByRole('button', { name: 'Load a 5-replica scenario' }).click();
  await expect(
    app.locator('[data-testid=pod][data-name^="web-"][data-status=Running]'),
  ).toHaveCount(5, {
    timeout: 20_000,
  });
  await expect(app.locator('[data-testid=pod][data-name^="backend-"]')).toHaveCount(0);
  // Ready is said once.
  expect((await received(page)).filter((m) => m.type === 'kubeplay:ready')).toHaveLength(1);
});

test('messages that do not come from the parent window are ignored', async ({ page, baseURL }) => {
  // Top level: there is no parent, so nothing is listened to.
  await openApp(page, '?embed=1');
  await page.evaluate(() => window.postMessage({ type: 'kubeplay:pause' }, '*'));
  await page.waitForTimeout(500);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

  // Framed: the app posting to itself is not its parent.
  const framed = await page.context().newPage();
  await openExample(framed, `${baseURL}/`);
  const app = framed.frameLocator('#kubeplay');
  await expect(framed.getByRole('status')).toHaveText('kubeplay is ready.', { timeout: 20_000 });
  const frame = framed.frames().find((f) => f.url().startsWith(`${baseURL}/`));
  if (!frame) throw new Error('no app frame');
  await frame.evaluate(() => window.postMessage({ type: 'kubeplay:pause' }, '*'));
  await framed.waitForTimeout(500);
  await expect(app.getByRole('button', { name: 'Pause' })).toBeVisible();
  // The parent is heard.
  await framed.getByRole('button', { name: 'Pause' }).click();
  await expect(app.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('?embed=1 is chromeless; &editor=1 adds the manifests editor', async ({ page }) => {
  await openApp(page, '?embed=1');
  await expect(page.getByRole('region', { name: 'Cluster' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Manifests' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open in a new tab' })).toBeVisible();

  await openApp(page, '?embed=1&editor=1');
  await expect(page.getByRole('region', { name: 'Manifests' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cluster' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
});

test('the Embed dialog writes an iframe snippet that opens the same cluster', async ({
  page,
  baseURL,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed in a web page' });
  const code = dialog.getByRole('textbox', { name: 'Embed code' });
  const snippet = new RegExp(
    `^<iframe src="${baseURL}/\\?embed=1#s=[A-Za-z0-9_-]+" width="800" height="500" title="kubeplay" [^>]*></iframe>$`,
  );
  await expect(code).toHaveValue(snippet);
  await dialog.getByRole('checkbox', { name: 'Include the manifests editor' }).check();
  await expect(code).toHaveValue(/src="[^"]*\?embed=1&amp;editor=1#s=/);
  await dialog.getByRole('checkbox', { name: 'Include the manifests editor' }).uncheck();

  const src = /src="([^"]+)"/.exec(await code.inputValue())?.[1] ?? '';
  const names = await page
    .locator('[data-testid=pod]')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.name).sort());
  const embedded = await page.context().newPage();
  await embedded.goto(src.replaceAll('&amp;', '&'));
  await expect(embedded.locator('[data-testid=pod][data-status=Running]')).toHaveCount(6);
  expect(
    await embedded
      .locator('[data-testid=pod]')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.name).sort()),
  ).toEqual(names);
});
