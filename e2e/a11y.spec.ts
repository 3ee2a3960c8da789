// Accessibility checks with axe-core: the lesson as it opens, with a pod's details open, after a
// replacement (its new-IP highlight), in Spanish and embedded.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './fixtures';

async function violations(page: Page): Promise<string[]> {
  // The code editor (Monaco) is checked by its own specs; it is also most of the DOM. A deleted
  // pod's ghost is decoration (aria-hidden) fading from 70 % to 0 % opacity in 1.2 s: caught
  // mid-fade its text has no contrast to check.
  const result = await new AxeBuilder({ page })
    .exclude('.monaco-editor')
    .exclude('.pod--ghost')
    .analyze();
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

/** Serious and critical violations only (what the canvas work must never add). */
async function serious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact ?? ''} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('no serious axe violations in both views with the inspector open', async ({ page }) => {
  await openApp(page, '?view=dataplane');
  expect(await serious(page)).toEqual([]);
  // A Service: EndpointSlices, then its rules on every node.
  await page.getByRole('button', { name: /^Service backend-service: details/ }).click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('endpoint')).toHaveCount(3);
  expect(await serious(page)).toEqual([]);
  await inspector.getByRole('tab', { name: 'Rules' }).click();
  await expect(inspector.getByTestId('node-rules')).toHaveCount(3);
  expect(await serious(page)).toEqual([]);
  // A node, a pod with its YAML, a packet.
  await page.getByRole('button', { name: 'Node node-1: details and actions' }).click();
  expect(await serious(page)).toEqual([]);
  await page.locator('[data-testid=pod][data-name^="frontend-"]').first().click();
  await inspector.getByRole('tab', { name: 'Live YAML' }).click();
  await expect(inspector.getByTestId('yaml')).toContainText('kind: Pod');
  expect(await serious(page)).toEqual([]);
  await inspector.getByRole('tab', { name: 'Requests' }).click();
  await inspector
    .getByRole('button', { name: /backend-service/ })
    .first()
    .click();
  await expect(page.getByTestId('hops')).toBeVisible();
  expect(await serious(page)).toEqual([]);
  // The concept view, with the inspector still open.
  await page.getByRole('button', { name: 'Concept' }).click();
  expect(await serious(page)).toEqual([]);
});

test('no serious axe violations in the dark theme, projector mode and Spanish', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, '?projector=1&view=dataplane&lang=es');
  await page.locator('[data-testid=pod][data-name^="backend-"]').first().click();
  expect(await serious(page)).toEqual([]);
  await page.getByText('Pantalla', { exact: true }).click();
  expect(await serious(page)).toEqual([]);
});
