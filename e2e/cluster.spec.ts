// The seed lesson's story in the browser: the cluster opens settled, requests travel, a deleted
// backend pod comes back with a new IP that takes traffic, and the client that hard-coded the old
// pod IP starts failing. Also the pod inspector by mouse and by keyboard.
import { expect, test } from '@playwright/test';
import { hitsOf, openApp, pods, readPods } from './fixtures';

const podIp = /^10\.244\.\d{1,3}\.\d{1,3}$/;

test('opens with three Ready nodes, three backend pods with IPs and the Service with its ClusterIP', async ({
  page,
}) => {
  await openApp(page);
  await expect(page.getByRole('region', { name: 'Manifests' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cluster' })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Events' })).toBeVisible();

  const nodes = page.locator('[data-testid=node]');
  await expect(nodes).toHaveCount(3);
  await expect(page.locator('[data-testid=node][data-ready=true]')).toHaveCount(3);
  await expect(nodes.first()).toHaveAttribute('data-name', 'node-1');

  const backends = await readPods(page, 'backend');
  expect(backends).toHaveLength(3);
  for (const p of backends) {
    expect(p.ip).toMatch(podIp);
    expect(p).toMatchObject({ status: 'Running', ready: 'true' });
    expect(p.node).toMatch(/^node-[1-3]$/);
  }
  expect(new Set(backends.map((p) => p.ip)).size).toBe(3);
  // The card shows the IP as text too.
  await expect(pods(page, 'backend').first()).toContainText(backends[0]?.ip ?? '');

  const service = page.locator('[data-testid=service][data-name="backend-service"]');
  await expect(service).toHaveAttribute('data-type', 'ClusterIP');
  // Inside the default service CIDR 10.96.0.0/12.
  await expect(service).toHaveAttribute('data-cluster-ip', /^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
  const clusterIp = (await service.getAttribute('data-cluster-ip')) ?? '';
  await expect(service).toContainText(clusterIp);
  await expect(service).toContainText('80 → 8080/TCP');

  // The built-in `kubernetes` Service is not drawn; the clock shows the settled time.
  await expect(page.locator('[data-testid=service]')).toHaveCount(1);
  await expect(page.getByTestId('clock')).toHaveAttribute('data-ms', /^[1-9]\d*$/);
});

test('requests travel as packets and each backend pod answers its share', async ({ page }) => {
  await openApp(page);
  await expect.poll(() => page.locator('[data-testid=packet]').count()).toBeGreaterThan(0);
  await expect(page.locator('[data-testid=packet][data-from^="frontend-"]').first()).toBeAttached();
  // Over a few seconds every backend answers something (the Service spreads the traffic).
  const names = (await readPods(page, 'backend')).map((p) => p.name);
  for (const name of names)
    await expect.poll(() => hitsOf(page, name), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(page.locator('[data-testid=hits]')).toHaveCount(3);
});

test('deleting a backend pod: its replacement gets a new IP and then answers requests', async ({
  page,
}) => {
  await openApp(page, '?speed=2');
  const before = await readPods(page, 'backend');
  const victim = before[1];
  if (!victim) throw new Error('no backend pod');

  await page.locator(`[data-testid=pod][data-name="${victim.name}"]`).click();
  const inspector = page.getByRole('region', { name: `Pod ${victim.name}` });
  await expect(inspector).toBeVisible();
  await expect(inspector).toContainText(victim.ip);
  await expect(inspector).toContainText('app=backend');
  await inspector.getByRole('button', { name: 'Delete pod' }).click();

  // The ReplicaSet replaces it; the old pod goes away.
  await expect(page.locator(`[data-testid=pod][data-name="${victim.name}"]`)).toHaveCount(0, {
    timeout: 20_000,
  });
  await expect(
    page.locator('[data-testid=pod][data-name^="backend-"][data-status=Running]'),
  ).toHaveCount(3);
  const after = await readPods(page, 'backend');
  const fresh = after.find((p) => !before.some((b) => b.name === p.name));
  if (!fresh) throw new Error('no replacement pod');
  expect(fresh.ip).toMatch(podIp);
  expect(fresh.ip).not.toBe(victim.ip);
  await expect(page.getByRole('log', { name: 'Events' })).toContainText(
    `Created pod: ${fresh.name}`,
  );

  // The Service sends it traffic: its counter rises from zero.
  await expect.poll(() => hitsOf(page, fresh.name), { timeout: 20_000 }).toBeGreaterThan(0);
  // The gone pod keeps its final tally, marked as gone.
  await expect(page.locator(`[data-testid=hits][data-pod="${victim.name}"]`)).toContainText('gone');
});

test('the replacement shows its new IP against the old one', async ({ page }) => {
  await openApp(page);
  const before = await readPods(page, 'backend');
  const victim = before[0];
  if (!victim) throw new Error('no backend pod');
  await page.locator(`[data-testid=pod][data-name="${victim.name}"]`).click();
  await page.getByRole('button', { name: 'Delete pod' }).click();
  const fresh = page.locator('[data-testid=pod][data-name^="backend-"]', {
    hasText: `(was ${victim.ip})`,
  });
  await expect(fresh).toHaveCount(1, { timeout: 15_000 });
  await expect(fresh).toContainText('new IP');
  await expect(fresh).not.toHaveAttribute('data-ip', victim.ip);
});

test('the legacy client, which hard-coded a pod IP, fails once that pod is gone', async ({
  page,
}) => {
  await openApp(page, '?speed=2');
  const legacy = page.locator('[data-testid=client][data-pod^="legacy-client-"]');
  await expect.poll(async () => Number(await legacy.getAttribute('data-ok'))).toBeGreaterThan(0);
  await expect(legacy).toHaveAttribute('data-failed', '0');

  const target = page.locator('[data-testid=pod][data-ip="10.244.2.2"]');
  await expect(target).toHaveAttribute('data-name', /^backend-/);
  await target.click();
  await page.getByRole('button', { name: 'Delete pod' }).click();
  await expect(page.locator('[data-testid=pod][data-ip="10.244.2.2"]')).toHaveCount(0, {
    timeout: 20_000,
  });

  // Its requests now fail (and are drawn as failed packets), while the frontends, which use the
  // Service, keep getting answers.
  await expect
    .poll(async () => Number(await legacy.getAttribute('data-failed')), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await expect(legacy).not.toHaveAttribute('data-last', 'ok');
  await expect(
    page
      .locator('[data-testid=packet][data-from^="legacy-client-"]:not([data-outcome=ok])')
      .first(),
  ).toBeAttached({ timeout: 15_000 });
  const frontend = page.locator('[data-testid=client][data-pod^="frontend-"]').first();
  const okBefore = Number(await frontend.getAttribute('data-ok'));
  await expect
    .poll(async () => Number(await frontend.getAttribute('data-ok')), { timeout: 15_000 })
    .toBeGreaterThan(okBefore);
  await expect(frontend).toHaveAttribute('data-last', 'ok');
});

test('keyboard: Tab reaches a pod, Enter opens its details, Escape closes, Delete deletes', async ({
  page,
}) => {
  await openApp(page);
  // Start at the canvas: the code editor before it keeps Tab for indentation (Monaco).
  await page.getByRole('region', { name: 'Cluster' }).locator('#cluster-canvas').focus();
  let focused = '';
  for (let i = 0; i < 20 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.dataset.testid === 'pod' ? (el.dataset.name ?? '') : '';
    });
  }
  expect(focused).not.toBe('');
  const card = page.locator(`[data-testid=pod][data-name="${focused}"]`);
  await expect(card).toBeFocused();
  // Labels show on focus.
  await expect(card.locator('.pod__labels')).toBeVisible();

  await page.keyboard.press('Enter');
  const inspector = page.getByRole('region', { name: `Pod ${focused}` });
  await expect(inspector).toBeVisible();
  await expect(card).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(inspector).toHaveCount(0);
  await expect(card).toBeFocused();

  await page.keyboard.press('Delete');
  // Terminating (often for less than a frame), then gone.
  await expect(card).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole('log', { name: 'Events' })).toContainText(`Stopping container`);
  // Its Deployment brings the count back.
  const prefix = focused.split('-')[0] ?? '';
  const expected = prefix === 'backend' ? 3 : prefix === 'frontend' ? 2 : 1;
  await expect(
    page.locator(`[data-testid=pod][data-name^="${prefix}-"][data-status=Running]`),
  ).toHaveCount(expected, { timeout: 15_000 });
});
