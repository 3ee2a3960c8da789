// The data-plane view: the DNS lookup to kube-dns, DNAT in kube-proxy's rules on the client's own
// node, the trip to the backend's node, NodePort traffic entering a node from outside, SNAT, and
// drops made visible (Local policy without a local endpoint → DROP, no endpoints → REJECT).
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './fixtures';
import { LOCAL_DROP, NODEPORT_SNAT, NO_ENDPOINTS, linkTo, manyPods } from './scenarios';

test.describe.configure({ timeout: 120_000 });

const strip = (page: Page, node: string) =>
  page.locator(`[data-testid=rules][data-node="${node}"]`);

test('?view=dataplane: DNS lookups, and DNAT on the client’s own node', async ({ page }) => {
  await openApp(page, '?view=dataplane');
  const view = page.getByRole('group', { name: 'View' });
  await expect(view.getByRole('button', { name: 'Data plane' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // The cluster DNS lists the lookups: the Service's name answered with its ClusterIP.
  const clusterIp = await page
    .locator('[data-testid=service][data-name="backend-service"]')
    .getAttribute('data-cluster-ip');
  const dns = page.getByTestId('dns');
  await expect(dns).toContainText('10.96.0.10');
  await expect(dns).toContainText(`backend-service`);
  await expect(dns).toContainText(`→ ${clusterIp}`);

  // Every node a frontend runs on has DNATed a request to a backend pod IP.
  const frontends = await page
    .locator('[data-testid=pod][data-name^="frontend-"]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.node ?? ''));
  for (const node of frontends) {
    await expect(strip(page, node)).toHaveAttribute('data-verdict', 'dnat', { timeout: 15_000 });
    await expect(strip(page, node)).toContainText(/DNAT → 10\.244\.\d+\.\d+:8080/);
  }
  await expect(page.locator('[data-testid=packet]').first()).toBeAttached();
});

test('the toggle switches views and keeps the choice in the URL', async ({ page }) => {
  await openApp(page);
  const concept = page.getByRole('button', { name: 'Concept' });
  const dataplane = page.getByRole('button', { name: 'Data plane' });
  await expect(concept).toHaveAttribute('aria-pressed', 'true');
  // Concept: the strip says only whether the rules are synced.
  await expect(strip(page, 'node-1')).not.toContainText('DNAT');
  await dataplane.click();
  await expect(dataplane).toHaveAttribute('aria-pressed', 'true');
  expect(new URL(page.url()).searchParams.get('view')).toBe('dataplane');
  await expect(page.locator('[data-testid=rules][data-verdict=dnat]').first()).toContainText(
    'DNAT',
  );
  // Keyboard: the toggle is two buttons in the Tab order.
  await concept.focus();
  await page.keyboard.press('Enter');
  await expect(concept).toHaveAttribute('aria-pressed', 'true');
  expect(new URL(page.url()).searchParams.get('view')).toBe('concept');
});

test('NodePort from outside with Local policy: node-2 has no local endpoint and DROPs', async ({
  page,
}) => {
  await page.goto(`./${linkTo(LOCAL_DROP)}`);
  await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(1, {
    timeout: 20_000,
  });
  await expect(page.getByTestId('external')).toContainText('Outside the cluster');
  // Traffic enters node-1 (which has the pod): DNAT, and no SNAT (Local keeps the client's IP).
  await expect(strip(page, 'node-1')).toHaveAttribute('data-verdict', 'dnat', { timeout: 15_000 });
  await expect(strip(page, 'node-1')).not.toContainText('SNAT');
  // node-2 has none: its rules drop the packet, and it is drawn failing there.
  await expect(strip(page, 'node-2')).toHaveAttribute('data-verdict', 'drop', { timeout: 15_000 });
  await expect(strip(page, 'node-2')).toContainText('DROP: no local endpoint');
  await expect(
    page.locator('[data-testid=packet][data-outcome=timeout]', { hasText: 'DROP' }).first(),
  ).toBeAttached({ timeout: 15_000 });
});

test('a Service without endpoints: the client node’s rules REJECT, the client is refused', async ({
  page,
}) => {
  await page.goto(`./${linkTo(NO_ENDPOINTS)}`);
  await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(1, {
    timeout: 20_000,
  });
  const node = await page.locator('[data-testid=pod]').first().getAttribute('data-node');
  await expect(strip(page, node ?? '')).toHaveAttribute('data-verdict', 'reject', {
    timeout: 15_000,
  });
  await expect(strip(page, node ?? '')).toContainText('REJECT: no endpoints');
  await expect(
    page.locator('[data-testid=packet][data-outcome=refused]', { hasText: 'REJECT' }).first(),
  ).toBeAttached({ timeout: 15_000 });
  await expect(page.locator('[data-testid=service][data-name=ghost]')).toContainText(
    'no ready endpoints',
  );
});

test('NodePort from outside with Cluster policy: DNAT to the other node, and SNAT', async ({
  page,
}) => {
  await page.goto(`./${linkTo(NODEPORT_SNAT)}`);
  await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(1, {
    timeout: 20_000,
  });
  // node-2 runs no web pod: its rules DNAT to node-1's pod and masquerade the source.
  await expect(strip(page, 'node-2')).toHaveAttribute('data-verdict', 'dnat', { timeout: 15_000 });
  await expect(strip(page, 'node-2')).toContainText('SNAT');
  await expect(page.locator('[data-testid=packet][data-from=external]').first()).toBeAttached();
});

test('50 pods on 8 nodes: a grid of nodes, compact cards, packets on the canvas layer', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`./${linkTo(manyPods(40, 10, 8, 10), 30_000)}`);
  await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(50, {
    timeout: 60_000,
  });
  // Nodes wrap into rows; pods keep the DOM contract as compact cards.
  const tops = await page
    .locator('[data-testid=node]')
    .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBeGreaterThan(1);
  await expect(page.locator('.pod--compact[data-testid=pod]')).toHaveCount(50);
  // Many packets: one canvas draws them, and says so.
  const canvas = page.getByTestId('packet-canvas');
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-in-flight')), {
      timeout: 15_000,
    })
    .toBeGreaterThan(10);
  await expect(page.getByTestId('packets-on-canvas')).toBeVisible();
  // A pod's place does not move while another pod is replaced.
  const still = page.locator('[data-testid=pod][data-name^="frontend-"]').first();
  const before = await still.boundingBox();
  const victim = page.locator('[data-testid=pod][data-name^="backend-"]').first();
  await victim.focus();
  await page.keyboard.press('Delete');
  await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(50, {
    timeout: 30_000,
  });
  expect(await still.boundingBox()).toEqual(before);
});

test('hundreds of pods aggregate per node: counts, a pod grid, keyboard between cells', async ({
  page,
}) => {
  await page.goto(`./${linkTo(manyPods(190, 10, 8, 1), 40_000)}`);
  await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(200, {
    timeout: 90_000,
  });
  const node = page.locator('[data-testid=node][data-name="node-1"]');
  await expect(node).toContainText(/\d+ pods in all/);
  await expect(node).toContainText('app=backend');
  const grid = node.getByRole('group', { name: 'Pods on node-1' });
  const cells = grid.locator('[data-testid=pod]');
  expect(await cells.count()).toBeGreaterThan(10);
  await expect(page.locator('.react-flow__node-pod')).toHaveCount(0);
  // One Tab stop per node; arrows move between cells; Enter opens the pod.
  await cells.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(cells.nth(1)).toBeFocused();
  const name = (await cells.nth(1).getAttribute('data-name')) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: `Pod ${name}` })).toBeVisible();
  await expect(page.locator('[data-testid=packet]')).toHaveCount(0);
  await expect(page.getByTestId('packet-canvas')).toBeAttached();
});
