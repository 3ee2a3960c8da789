// The manifests editor in the production build: Monaco loads under the page's CSP from the page's
// own origin, marks a bad line with the API server's words, Apply announces kubectl's error while
// the cluster keeps running, a fix reaches the canvas, prune deletes what left the text, and a
// reload brings the edited text back. Text is set through the model (`?test=1` hook): typing
// multi-line YAML into Monaco gets auto-indented.
import { expect, test, type Page } from '@playwright/test';
import { clockMs, openApp, pods, watchProblems } from './fixtures';

interface Marker {
  owner: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

interface EditorHook {
  getValue(): string;
  setValue(text: string): void;
  markers(): Marker[];
  focus(): void;
}

/** The hook's type, for casts inside page functions (which cannot close over Node helpers). */
type HookWindow = Window & { __kubeplayEditor?: EditorHook };

/** Opens the seed lesson with the test hook and waits for Monaco. */
async function openEditor(page: Page): Promise<void> {
  await openApp(page, '?test=1');
  await page.waitForFunction(() => (window as HookWindow).__kubeplayEditor !== undefined, null, {
    timeout: 20_000,
  });
  await expect(page.locator('[data-testid=manifests-editor] .monaco-editor')).toBeVisible();
}

const getText = (page: Page) =>
  page.evaluate(() => (window as HookWindow).__kubeplayEditor?.getValue() ?? '');
const setText = (page: Page, text: string) =>
  page.evaluate((t) => (window as HookWindow).__kubeplayEditor?.setValue(t), text);
const markers = (page: Page) =>
  page.evaluate(() => (window as HookWindow).__kubeplayEditor?.markers() ?? []);

/** 1-based number of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

/** The seed manifests with the Service's `port: 80` set to `port`. */
function withServicePort(text: string, port: number): string {
  return text.replace(/(\n {4}- )port: 80\n/, `$1port: ${port}\n`);
}

test('Monaco loads offline-clean: no errors, no CSP violations, no foreign hosts', async ({
  page,
  context,
  baseURL,
}) => {
  const { problems, foreign } = watchProblems(page, context, baseURL);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });

  await openEditor(page);
  const editor = page.getByRole('textbox', { name: 'Manifests editor' });
  await expect(editor).toHaveCount(1);
  expect(await getText(page)).toContain('name: backend-service');
  // The YAML worker runs: a misspelt field gets exactly one schema warning.
  const text = await getText(page);
  await setText(page, text.replace('targetPort: 8080', 'targetprt: 8080'));
  await expect
    .poll(async () => (await markers(page)).filter((m) => m.owner === 'yaml'))
    .toEqual([
      {
        owner: 'yaml',
        severity: 'warning',
        message: 'Property targetprt is not allowed.',
        line: lineOf(text, 'targetPort: 8080'),
        column: 7,
      },
    ]);
  // Keyboard users can leave the editor: the hint names the Tab-trap toggle.
  await expect(page.getByText(/Ctrl\+M: Tab key moves focus out/)).toBeVisible();
  await editor.focus();
  await page.keyboard.press('Control+m');
  await page.keyboard.press('Tab');
  expect(
    await page.evaluate(() => !!document.activeElement?.closest('[data-testid=manifests-editor]')),
  ).toBe(false);

  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
});

test('an invalid port is marked on its line and Apply announces the API server while the cluster runs on', async ({
  page,
}) => {
  await openEditor(page);
  const seed = await getText(page);
  const bad = withServicePort(seed, 0);
  const line = lineOf(bad, 'port: 0');
  expect(line).toBeGreaterThan(0);
  await setText(page, bad);

  const message = 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive';
  // The live dry run marks the line while typing…
  await expect
    .poll(async () => (await markers(page)).filter((m) => m.owner === 'kube-apiserver'))
    .toEqual([{ owner: 'kube-apiserver', severity: 'error', message, line, column: 7 }]);

  // …and Apply fails with kubectl's text, changing nothing.
  const before = await clockMs(page);
  await page.getByRole('button', { name: 'Apply' }).click();
  const alert = page.getByRole('region', { name: 'Manifests' }).getByRole('alert');
  await expect(alert).toContainText(`The Service "backend-service" is invalid: ${message}`);
  // The problem list jumps to the line, where the squiggle is drawn.
  await page.getByRole('button', { name: `Line ${line}, column 7: ${message}` }).click();
  await expect(page.locator('[data-testid=manifests-editor] .squiggly-error')).toHaveCount(1);
  expect(await getText(page)).toBe(bad);
  await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(6);
  await expect.poll(() => clockMs(page)).toBeGreaterThan(before + 1000);
});

