// Offline (issue 9): with every request to a host other than this machine blocked (and recorded),
// a learner uses everything — the editor and Apply, the console, deleting a pod, the inspector,
// the share dialog with its QR code, the language switch, the lesson gallery and another lesson,
// the embed API — and the page never even tries to reach another host.
import { expect, test, type BrowserContext } from '@playwright/test';
import { openApp, readPods } from './fixtures';

test.describe.configure({ timeout: 120_000 });

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Aborts and records every request that leaves this machine. */
async function cutTheCable(context: BrowserContext): Promise<string[]> {
  const attempts: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOCAL.has(url.hostname)) return route.continue();
    attempts.push(url.href);
    return route.abort('internetdisconnected');
  });
  // Requests routing never sees (service workers, prefetches) still show up here.
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && !LOCAL.has(url.hostname))
      if (!attempts.includes(url.href)) attempts.push(url.href);
  });
  return attempts;
}

test('every feature works with the network cut, and nothing tries to leave the machine', async ({
  page,
  context,
}) => {
  const attempts = await cutTheCable(context);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // An attempt the page's CSP stops before it reaches the network counts as an attempt too.
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP blocked ${e.blockedURI} (${e.violatedDirective})`),
    ),
  );

  await openApp(page, '?test=1');

  // Editor (Monaco, bundled) + Apply: scale the backend to 4.
  await page.waitForFunction(() => window.__kubeplayEditor !== undefined, null, {
    timeout: 30_000,
  });
  const text = await page.evaluate(() => window.__kubeplayEditor?.getValue() ?? '');
  await page.evaluate(
    (t) => window.__kubeplayEditor?.setValue(t),
    text.replace('replicas: 3', 'replicas: 4'),
  );
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(
    page.locator('[data-testid=pod][data-name^="backend-"][data-status=Running]'),
  ).toHaveCount(4, { timeout: 30_000 });

  // Console: a table, an exec with curl through the Service, completion.
  const box = page.getByRole('textbox', { name: 'kubectl' });
  const out = page.getByRole('log', { name: 'kubectl output' });
  await box.fill('kubectl get svc');
  await box.press('Enter');
  await expect(out).toContainText('backend-service');
  const frontend = (await readPods(page, 'frontend'))[0]?.name ?? '';
  await box.fill(`kubectl exec ${frontend} -- curl -s http://backend-service`);
  await box.press('Enter');
  await expect(out.locator('.console-entry').last()).toContainText('backend-');
  await box.fill('kubectl describe svc backend-s');
  await box.press('Tab');
  await expect(box).toHaveValue('kubectl describe svc backend-service ');

  // Inspector + Delete pod.
  const victim = (await readPods(page, 'backend'))[0]?.name ?? '';
  await page.locator(`[data-testid=pod][data-name="${victim}"]`).click();
  await page.getByRole('button', { name: 'Delete pod' }).click();
  await expect(page.locator(`[data-testid=pod][data-name="${victim}"]`)).toHaveCount(0, {
    timeout: 30_000,
  });

  // Share dialog: the link and its QR code are made here.
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this cluster' });
  await expect(dialog.getByRole('textbox', { name: 'Share link' })).toHaveValue(/#s=/);
  await expect(dialog.getByRole('img', { name: 'QR code of the share link' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Language switch.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(page.getByRole('button', { name: 'Aplicar', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');

  // The lesson gallery, then another lesson's page.
  await page.getByRole('button', { name: 'All lessons' }).click();
  await expect(page.getByRole('dialog', { name: 'Lessons' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.goto('./?lesson=labels-selectors&test=1');
  await expect(page.getByRole('region', { name: 'Lesson', exact: true })).toBeVisible();
  await expect(page.locator('[data-testid=pod]').first()).toBeVisible({ timeout: 30_000 });

  // Embedded, driven by messages.
  await page.goto('./?embed=1');
  await expect(page.locator('[data-testid=pod]').first()).toBeVisible({ timeout: 30_000 });

  expect(errors).toEqual([]);
  expect(attempts).toEqual([]);
});
