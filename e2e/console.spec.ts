// The kubectl console (DESIGN.md §5: textbox "kubectl", role=log "kubectl output"): kubectl's
// own output with its columns intact, commands that change the canvas, exec into a pod, history,
// tab completion, errors, watches, keyboard-only use and Spanish hints.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, readPods } from './fixtures';

const prompt = (page: Page) => page.getByRole('textbox', { name: 'kubectl' });
const output = (page: Page) => page.getByRole('log', { name: 'kubectl output' });

/** Runs a line in the console and waits until its entry has finished printing. */
async function run(page: Page, line: string): Promise<void> {
  const box = prompt(page);
  await box.fill(line);
  await box.press('Enter');
  await expect(box).toHaveValue('');
  await expect(output(page).getByText('Running…')).toHaveCount(0);
}

/** The text of the last command's output block(s). */
async function lastOutput(page: Page): Promise<string> {
  const entry = output(page).locator('.console-entry').last();
  return (await entry.locator('.console-entry__out').innerText()).replace(/\n+$/, '');
}

test('get pods -o wide prints kubectl’s table, columns aligned, with the pods’ IPs', async ({
  page,
}) => {
  await openApp(page);
  await run(page, 'kubectl get pods -o wide');
  const text = await lastOutput(page);
  const lines = text.split('\n');
  const header = lines[0] ?? '';
  expect(header).toMatch(
    /^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES$/,
  );
  const ipCol = header.indexOf(' IP ') + 1;
  const nodeCol = header.indexOf('NODE ');
  const pods = [...(await readPods(page, 'backend')), ...(await readPods(page, 'frontend'))];
  expect(pods.length).toBeGreaterThanOrEqual(5);
  for (const pod of pods) {
    const row = lines.find((l) => l.startsWith(`${pod.name} `));
    expect(row, pod.name).toBeDefined();
    // Columns exactly where kubectl's tabwriter puts them (three spaces of padding).
    expect(row?.slice(ipCol, ipCol + pod.ip.length)).toBe(pod.ip);
    expect(row?.slice(nodeCol).startsWith(pod.node)).toBe(true);
  }
  // Monospace and unwrapped, as a terminal shows it.
  const pre = output(page).locator('.console-text').first();
  await expect(pre).toHaveCSS('white-space', 'pre');
  expect(await pre.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
});

test('kubectl delete pod removes it from the canvas and the ReplicaSet replaces it', async ({
  page,
}) => {
  await openApp(page);
  const victim = (await readPods(page, 'backend'))[0]?.name ?? '';
  // `kubectl` may be left out.
  await run(page, `delete pod ${victim}`);
  expect(await lastOutput(page)).toBe(`pod "${victim}" deleted`);
  await expect(page.locator(`[data-testid=pod][data-name="${victim}"]`)).toHaveCount(0, {
    timeout: 20_000,
  });
  await expect(
    page.locator('[data-testid=pod][data-name^="backend-"][data-status=Running]'),
  ).toHaveCount(3, { timeout: 20_000 });
});

test('kubectl exec into a frontend pod: curl http://backend-service answers with a backend pod', async ({
  page,
}) => {
  await openApp(page);
  const frontend = (await readPods(page, 'frontend'))[0]?.name ?? '';
  const backends = (await readPods(page, 'backend')).map((p) => p.name);
  await run(page, `kubectl exec ${frontend} -- curl http://backend-service`);
  const text = await lastOutput(page);
  expect(backends.some((b) => text.includes(b))).toBe(true);
});

test('history: ↑ and ↓ walk back through earlier commands, also after a reload', async ({
  page,
}) => {
  await openApp(page);
  await run(page, 'get svc');
  await run(page, 'kubectl get nodes');
  const box = prompt(page);
  await box.fill('draft');
  await box.press('ArrowUp');
  await expect(box).toHaveValue('kubectl get nodes');
  await box.press('ArrowUp');
  await expect(box).toHaveValue('get svc');
  await box.press('ArrowDown');
  await box.press('ArrowDown');
  await expect(box).toHaveValue('draft');
  await page.reload();
  await prompt(page).press('ArrowUp');
  await expect(prompt(page)).toHaveValue('kubectl get nodes');
});

test('tab completion: commands, resource types and names from the live cluster, announced', async ({
  page,
}) => {
  await openApp(page);
  const box = prompt(page);
  await box.fill('kubectl desc');
  await box.press('Tab');
  await expect(box).toHaveValue('kubectl describe ');
  await expect(box).toBeFocused();

  await box.fill('kubectl get po');
  await box.press('Tab');
  const list = page.getByRole('list', { name: 'Completions' });
  await expect(list.getByRole('button')).toHaveText(['po', 'pod', 'pods']);
  await expect(
    page.getByRole('status').filter({ hasText: '3 completions: po, pod, pods' }),
  ).toHaveCount(1);

  const backends = (await readPods(page, 'backend')).map((p) => p.name).sort();
  await box.fill('delete pod back');
  await box.press('Tab');
  // Several backends: the common prefix, then Tab walks through the names.
  await expect(box).toHaveValue(/^delete pod backend-[a-z0-9]+-$/);
  await box.press('Tab');
  await expect(box).toHaveValue(`delete pod ${backends[0]}`);
  await box.press('Tab');
  await expect(box).toHaveValue(`delete pod ${backends[1]}`);
  await box.press('Escape');
  await expect(list).toHaveCount(0);

  await box.fill('chaos fail-n');
  await box.press('Tab');
  await expect(box).toHaveValue('chaos fail-node ');
});

test('an unknown command prints kubectl’s error on stderr with its exit code', async ({ page }) => {
  await openApp(page);
  await run(page, 'kubectl foo');
  const entry = output(page).locator('.console-entry').last();
  await expect(entry.locator('.console-stderr')).toContainText(
    'error: unknown command "foo" for "kubectl"',
  );
  await expect(entry.locator('.console-stderr')).toContainText('stderr');
  await expect(entry.getByText('exit code 1')).toBeVisible();
  // Text, never markup.
  await run(page, 'kubectl get pod "<b>x<img src=x>"');
  await expect(output(page).locator('b, img')).toHaveCount(0);
  await expect(output(page)).toContainText('pods "<b>x<img src=x>" not found');
});

test('get pods -w streams changes until Stop', async ({ page }) => {
  await openApp(page);
  await run(page, 'kubectl get pods -l app=backend -w');
  await expect(output(page).getByText('Watching for changes')).toBeVisible();
  const victim = (await readPods(page, 'backend'))[1]?.name ?? '';
  await page.locator(`[data-testid=pod][data-name="${victim}"]`).click();
  await page.getByRole('button', { name: 'Delete pod' }).click();
  const entry = output(page).locator('.console-entry').last();
  await expect(entry).toContainText(new RegExp(`${victim} +1/1 +Terminating`), {
    timeout: 10_000,
  });
  // The replacement appears as new rows.
  await expect(entry.locator('.console-entry__out')).toContainText(/Pending|ContainerCreating/, {
    timeout: 10_000,
  });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(entry.getByText('Stopped (^C).')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
});

test('keyboard only: Ctrl+` focuses the prompt; Enter, Ctrl+C and Ctrl+L work', async ({
  page,
}) => {
  await openApp(page);
  await page.keyboard.press('Control+Backquote');
  await expect(prompt(page)).toBeFocused();
  await page.keyboard.type('get deploy');
  await page.keyboard.press('Enter');
  await expect(output(page)).toContainText(/backend +3\/3 +3 +3/);
  await page.keyboard.type('get pods -w');
  await page.keyboard.press('Enter');
  await expect(output(page).getByText('Watching for changes')).toBeVisible();
  await page.keyboard.press('Control+c');
  await expect(output(page).getByText('Stopped (^C).')).toBeVisible();
  await page.keyboard.press('Control+l');
  await expect(output(page).locator('.console-entry')).toHaveCount(0);
  // Tab on an empty line leaves the console, as everywhere else.
  await page.keyboard.press('Tab');
  await expect(prompt(page)).not.toBeFocused();
  // The output can be hidden and shown again.
  await page.getByRole('button', { name: 'Hide output' }).press('Enter');
  await expect(output(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Show output' }).press('Enter');
  await expect(output(page)).toBeVisible();
});

test('each output has a Copy button that copies kubectl’s text', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await run(page, 'kubectl get svc backend-service');
  await page
    .getByRole('button', { name: 'Copy the output of kubectl get svc backend-service' })
    .click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\nbackend-service /);
});

test('Spanish: the console’s own hints are Spanish, kubectl’s output stays as kubectl prints it', async ({
  page,
}) => {
  await openApp(page, '?lang=es');
  const box = page.getByRole('textbox', { name: 'kubectl' });
  await expect(box).toHaveAttribute('placeholder', 'Escribe una orden, p. ej. get pods -o wide');
  await box.fill('get nodes');
  await box.press('Enter');
  const log = page.getByRole('log', { name: 'Salida de kubectl' });
  await expect(log).toContainText(/NAME +STATUS +ROLES +AGE +VERSION/);
  await expect(page.getByRole('button', { name: 'Ocultar la salida' })).toBeVisible();
  await box.fill('kubectl nada');
  await box.press('Enter');
  await expect(log).toContainText('error: unknown command "nada" for "kubectl"');
  await expect(log.getByText('código de salida 1')).toBeVisible();
});

test('no axe violations with output, stderr and a completion list on screen', async ({ page }) => {
  await openApp(page);
  await run(page, 'kubectl get endpoints');
  await run(page, 'kubectl nope');
  const box = prompt(page);
  await box.fill('kubectl get po');
  await box.press('Tab');
  await expect(page.getByRole('list', { name: 'Completions' })).toBeVisible();
  const result = await new AxeBuilder({ page }).include('.console').analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
});
