// Time: play, pause, step, speed from 0.1× to 100×, and rewind — a scrubber over the history with
// its events marked; dragging back replays the command log to that time (deterministic: the same
// pods come back), and what happened next happens again when played. Mouse and keyboard.
import { expect, test, type Page } from '@playwright/test';
import { clockMs, openApp, readPods } from './fixtures';

test.describe.configure({ timeout: 120_000 });

const slider = (page: Page) => page.getByRole('slider', { name: /Virtual time/ });

async function dragTo(page: Page, ms: number): Promise<void> {
  const s = slider(page);
  const box = await s.boundingBox();
  if (!box) throw new Error('no slider');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, y, { steps: 4 });
  // Grabbing the scrubber pauses the clock: only now is its scale fixed (it grows while playing).
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const horizon = Number(await s.getAttribute('aria-valuemax'));
  await page.mouse.move(box.x + (box.width * ms) / horizon, y, { steps: 4 });
  await page.mouse.up();
}

test('rewind: drag back before a deletion, the pod is back; play replays the same history', async ({
  page,
}) => {
  await openApp(page, '?speed=2');
  const before = await readPods(page, 'backend');
  const victim = before[0];
  if (!victim) throw new Error('no backend pod');
  await page.locator(`[data-testid=pod][data-name="${victim.name}"]`).click();
  const deletedAt = await clockMs(page);
  await page.getByRole('button', { name: 'Delete pod' }).click();
  await expect(page.locator(`[data-testid=pod][data-name="${victim.name}"]`)).toHaveCount(0, {
    timeout: 20_000,
  });
  await expect(
    page.locator('[data-testid=pod][data-name^="backend-"][data-status=Running]'),
  ).toHaveCount(3, { timeout: 20_000 });
  const replacement = (await readPods(page, 'backend')).find(
    (p) => !before.some((b) => b.name === p.name),
  );
  if (!replacement) throw new Error('no replacement');
  // The deletion is marked on the scrubber.
  const mark = page.locator('[data-testid=timeline-mark][data-kind=delete]').first();
  await expect(mark).toBeAttached({ timeout: 5000 });
  const markedAt = Number(await mark.getAttribute('data-t'));
  expect(markedAt).toBeGreaterThanOrEqual(deletedAt);
  expect(markedAt - deletedAt).toBeLessThan(5000);

  await dragTo(page, markedAt - 2000);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.locator(`[data-testid=pod][data-name="${victim.name}"]`)).toHaveAttribute(
    'data-ip',
    victim.ip,
    { timeout: 15_000 },
  );
  await expect(page.locator(`[data-testid=pod][data-name="${replacement.name}"]`)).toHaveCount(0);
  expect(Math.abs((await clockMs(page)) - (markedAt - 2000))).toBeLessThan(1500);
  await expect(page.getByText('Rewound: pressing Play replays what happened next')).toBeVisible();

  // Play: the same command runs again at the same time, with the same replacement.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(
    page.locator(`[data-testid=pod][data-name="${replacement.name}"][data-status=Running]`),
  ).toHaveAttribute('data-ip', replacement.ip, { timeout: 30_000 });
  await expect(page.locator(`[data-testid=pod][data-name="${victim.name}"]`)).toHaveCount(0);
});

test('keyboard: the scrubber is a slider; arrows go back a second each, End goes to the end', async ({
  page,
}) => {
  await openApp(page, '?autoplay=0&speed=5');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => clockMs(page), { timeout: 30_000 }).toBeGreaterThan(16_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(300);
  const t0 = await clockMs(page);
  const s = slider(page);
  await s.focus();
  await expect(s).toHaveAttribute('aria-valuetext', /s of .* s/);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => clockMs(page), { timeout: 15_000 }).toBe(t0 - 3000);
  await expect(s).toHaveAttribute('aria-valuenow', String(t0 - 3000));
  await page.keyboard.press('PageDown');
  await expect.poll(() => clockMs(page), { timeout: 15_000 }).toBe(t0 - 13_000);
  await page.keyboard.press('End');
  await expect.poll(() => clockMs(page), { timeout: 15_000 }).toBe(t0);
});

test('step and the speed range 0.1× to 100×, by keyboard', async ({ page }) => {
  await openApp(page, '?autoplay=0');
  const speed = page.getByRole('combobox', { name: 'Speed' });
  const values = await speed
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(values[0]).toBe('0.1');
  expect(values[values.length - 1]).toBe('100');
  const t0 = await clockMs(page);
  await page.getByRole('button', { name: 'Step' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => clockMs(page)).toBe(t0 + 100);
  await speed.focus();
  await speed.selectOption('100');
  await page.getByRole('button', { name: 'Play' }).focus();
  await page.keyboard.press('Space');
  await expect.poll(() => clockMs(page), { timeout: 10_000 }).toBeGreaterThan(t0 + 20_000);
});
