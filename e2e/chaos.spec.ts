// Chaos from the canvas, by mouse, touch and keyboard: kill a pod, crash its container, fail and
// pass its readiness, fail and recover a node, scale a Deployment, change a pod's label (it leaves
// the Service and its ReplicaSet makes a new one). Each is an engine command (chaos … / kubectl …)
// run through the runner, so it enters the command log.
import { expect, test, type Page } from '@playwright/test';
import { openApp, readPods } from './fixtures';

test.describe.configure({ timeout: 120_000 });

const inspector = (page: Page) => page.getByTestId('inspector');
const backends = (page: Page) => page.locator('[data-testid=pod][data-name^="backend-"]');

async function pick(page: Page, name: string) {
  await page.locator(`[data-testid=pod][data-name="${name}"]`).click();
  return page.getByRole('region', { name: `Pod ${name}` });
}

test('crash restarts the container in place; fail and pass readiness', async ({ page }) => {
  await openApp(page, '?speed=5');
  const [p] = await readPods(page, 'backend');
  if (!p) throw new Error('no backend pod');
  const panel = await pick(page, p.name);
  await panel.getByRole('button', { name: 'Crash container' }).click();
  await expect(panel.getByText(`Done: chaos crash ${p.name}`)).toBeVisible();
  await expect(panel.locator('dt:has-text("Restarts") + dd')).toHaveText('1', {
    timeout: 20_000,
  });
  const card = page.locator(`[data-testid=pod][data-name="${p.name}"]`);
  await expect(card).toHaveAttribute('data-ip', p.ip);

  await panel.getByRole('button', { name: 'Fail readiness' }).click();
  await expect(card).toHaveAttribute('data-ready', 'false', { timeout: 30_000 });
  await page.getByRole('button', { name: /^Service backend-service: details/ }).click();
  await expect(
    inspector(page).locator(`[data-testid=endpoint][data-ip="${p.ip}"]`),
  ).toHaveAttribute('data-ready', 'false', { timeout: 20_000 });
  await card.click();
  await inspector(page).getByRole('button', { name: 'Pass readiness' }).click();
  await expect(card).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
});

test('scale the Deployment up and down; kill a pod: replaced with a new IP', async ({ page }) => {
  await openApp(page, '?speed=5');
  const [p] = await readPods(page, 'backend');
  if (!p) throw new Error('no backend pod');
  const panel = await pick(page, p.name);
  await panel.getByRole('button', { name: 'Add a replica to backend' }).click();
  await expect(panel.getByTestId('replicas')).toHaveText('4');
  await expect(backends(page).and(page.locator('[data-status=Running]'))).toHaveCount(4, {
    timeout: 20_000,
  });
  await panel.getByRole('button', { name: 'Remove a replica of backend' }).click();
  await expect(backends(page).and(page.locator('[data-status=Running]'))).toHaveCount(3, {
    timeout: 20_000,
  });

  const [q] = await readPods(page, 'backend');
  if (!q) throw new Error('no backend pod');
  const before = await readPods(page, 'backend');
  const again = await pick(page, q.name);
  await again.getByRole('button', { name: 'Kill pod' }).click();
  await expect(page.locator(`[data-testid=pod][data-name="${q.name}"]`)).toHaveCount(0);
  await expect(page.getByRole('log', { name: 'Events' })).toContainText(`Pod ${q.name} was killed`);
  await expect(backends(page).and(page.locator('[data-status=Running]'))).toHaveCount(3, {
    timeout: 20_000,
  });
  const fresh = (await readPods(page, 'backend')).find(
    (x) => !before.some((b) => b.name === x.name),
  );
  expect(fresh?.ip).toMatch(/^10\.244\./);
  expect(fresh?.ip).not.toBe(q.ip);
});

test('change a label: the pod leaves the Service, the ReplicaSet makes a new one', async ({
  page,
}) => {
  await openApp(page, '?speed=5');
  const [p] = await readPods(page, 'backend');
  if (!p) throw new Error('no backend pod');
  const panel = await pick(page, p.name);
  const form = panel.getByRole('form', { name: 'Change a label' });
  await form.getByRole('combobox', { name: 'Label' }).selectOption('app');
  await form.getByRole('textbox', { name: 'New value' }).fill('backend-debug');
  await form.getByRole('button', { name: 'Change label' }).click();
  await expect(panel.getByRole('status')).toContainText(
    `kubectl label pod ${p.name} app=backend-debug --overwrite`,
  );
  await expect(panel).toContainText('app=backend-debug');
  // Three pods again carry app=backend (a new one), and the relabelled one stays, outside.
  await expect(backends(page)).toHaveCount(4, { timeout: 20_000 });
  await page.getByRole('button', { name: /^Service backend-service: details/ }).click();
  const eps = inspector(page).getByTestId('endpoint');
  await expect(eps).toHaveCount(3, { timeout: 20_000 });
  await expect(inspector(page).locator(`[data-testid=endpoint][data-ip="${p.ip}"]`)).toHaveCount(0);
});

test('fail a node by keyboard and recover it by mouse, from its inspector', async ({ page }) => {
  await openApp(page, '?speed=10');
  await page.getByRole('button', { name: 'Node node-3: details and actions' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Node node-3' })).toBeFocused();
  const panel = page.getByRole('region', { name: 'Node node-3' });
  const fail = panel.getByRole('button', { name: 'Fail node' });
  for (let i = 0; i < 20; i++) {
    if (await fail.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(fail).toBeFocused();
  await page.keyboard.press('Enter');
  const node = page.locator('[data-testid=node][data-name="node-3"]');
  await expect(node).toHaveAttribute('data-ready', 'false', { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Recover node' }).click();
  await expect(node).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
});

test('keyboard only: Tab to a pod, Enter, Tab to "Kill pod", Enter', async ({ page }) => {
  await openApp(page);
  await page.getByRole('region', { name: 'Cluster' }).locator('#cluster-canvas').focus();
  let focused = '';
  for (let i = 0; i < 30 && !focused.startsWith('backend-'); i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.dataset.testid === 'pod' ? (el.dataset.name ?? '') : '';
    });
  }
  expect(focused).toMatch(/^backend-/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Pod ${focused}` })).toBeFocused();
  const kill = inspector(page).getByRole('button', { name: 'Kill pod' });
  for (let i = 0; i < 15; i++) {
    if (await kill.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(kill).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator(`[data-testid=pod][data-name="${focused}"]`)).toHaveCount(0);
});

test.describe('touch', () => {
  test.use({ hasTouch: true, viewport: { width: 1180, height: 820 } });

  test('tap a pod, tap "Crash container"; tap targets are at least 44 px', async ({ page }) => {
    await openApp(page);
    const [p] = await readPods(page, 'backend');
    if (!p) throw new Error('no backend pod');
    await page.locator(`[data-testid=pod][data-name="${p.name}"]`).tap();
    const panel = page.getByRole('region', { name: `Pod ${p.name}` });
    const crash = panel.getByRole('button', { name: 'Crash container' });
    // The inspector is a lazy chunk: wait for it before measuring its buttons.
    await expect(crash).toBeVisible();
    const sizes = await panel.getByRole('button').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return [el.textContent ?? '', Math.min(r.width, r.height)] as const;
      }),
    );
    expect(sizes.length).toBeGreaterThan(5);
    for (const [label, size] of sizes) expect(size, label).toBeGreaterThanOrEqual(44);
    await crash.tap();
    await expect(panel.getByRole('status')).toContainText(`chaos crash ${p.name}`);
  });
});
