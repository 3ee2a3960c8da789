// Accessibility checks with axe-core: the lesson as it opens, with a pod's details open, after a
// replacement (its new-IP highlight), in Spanish and embedded.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './fixtures';

async function violations(page: Page): Promise<string[]> {
  // The code editor (Monaco) is checked by its own specs; it is also most of the DOM.
  const result = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
  return result.violations.map(
    (v) => `${v.impact ?? ''} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

test.describe.configure({ timeout: 180_000 });

test('no axe violations: opened lesson, pod details, a replacement', async ({ page }) => {
  await openApp(page);
  expect(await violations(page)).toEqual([]);

  const pod = page.locator('[data-testid=pod][data-name^="backend-"]').first();
  const ip = (await pod.getAttribute('data-ip')) ?? '';
  await pod.click();
  await expect(page.getByRole('button', { name: 'Delete pod' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Delete pod' }).click();
  await expect(
    page.locator('[data-testid=pod][data-name^="backend-"]', { hasText: `(was ${ip})` }),
  ).toHaveCount(1, { timeout: 15_000 });
  expect(await violations(page)).toEqual([]);
});

test('no axe violations in Spanish and embedded', async ({ page }) => {
  await openApp(page, '?lang=es');
  expect(await violations(page)).toEqual([]);
  await openApp(page, '?embed=1');
  expect(await violations(page)).toEqual([]);
});
