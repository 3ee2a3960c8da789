// Smoke test of the production build: the page loads under its Content-Security-Policy, renders,
// throws nothing, and never reaches for a host other than its own (no CDN, no telemetry).
import { expect, test } from '@playwright/test';
import { watchProblems } from './fixtures';

test('the page loads offline-clean: no errors, no CSP violations, no foreign hosts', async ({
  page,
  context,
  baseURL,
}) => {
  const { problems, foreign } = watchProblems(page, context, baseURL);

  await page.goto('./', { waitUntil: 'networkidle' });

  await expect(page).toHaveTitle(/kubeplay/);
  await expect(page.locator('#root')).not.toBeEmpty();
  const csp = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(csp).toHaveAttribute('content', /script-src 'self'/);
  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
});