test('a fixed manifest applied with Ctrl+Enter reaches the canvas: 4 backend pods', async ({
  page,
}) => {
  await openEditor(page);
  const seed = await getText(page);
  await setText(page, withServicePort(seed, 0));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('region', { name: 'Manifests' }).getByRole('alert')).toBeVisible();

  await setText(page, seed.replace('replicas: 3', 'replicas: 4'));
  await page.getByRole('textbox', { name: 'Manifests editor' }).focus();
  await page.keyboard.press('Control+Enter');
  const status = page.getByRole('region', { name: 'Manifests' }).getByRole('status');
  await expect(status).toContainText('deployment.apps/backend configured');
  await expect(status).toContainText('service/backend-service unchanged');
  await expect(page.getByRole('region', { name: 'Manifests' }).getByRole('alert')).toHaveCount(0);
  await expect(pods(page, 'backend').and(page.locator('[data-status=Running]'))).toHaveCount(4, {
    timeout: 15_000,
  });
  // Ctrl+Enter applied; it did not insert a line.
  expect(await getText(page)).toBe(seed.replace('replicas: 3', 'replicas: 4'));
});

test('prune deletes the objects removed from the editor, only when asked', async ({ page }) => {
  await openEditor(page);
  const seed = await getText(page);
  const docs = seed.split(/^---\n/m);
  const withoutLegacy = docs.filter((d) => !d.includes('name: legacy-client')).join('---\n');
  await setText(page, withoutLegacy);

  const region = page.getByRole('region', { name: 'Manifests' });
  await region.getByRole('button', { name: 'Apply' }).click();
  await expect(region.getByRole('status')).toContainText('deployment.apps/backend unchanged');
  await expect(region.getByRole('status')).not.toContainText('pruned');
  await expect(pods(page, 'legacy-client')).toHaveCount(1);

  await region
    .getByRole('checkbox', { name: 'Delete objects removed from the editor (prune)' })
    .check();
  await region.getByRole('button', { name: 'Apply' }).click();
  await expect(region.getByRole('status')).toContainText('deployment.apps/legacy-client pruned');
  await expect(pods(page, 'legacy-client')).toHaveCount(0, { timeout: 15_000 });
  await expect(pods(page, 'backend')).toHaveCount(3);
});

test('a reload brings the edited text back, and undo still works', async ({ page }) => {
  await openEditor(page);
  const seed = await getText(page);
  const edited = `# my notes: scale to 5\n${seed.replace('replicas: 3', 'replicas: 5')}`;
  await setText(page, edited);
  await page.getByRole('textbox', { name: 'Manifests editor' }).focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => getText(page)).toBe(seed);
  await page.keyboard.press('Control+y');
  await expect.poll(() => getText(page)).toBe(edited);

  await page.reload();
  await page.waitForFunction(() => (window as HookWindow).__kubeplayEditor !== undefined, null, {
    timeout: 20_000,
  });
  await expect.poll(() => getText(page)).toBe(edited);
});

test('typing before Monaco arrives: the text is kept and the caret moves into Monaco', async ({
  page,
}) => {
  // Hold Monaco's chunk until the learner has started typing in the plain field.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/MonacoEditor-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./?test=1');
  const plain = page.locator('textarea[aria-label="Manifests editor"]');
  await expect(plain).toBeVisible();
  await plain.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# mine\n');
  release();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(() => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')))
    .toBe(true);
  await page.keyboard.type('zz');
  await expect
    .poll(() => page.evaluate(() => window.__kubeplayEditor?.getValue() ?? ''))
    .toMatch(/^# mine\nzz/);
});
