// Sharing and keeping work: a share link reopens the same cluster (pod names, IPs, virtual time)
// in a fresh browser; the session survives a reload; named saves, files; bad links are announced
// and open the default lesson without touching saved work.
import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { allPods, clockMs, openApp, pauseAndSettle, readPods } from './fixtures';

const LESSON_KEY = 'kubeplay:session:lesson:seed-services';

// Several of these open two browsers or wait for autosave: more time than the default.
test.describe.configure({ timeout: 90_000 });

/** Deletes a backend pod through its inspector; returns its name. */
async function deleteBackend(page: Page, index = 0): Promise<string> {
  const victim = (await readPods(page, 'backend'))[index]?.name ?? '';
  await page.locator(`[data-testid=pod][data-name="${victim}"]`).click();
  await page.getByRole('button', { name: 'Delete pod' }).click();
  await expect(page.locator(`[data-testid=pod][data-name="${victim}"]`)).toHaveCount(0, {
    timeout: 20_000,
  });
  await expect(
    page.locator('[data-testid=pod][data-name^="backend-"][data-status=Running]'),
  ).toHaveCount(3, { timeout: 20_000 });
  return victim;
}

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this cluster' });
  const field = dialog.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#s=[A-Za-z0-9_-]+$/);
  const link = await field.inputValue();
  await expect(field).toHaveAttribute('readonly', '');
  await expect(dialog.getByText(`Link length: ${link.length} characters`)).toBeVisible();
  await expect(dialog.getByRole('img', { name: 'QR code of the share link' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  return link;
}

test('a share link reopens the same cluster, at the same virtual time, in a fresh browser', async ({
  page,
  browser,
}) => {
  await openApp(page);
  const victim = await deleteBackend(page, 1);
  const at = await pauseAndSettle(page);
  const before = await allPods(page);
  expect(before.map((p) => p.name)).not.toContain(victim);

  const link = await shareLink(page);
  expect(link.length).toBeLessThan(1000);

  const other = await browser.newContext();
  try {
    const page2 = await other.newPage();
    await page2.goto(link);
    await expect(page2.getByTestId('clock')).toHaveAttribute('data-ms', String(at));
    await expect.poll(() => allPods(page2)).toEqual(before);
    // Shared while paused: it opens paused.
    await expect(page2.getByRole('button', { name: 'Play' })).toBeVisible();
    await page2.waitForTimeout(500);
    expect(await clockMs(page2)).toBe(at);
    // A link never lands in that browser's saved lesson.
    expect(await page2.evaluate((k) => localStorage.getItem(k), LESSON_KEY)).toBeNull();
  } finally {
    await other.close();
  }
});

test('?autoplay=1 on a paused link plays', async ({ page, browser }) => {
  await openApp(page, '?autoplay=0');
  const link = await shareLink(page);
  const other = await browser.newContext();
  try {
    const page2 = await other.newPage();
    await page2.goto(link.replace('#', '?autoplay=1#'));
    await expect(page2.getByRole('button', { name: 'Pause' })).toBeVisible();
  } finally {
    await other.close();
  }
});

test('a reload restores the session: a deleted pod stays deleted', async ({ page }) => {
  await openApp(page);
  const saved = await page.evaluate((k) => localStorage.getItem(k), LESSON_KEY);
  const victim = await deleteBackend(page);
  const after = (await readPods(page, 'backend')).map((p) => p.name).sort();
  // The deletion is written within a moment.
  await expect
    .poll(() => page.evaluate((k) => localStorage.getItem(k), LESSON_KEY))
    .not.toBe(saved);
  const t = await clockMs(page);
  await page.waitForTimeout(300);

  await page.reload();
  await expect(
    page.locator('[data-testid=pod][data-name^="backend-"][data-status=Running]'),
  ).toHaveCount(3);
  await expect(page.locator(`[data-testid=pod][data-name="${victim}"]`)).toHaveCount(0);
  expect((await readPods(page, 'backend')).map((p) => p.name).sort()).toEqual(after);
  expect(await clockMs(page)).toBeGreaterThanOrEqual(t - 2500);
});

test('saving is explicit, links never overwrite saved work, saved scenarios open and delete', async ({
  page,
  browser,
}) => {
  // A link made elsewhere: the untouched lesson.
  const elsewhere = await browser.newContext();
  const link = await elsewhere
    .newPage()
    .then(async (p) => {
      await openApp(p);
      return shareLink(p);
    })
    .finally(() => elsewhere.close());

  await openApp(page);
  const victim = await deleteBackend(page);
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your scenarios' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Without one backend');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved as «Without one backend».');
  await expect(dialog.getByRole('list', { name: 'Saved scenarios' })).toContainText(
    'Without one backend',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect
    .poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', LESSON_KEY))
    .not.toBe('');

  // Opening the link shows the link's cluster, with the victim alive...
  await page.goto(link);
  await expect(page.locator(`[data-testid=pod][data-name="${victim}"]`)).toHaveCount(1);
  await page.waitForTimeout(2500);
  // ...and the lesson's own session is still the one without it.
  await page.goto('./');
  await expect(
    page.locator('[data-testid=pod][data-name^="backend-"][data-status=Running]'),
  ).toHaveCount(3);
  await expect(page.locator(`[data-testid=pod][data-name="${victim}"]`)).toHaveCount(0);

  // Reset brings the victim back; the saved scenario takes it away again.
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.locator(`[data-testid=pod][data-name="${victim}"]`)).toHaveCount(1);
  await page.getByRole('button', { name: 'Scenarios' }).click();
  await dialog.getByRole('button', { name: 'Open Without one backend' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator(`[data-testid=pod][data-name="${victim}"]`)).toHaveCount(0);

  await page.getByRole('button', { name: 'Scenarios' }).click();
  await dialog.getByRole('button', { name: 'Delete Without one backend' }).click();
  await expect(dialog.getByText('Nothing saved yet.')).toBeVisible();
});

const BAD_LINKS: [string, (good: string) => string, RegExp][] = [
  ['truncated', (good) => good.slice(0, good.length - 25), /incomplete/],
  [
    'corrupted',
    (good) => `${good.slice(0, 30)}${good[30] === 'Q' ? 'R' : 'Q'}${good.slice(31)}`,
    /damaged/,
  ],
  ['oversized', () => 'A'.repeat(40_000), /too big to open safely/],
  ['newer', () => 'CQAAAAAA', /newer version of kubeplay/],
  ['not a code', () => '%%%', /damaged/],
];

for (const [what, make, message] of BAD_LINKS)
  test(`a ${what} link is announced and the default lesson opens; saved work is untouched`, async ({
    page,
  }) => {
    await openApp(page);
    const link = await shareLink(page);
    const code = link.slice(link.indexOf('#s=') + 3);
    await deleteBackend(page);
    // Paused, the session is saved once more and then stays as it is.
    await pauseAndSettle(page);
    const stored = () => page.evaluate((k) => localStorage.getItem(k), LESSON_KEY);
    await page.waitForTimeout(1000);
    const kept = await stored();
    expect(kept).not.toBeNull();

    await page.goto(`./#s=${make(code)}`);
    const alert = page.getByRole('alert').filter({ hasText: message });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('The default lesson opens instead.');
    await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(6);
    await page.waitForTimeout(2500);
    expect(await stored()).toBe(kept);
  });

test('a link whose scenario does not start is announced and the default lesson opens', async ({
  page,
}) => {
  await openApp(page);
  const link = await shareLink(page);
  // Re-encode the link's payload with a broken scenario, in the page (the codec is bundled there
  // only as compiled code, so do it with the same algorithm through an import of the source).
  const { decodeShare, encodeShare } = await import('../src/app/share/codec');
  const decoded = decodeShare(link.slice(link.indexOf('#s=') + 3));
  if (!decoded.ok) throw new Error('the share link does not decode');
  const broken = encodeShare({ ...decoded.payload, scenario: 'kind: Scenario\n' });
  await page.goto(`./#s=${broken}`);
  await expect(
    page.getByRole('alert').filter({ hasText: 'The scenario in this link could not be started' }),
  ).toContainText('The default lesson opens instead.');
  await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(6);
});

test('files: a bad scenario file is refused with an alert and changes nothing; a good one opens; exports', async ({
  page,
}) => {
  await openApp(page);
  const before = (await readPods(page, 'backend')).map((p) => p.name).sort();
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your scenarios' });
  const input = dialog.getByLabel('Import scenario…', { exact: true }).and(page.locator('input'));

  await input.setInputFiles({
    name: 'broken.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from('apiVersion: kubeplay.dev/v1\nkind: Scenario\nmetadata: {}\n'),
  });
  await expect(dialog.getByRole('alert')).toContainText('broken.yaml could not be opened');
  await expect(dialog.getByRole('alert')).toContainText('metadata.name');
  expect((await readPods(page, 'backend')).map((p) => p.name).sort()).toEqual(before);

  // Export the scenario and the manifests.
  const [scenarioFile] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export scenario' }).click(),
  ]);
  expect(scenarioFile.suggestedFilename()).toBe('seed-services.scenario.yaml');
  const scenarioText = await streamText(await scenarioFile.createReadStream());
  expect(scenarioText).toContain('kind: Scenario');
  expect(scenarioText).toContain('Exported from kubeplay');
  const [manifestsFile] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export manifests' }).click(),
  ]);
  expect(manifestsFile.suggestedFilename()).toBe('seed-services-manifests.yaml');
  const manifests = await streamText(await manifestsFile.createReadStream());
  expect(manifests).toContain('kubectl apply -f seed-services-manifests.yaml');
  expect(manifests).toContain('kind: Deployment');
  expect(manifests).not.toContain('kind: Scenario');

  // A good file: five web pods.
  await input.setInputFiles({
    name: 'five.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(FIVE_REPLICAS),
  });
  await expect(dialog).toHaveCount(0);
  await expect(
    page.locator('[data-testid=pod][data-name^="web-"][data-status=Running]'),
  ).toHaveCount(5);
  await expect(page.locator('[data-testid=pod][data-name^="backend-"]')).toHaveCount(0);
});

