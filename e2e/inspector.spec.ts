// The inspector: anything clicked on the canvas shows its details — a pod (labels, IP history
// across replacements, probes, events, live YAML), a Service (EndpointSlices with their
// conditions, each node's kube-proxy rules with counters that tick, nodes behind), a node (pods,
// pod CIDR, rules sync), a packet (its hops). By mouse and by keyboard; text always as text.
import { expect, test, type Page } from '@playwright/test';
import { openApp, readPods, setEditorText, editorText } from './fixtures';

test.describe.configure({ timeout: 120_000 });

const inspector = (page: Page) => page.getByTestId('inspector');

test('a pod: fields, probes, events, live YAML, and its IP history after a replacement', async ({
  page,
}) => {
  await openApp(page);
  const [victim] = await readPods(page, 'backend');
  if (!victim) throw new Error('no backend pod');
  await page.locator(`[data-testid=pod][data-name="${victim.name}"]`).click();
  const panel = page.getByRole('region', { name: `Pod ${victim.name}` });
  await expect(panel).toContainText(victim.ip);
  await expect(panel).toContainText('app=backend');
  await expect(panel.getByRole('region', { name: 'Probes' })).toContainText(
    /No probes|readinessProbe/,
  );
  await panel.getByRole('tab', { name: 'Events' }).click();
  await expect(panel.getByRole('tabpanel')).toContainText('Started');
  await panel.getByRole('tab', { name: 'Live YAML' }).click();
  const yaml = panel.getByTestId('yaml');
  await expect(yaml).toContainText('kind: Pod');
  await expect(yaml).toContainText(`podIP: ${victim.ip}`);

  // Kill it: its replacement's inspector lists the old IP, then the new one.
  await panel.getByRole('tab', { name: 'Details' }).click();
  await panel.getByRole('button', { name: 'Kill pod' }).click();
  await expect(panel).toContainText('This pod no longer exists');
  const fresh = page.locator('[data-testid=pod][data-name^="backend-"]', {
    hasText: `(was ${victim.ip})`,
  });
  await expect(fresh).toHaveCount(1, { timeout: 20_000 });
  await fresh.click();
  const history = page.getByTestId('ip-history');
  await expect(history).toContainText(victim.ip);
  await expect(history).toContainText((await fresh.getAttribute('data-ip')) ?? '?');
});

test('a Service: EndpointSlices with conditions, rules on every node with live counters', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: /^Service backend-service: details/ }).click();
  const panel = page.getByRole('region', { name: 'Service backend-service' });
  const endpoints = panel.getByTestId('endpoint');
  await expect(endpoints).toHaveCount(3);
  for (const e of await endpoints.all()) {
    await expect(e).toHaveAttribute('data-ready', 'true');
    await expect(e).toHaveAttribute('data-terminating', 'false');
    await expect(e).toContainText('serving=true');
  }

  await panel.getByRole('tab', { name: 'Rules' }).click();
  await expect(panel.getByTestId('nodes-behind')).toContainText(
    'Every node has programmed the current rules',
  );
  const tables = panel.getByTestId('node-rules');
  await expect(tables).toHaveCount(3);
  await expect(tables.first()).toContainText('-A KUBE-SERVICES');
  await expect(tables.first()).toContainText('KUBE-SVC-');
  // The counters tick while traffic flows.
  const total = () =>
    panel
      .locator('[data-testid=rule]')
      .evaluateAll((rows) =>
        rows.reduce((n, r) => n + Number((r as HTMLElement).dataset.packets ?? 0), 0),
      );
  const before = await total();
  await expect.poll(total, { timeout: 15_000 }).toBeGreaterThan(before);

  // A pod going away shows as terminating, then leaves the slice.
  await panel.getByRole('tab', { name: 'Details' }).click();
  const pod = page.locator('[data-testid=pod][data-name^="backend-"]').first();
  const ip = (await pod.getAttribute('data-ip')) ?? '';
  await pod.focus();
  await page.keyboard.press('Delete');
  await page.getByRole('button', { name: /^Service backend-service: details/ }).click();
  await expect(panel.locator(`[data-testid=endpoint][data-ip="${ip}"]`)).toHaveCount(0, {
    timeout: 20_000,
  });
  await expect(endpoints).toHaveCount(3, { timeout: 20_000 });
});

test('a node and a packet: pods, pod CIDR, sync; a request’s hops', async ({ page }) => {
  await openApp(page, '?view=dataplane');
  await page.getByRole('button', { name: 'Node node-2: details and actions' }).click();
  const node = page.getByRole('region', { name: 'Node node-2' });
  await expect(node).toContainText('10.244.1.0/24');
  await expect(node.getByTestId('node-sync')).toHaveAttribute('data-behind', 'false');
  const podOnNode = page.locator('[data-testid=pod][data-node="node-2"]').first();
  const podName = (await podOnNode.getAttribute('data-name')) ?? '';
  await expect(node.getByRole('button', { name: podName })).toBeVisible();

  // A frontend's requests, then one request's hops.
  await page.locator('[data-testid=pod][data-name^="frontend-"]').first().click();
  const pod = inspector(page);
  await pod.getByRole('tab', { name: 'Requests' }).click();
  await pod
    .getByRole('button', { name: /→ http:\/\/backend-service: ok/ })
    .first()
    .click();
  const packet = page.getByRole('region', { name: /^Request #\d+$/ });
  await expect(packet.getByTestId('packet-outcome')).toHaveAttribute('data-outcome', 'ok');
  const hops = packet.getByTestId('hops');
  await expect(hops).toContainText('backend-service.default.svc.cluster.local. A → NOERROR');
  await expect(hops.locator('[data-kind=proxy]')).toHaveAttribute('data-verdict', 'dnat');
  await expect(hops.locator('[data-kind=proxy]')).toContainText(/KUBE-SVC-\w+ → KUBE-SEP-\w+/);
  await expect(hops.locator('[data-kind=pod]')).toContainText('answered');
});

test('keyboard only: open a pod, move through its tabs, act, Escape returns to the pod', async ({
  page,
}) => {
  await openApp(page);
  const card = page.locator('[data-testid=pod][data-name^="backend-"]').first();
  const name = (await card.getAttribute('data-name')) ?? '';
  await card.focus();
  await page.keyboard.press('Enter');
  const title = page.getByRole('heading', { name: `Pod ${name}` });
  await expect(title).toBeFocused();
  // Tab reaches the tabs; arrows move between them.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const details = page.getByRole('tab', { name: 'Details' });
  await expect(details).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Events' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Events' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(inspector(page)).toHaveCount(0);
  await expect(card).toBeFocused();
});

test('text from the cluster is shown as text, never as HTML', async ({ page }) => {
  await openApp(page, '?test=1');
  const text = await editorText(page);
  const hostile = text.replace(
    /(kind: Service\nmetadata:\n {2}name: backend-service)/,
    `$1\n  annotations:\n    note: "<img src=x onerror=window.__pwned=1><b>bold</b>"`,
  );
  expect(hostile).not.toBe(text);
  await setEditorText(page, hostile);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: /^Service backend-service: details/ }).click();
  const panel = page.getByRole('region', { name: 'Service backend-service' });
  await panel.getByRole('tab', { name: 'Live YAML' }).click();
  await expect(panel.getByTestId('yaml')).toContainText('<img src=x onerror=window.__pwned=1>');
  expect(await panel.locator('img, b').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});
