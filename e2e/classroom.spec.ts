// Classroom: large-text projector mode (toggle and ?projector=1), dark and light themes (the
// system's choice or a chosen one), reduced motion (no travelling packets, every change still
// visible), outcomes by shape as well as colour, a 1280×720 screen and an 800×500 iframe.
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './fixtures';

test.describe.configure({ timeout: 120_000 });

const html = (page: Page) => page.locator('html');
/**
 * Watches the packets in flight for 1.5 s: true when some were seen in flight more than once and
 * none of them moved meanwhile.
 */
async function stillWhileMoving(page: Page): Promise<boolean> {
  await expect(page.locator('[data-testid=packet][data-phase=moving]').first()).toBeAttached({
    timeout: 10_000,
  });
  return page.evaluate(async () => {
    const seen = new Map<string, Set<string>>();
    const counts = new Map<string, number>();
    for (let i = 0; i < 15; i++) {
      for (const el of document.querySelectorAll<HTMLElement>(
        '[data-testid=packet][data-phase=moving]',
      )) {
        const id = el.dataset.id ?? '';
        seen.set(id, (seen.get(id) ?? new Set()).add(el.style.transform));
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const watched = [...counts.entries()].filter(([, n]) => n >= 2).map(([id]) => id);
    return watched.length > 0 && watched.every((id) => seen.get(id)?.size === 1);
  });
}

const fontSize = (page: Page) =>
  page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));

test('projector mode: ?projector=1 and the Display menu; kept for the next visit', async ({
  page,
}) => {
  await openApp(page, '?projector=1');
  await expect(html(page)).toHaveAttribute('data-projector', 'true');
  expect(await fontSize(page)).toBeGreaterThanOrEqual(19);
  await page.getByText('Display', { exact: true }).click();
  const box = page.getByRole('checkbox', { name: 'Large text (projector)' });
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect(html(page)).toHaveAttribute('data-projector', 'false');
  expect(await fontSize(page)).toBeLessThan(17);
  await box.check();
  await openApp(page);
  await expect(html(page)).toHaveAttribute('data-projector', 'true');
});

test('themes: the system’s dark scheme, and a chosen light one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await bg()).toBe('rgb(11, 18, 32)');
  await page.getByText('Display', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  expect(await bg()).toBe('rgb(233, 237, 244)');
});

test('reduced motion: packets do not travel, yet every change is visible', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  // A packet in flight stays where its request ended while its trip lasts.
  expect(await stillWhileMoving(page)).toBe(true);
  expect(
    await page
      .locator('[data-testid=pod]')
      .first()
      .evaluate((el) => getComputedStyle(el).animationName),
  ).toBe('none');
  // A deleted pod's replacement still shows its new IP against the old one.
  const pod = page.locator('[data-testid=pod][data-name^="backend-"]').first();
  const ip = (await pod.getAttribute('data-ip')) ?? '';
  await pod.click();
  await page.getByRole('button', { name: 'Delete pod' }).click();
  await expect(
    page.locator('[data-testid=pod][data-name^="backend-"]', { hasText: `(was ${ip})` }),
  ).toHaveCount(1, { timeout: 20_000 });
});

test('the Display menu can reduce motion whatever the system says', async ({ page }) => {
  await openApp(page);
  await page.getByText('Display', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Reduce motion' }).check();
  await expect(html(page)).toHaveAttribute('data-motion', 'reduced');
  expect(await stillWhileMoving(page)).toBe(true);
});

test('outcomes differ by shape, not only by colour', async ({ page }) => {
  await openApp(page);
  const shapes = await page.locator('.legend .packet-swatch').evaluateAll((els) =>
    els.map((el) => {
      const s = getComputedStyle(el);
      return `${s.borderRadius}|${s.clipPath}|${s.transform}`;
    }),
  );
  expect(shapes).toHaveLength(5);
  expect(new Set(shapes).size).toBe(5);
});

test('1280×720: everything fits, nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, '?view=dataplane');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  for (const name of ['Pause', 'Step', 'Reset', 'Concept', 'Data plane'])
    await expect(page.getByRole('button', { name, exact: true })).toBeInViewport();
  await expect(page.getByRole('slider', { name: /Virtual time/ })).toBeInViewport();
  const canvas = await page.getByRole('region', { name: 'Cluster' }).boundingBox();
  expect(canvas?.width ?? 0).toBeGreaterThan(500);
  expect(canvas?.height ?? 0).toBeGreaterThan(350);
  await expect(page.locator('[data-testid=service]')).toBeInViewport();
});

test('inside an 800×500 iframe (?embed=1): canvas, controls, scrubber and toggle fit', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.setContent(
    `<iframe title="kubeplay" src="${baseURL}/?embed=1&view=dataplane" width="800" height="500"></iframe>`,
  );
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('[data-testid=pod][data-status=Running]')).toHaveCount(6, {
    timeout: 30_000,
  });
  const inner = page.frames().find((f) => f.url().includes('embed=1'));
  if (!inner) throw new Error('no frame');
  expect(await inner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  const within = async (role: 'button' | 'slider', name: string | RegExp) => {
    const box = await frame.getByRole(role, { name }).first().boundingBox();
    expect(box, String(name)).not.toBeNull();
    const b = box ?? { x: 0, y: 0, width: 0, height: 0 };
    expect(b.x + b.width).toBeLessThanOrEqual(800 + 1);
    expect(b.y + b.height).toBeLessThanOrEqual(500 + 1);
  };
  await within('button', 'Pause');
  await within('button', 'Step');
  await within('button', 'Data plane');
  await within('slider', /Virtual time/);
  const stage = await frame.locator('.cluster__stage').boundingBox();
  expect(stage?.height ?? 0).toBeGreaterThan(250);
});