test('an exported scenario replays the deletion from its timeline when imported', async ({
  page,
}) => {
  await openApp(page);
  const victim = await deleteBackend(page);
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your scenarios' });
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export scenario' }).click(),
  ]);
  const text = await streamText(await file.createReadStream());
  expect(text).toContain(`run: kubectl delete pod ${victim}`);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.locator(`[data-testid=pod][data-name="${victim}"]`)).toHaveCount(1);
  await page.getByRole('button', { name: 'Scenarios' }).click();
  await dialog
    .getByLabel('Import scenario…', { exact: true })
    .and(page.locator('input'))
    .setInputFiles({
      name: 'exported.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(text),
    });
  await expect(dialog).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  // Same scenario, same seed: the same pod exists until its timeline entry deletes it.
  await expect(page.locator(`[data-testid=pod][data-name="${victim}"]`)).toHaveCount(0, {
    timeout: 30_000,
  });
});

test('corrupted local storage is ignored with a notice; the lesson opens', async ({ page }) => {
  await page.addInitScript((key) => {
    localStorage.setItem(key, '{"v":1,"code":"AQ');
    localStorage.setItem('kubeplay:saved', '[not json');
  }, LESSON_KEY);
  await openApp(page);
  await expect(
    page.getByRole('alert').filter({ hasText: 'could not be read, so it was ignored' }),
  ).toHaveCount(1);
  await page.getByRole('button', { name: 'Scenarios' }).click();
  await expect(page.getByRole('dialog').getByText('Nothing saved yet.')).toBeVisible();
});

