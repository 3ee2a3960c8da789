// Smoke test of the production build: the page loads under its Content-Security-Policy, renders,
// throws nothing, and never reaches for a host other than its own (no CDN, no telemetry).
import { expect, test } from '@playwright/test';

test('the page loads offline-clean: no errors, no CSP violations, no foreign hosts', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
  const foreign: string[] = [];
  const problems: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(url.href);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });

  await page.goto('./', { waitUntil: 'networkidle' });

  await expect(page).toHaveTitle(/kubeplay/);
  await expect(page.locator('#root')).not.toBeEmpty();
  const csp = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(csp).toHaveAttribute('content', /script-src 'self'/);
  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
});
