// The simulation controls and the URL options: play/pause, step, speed, reset, apply, language,
// embed mode. And the page never reaches for another host while a learner works with it.
import { expect, test } from '@playwright/test';
import { clockMs, editorText, openApp, readPods, setEditorText } from './fixtures';

test('?autoplay=0 opens paused; Step advances 100 ms; Play and Pause toggle one button', async ({
  page,
}) => {
  await openApp(page, '?autoplay=0');
  const play = page.getByRole('button', { name: 'Play' });
  await expect(play).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  const t0 = await clockMs(page);
  await page.waitForTimeout(400);
  expect(await clockMs(page)).toBe(t0);

  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => clockMs(page)).toBe(t0 + 100);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => clockMs(page)).toBe(t0 + 200);

  await play.click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => clockMs(page)).toBeGreaterThan(t0 + 400);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.waitForTimeout(300);
  const paused = await clockMs(page);
  await page.waitForTimeout(400);
  expect(await clockMs(page)).toBe(paused);
});

test('?speed= sets the speed; the selector changes how fast virtual time runs', async ({
  page,
}) => {
  await openApp(page, '?speed=10&view=dataplane');
  const speed = page.getByRole('combobox', { name: 'Speed' });
  await expect(speed).toHaveValue('10');
  const t0 = await clockMs(page);
  await page.waitForTimeout(1000);
  // About 10 s of virtual time per second of wall time (generous bounds for a busy machine).
  expect((await clockMs(page)) - t0).toBeGreaterThan(3000);

  await speed.selectOption('0.1');
  await page.waitForTimeout(200);
  const t1 = await clockMs(page);
  await page.waitForTimeout(1000);
  expect((await clockMs(page)) - t1).toBeLessThan(400);
});

test('Reset reloads the lesson: the original pods are back, settled', async ({ page }) => {
  await openApp(page);
  const original = (await readPods(page, 'backend')).map((p) => p.name).sort();
  const settledAt = Number(await page.getByTestId('clock').getAttribute('data-ms'));
  const victim = original[0] ?? '';
  await page.locator(`[data-testid=pod][data-name="${victim}"]`).click();
  await page.getByRole('button', { name: 'Delete pod' }).click();
  // Terminating, or already gone.
  await expect(
    page.locator(`[data-testid=pod][data-name="${victim}"][data-status=Running]`),
  ).toHaveCount(0);

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.locator(`[data-testid=pod][data-name="${victim}"]`)).toHaveAttribute(
    'data-status',
    'Running',
  );
  await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(6);
  expect((await readPods(page, 'backend')).map((p) => p.name).sort()).toEqual(original);
  // The same deterministic cluster: the clock restarts from the settled time.
  expect(await clockMs(page)).toBeLessThan(settledAt + 3000);
  await expect(page.getByRole('region', { name: /^Pod / })).toHaveCount(0);
});

test('Apply: a bad manifest is announced and changes nothing; a good one scales the backend', async ({
  page,
}) => {
  await openApp(page, '?test=1');
  const original = await editorText(page);
  expect(original).toContain('name: backend-service');

  // A YAML syntax error: kubectl refuses the whole file and says why.
  await setEditorText(page, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [oops\n');
  await page.getByRole('button', { name: 'Apply' }).click();
  const alert = page.getByRole('region', { name: 'Manifests' }).getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('error');
  await expect(page.locator('[data-testid=pod][data-name^="backend-"]')).toHaveCount(3);

  await setEditorText(page, original.replace('replicas: 3', 'replicas: 4'));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('region', { name: 'Manifests' }).getByRole('status')).toContainText(
    'deployment.apps/backend configured',
  );
  await expect(page.getByRole('region', { name: 'Manifests' }).getByRole('alert')).toHaveCount(0);
  await expect(
    page.locator('[data-testid=pod][data-name^="backend-"][data-status=Running]'),
  ).toHaveCount(4, { timeout: 15_000 });
});

test('?lang=es shows the UI in Spanish; the switcher goes back to English', async ({ page }) => {
  await openApp(page, '?lang=es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('button', { name: 'Pausar' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Aplicar' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Clúster' })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Eventos' })).toBeVisible();
  // Kubernetes' own event text stays as a real cluster prints it.
  await expect(page.getByRole('log', { name: 'Eventos' })).toContainText('Started container');

  await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Manifests' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
});

test('?embed=1 keeps the canvas and the minimal controls, without editor or panels', async ({
  page,
}) => {
  await openApp(page, '?embed=1');
  await expect(page.getByRole('region', { name: 'Cluster' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Step' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Manifests' })).toHaveCount(0);
  await expect(page.getByRole('log', { name: 'Events' })).toHaveCount(0);
  await expect(page.locator('[data-testid=service][data-name="backend-service"]')).toBeVisible();
});

test('nothing is requested from another host while the lesson runs', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin || ['data:', 'blob:'].includes(url.protocol)) return route.continue();
    foreign.push(url.href);
    return route.abort();
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page, '?speed=5');
  const pod = page.locator('[data-testid=pod][data-name^="backend-"]').first();
  await pod.click();
  await page.getByRole('button', { name: 'Delete pod' }).click();
  await expect.poll(() => page.locator('[data-testid=packet]').count()).toBeGreaterThan(0);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await page.waitForTimeout(1000);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});

test('the Manifests column folds away to give the canvas room, and comes back', async ({
  page,
}) => {
  await openApp(page);
  const region = page.getByRole('region', { name: 'Manifests' });
  const editor = region.locator('#manifests-body');
  await expect(editor).toBeVisible();
  const canvas = page.getByRole('region', { name: 'Cluster' });
  const wide = (await canvas.boundingBox())?.width ?? 0;

  await region.getByRole('button', { name: 'Fold the manifests away' }).click();
  await expect(editor).toBeHidden();
  await expect(region.getByRole('button', { name: 'Apply' })).toHaveCount(0);
  expect((await canvas.boundingBox())?.width ?? 0).toBeGreaterThan(wide + 150);

  await region.getByRole('button', { name: 'Show the manifests' }).click();
  await expect(editor).toBeVisible();
  await expect(region.getByRole('button', { name: 'Apply' })).toBeEnabled();
});

test('an unknown ?lesson= is announced and the first lesson opens instead', async ({ page }) => {
  await openApp(page, '?lesson=no-such-lesson');
  // Monaco keeps role=alert regions of its own (empty); ours is the one naming the lesson.
  const alert = page.getByRole('alert').filter({ hasText: '"no-such-lesson"' });
  await expect(alert).toBeVisible();
  await expect(page.locator('[data-testid=service][data-name="backend-service"]')).toBeVisible();
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});