test('a session too big for a link is offered as a file instead', async ({ page }) => {
  await openApp(page);
  // Random text hardly compresses: a link of about 12,000 characters.
  const noise = Array.from({ length: 150 }, () => `  # ${randomBytes(60).toString('base64')}`).join(
    '\n',
  );
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const files = page.getByRole('dialog', { name: 'Your scenarios' });
  await files
    .getByLabel('Import scenario…', { exact: true })
    .and(page.locator('input'))
    .setInputFiles({
      name: 'big.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(FIVE_REPLICAS.replace('manifests: |\n', `manifests: |\n${noise}\n`)),
    });
  await expect(page.locator('[data-testid=pod][data-name^="web-"]')).toHaveCount(5);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this cluster' });
  await expect(dialog).toContainText(/too big for a link \(\d[\d,]* characters\)/);
  await expect(dialog.getByRole('textbox', { name: 'Share link' })).toHaveCount(0);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download scenario' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('five-replicas.scenario.yaml');
});

test('the Share, Embed and Scenarios dialogs: axe-clean, Escape closes them, focus comes back', async ({
  page,
}) => {
  await openApp(page);
  const dialogs: [string, string][] = [
    ['Share', 'Share this cluster'],
    ['Embed', 'Embed in a web page'],
    ['Scenarios', 'Your scenarios'],
  ];
  for (const [button, title] of dialogs) {
    const opener = page.getByRole('button', { name: button, exact: true });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('status').filter({ hasText: 'Preparing' })).toHaveCount(0);
    const result = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      title,
    ).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
  }
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const FIVE_REPLICAS = `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata:
  name: five-replicas
cluster:
  nodes: 2
manifests: |
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 5
    selector:
      matchLabels: { app: web }
    template:
      metadata:
        labels: { app: web }
      spec:
        containers:
          - name: web
            image: nginx:1.27
            ports:
              - containerPort: 80
`;
