// Resilience (issue 9): a worker that dies, hangs or crashes is noticed within 2 s (role=alert),
// replaced, and the session rebuilt from the command log — the same pods, names and IPs, at the
// same virtual time, and the clock carries on. Scenarios that would explode are refused with a
// clear message while the tab stays responsive. Uses the `?test=1` hook window.__kubeplayEngine.
import { expect, test, type Page } from '@playwright/test';
import { allPods, clockMs, openApp, pauseAndSettle, readPods } from './fixtures';
import { embedError, openEmbed, postToEmbed } from './harness';

test.describe.configure({ timeout: 90_000 });

interface Seen {
  text: string;
  ms: number;
}

declare global {
  interface Window {
    __kubeplayEngine?: {
      kill(): void;
      hang(): void;
      crash(): void;
      stats(): { restarts: number; lastDetectionMs: number | null; lastRestoreMs: number | null };
    };
    __alerts?: Seen[];
    __faultAt?: number;
  }
}

/** Every pod on the canvas as `name ip node`, sorted. */
async function podSet(page: Page): Promise<string[]> {
  return (await allPods(page)).map((p) => `${p.name} ${p.ip} ${p.node}`).sort();
}

/** Records when each role=alert text first appears, relative to the injected fault. */
async function watchAlerts(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__alerts = [];
    const note = () => {
      for (const a of document.querySelectorAll('[role=alert]')) {
        const text = a.textContent ?? '';
        if (text && !window.__alerts?.some((s) => s.text === text))
          window.__alerts?.push({ text, ms: performance.now() - (window.__faultAt ?? 0) });
      }
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

for (const fault of ['kill', 'hang', 'crash'] as const) {
  test(`a worker that is ${fault === 'kill' ? 'killed' : fault === 'hang' ? 'hung' : 'crashed'} is noticed within 2 s and the session comes back`, async ({
    page,
  }) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await openApp(page, '?test=1');
    // Something in the command log to replay: a pod deleted from the console.
    const victim = (await readPods(page, 'backend'))[0]?.name ?? '';
    const box = page.getByRole('textbox', { name: 'kubectl' });
    await box.fill(`kubectl delete pod ${victim}`);
    await box.press('Enter');
    await expect(
      page.locator('[data-testid=pod][data-name^="backend-"][data-status=Running]'),
    ).toHaveCount(3, { timeout: 30_000 });
    await expect(page.locator(`[data-testid=pod][data-name="${victim}"]`)).toHaveCount(0);
    const at = await pauseAndSettle(page);
    const before = await podSet(page);

    await watchAlerts(page);
    await page.evaluate((f) => {
      window.__faultAt = performance.now();
      window.__kubeplayEngine?.[f]();
    }, fault);

    await expect(page.getByRole('alert').filter({ hasText: 'session restored' })).toBeVisible({
      timeout: 10_000,
    });
    const alerts = (await page.evaluate(() => window.__alerts)) ?? [];
    const notice = alerts.find((a) => /stopped responding|crashed|restarted/.test(a.text));
    expect(notice, JSON.stringify(alerts)).toBeDefined();
    expect(notice?.ms ?? Infinity).toBeLessThan(2000);
    const stats = await page.evaluate(() => window.__kubeplayEngine?.stats());
    expect(stats?.restarts).toBe(1);
    test.info().annotations.push({
      type: 'timing',
      description: `${fault}: notice after ${Math.round(notice?.ms ?? -1)} ms, detection ${Math.round(stats?.lastDetectionMs ?? -1)} ms, restore ${Math.round(stats?.lastRestoreMs ?? -1)} ms`,
    });

    // The same cluster, at the same virtual time: nothing the learner did is lost.
    await page.waitForTimeout(1500);
    expect(await clockMs(page)).toBe(at);
    expect(await podSet(page)).toEqual(before);

    // The clock carries on, and so do commands.
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => clockMs(page)).toBeGreaterThan(at + 500);
    await box.fill('kubectl get pods');
    await box.press('Enter');
    const out = page.getByRole('log', { name: 'kubectl output' });
    await expect(out.locator('.console-entry').last()).toContainText(/NAME +READY +STATUS/);
    expect(problems).toEqual([]);
  });
}

test('a command in flight when the worker dies is refused with a clear message, not lost silently', async ({
  page,
}) => {
  await openApp(page, '?test=1');
  const box = page.getByRole('textbox', { name: 'kubectl' });
  await box.fill('kubectl scale deployment backend --replicas=4');
  // The worker hangs, then Enter: the command is queued behind the hang, in the same task.
  await page.evaluate(() => {
    window.__kubeplayEngine?.hang();
    document
      .querySelector('input[aria-label="kubectl"]')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
  const out = page.getByRole('log', { name: 'kubectl output' });
  await expect(out).toContainText('Did not run: the simulation restarted before this finished', {
    timeout: 10_000,
  });
  await expect(page.getByRole('alert').filter({ hasText: 'session restored' })).toBeVisible();
  await expect(
    page.locator('[data-testid=pod][data-name^="backend-"][data-status=Running]'),
  ).toHaveCount(3);
});

/** The page answers quickly: a frame is painted and a button click takes effect. */
async function expectResponsive(page: Page): Promise<void> {
  const ms = await page.evaluate(async () => {
    const t = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t;
  });
  expect(ms).toBeLessThan(1000);
  const play = page.getByRole('button', { name: /^(Play|Pause)$/ });
  const label = await play.textContent();
  await play.click();
  await expect(play).not.toHaveText(label ?? '');
}

const scenario = (replicas: string, extra = '') => `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata:
  name: explode
cluster:
  nodes: 2
manifests: |
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: ${replicas}
    selector:
      matchLabels:
        app: web
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
          - name: web
            image: nginx:1.27
${extra}`;

test('scenarios that would explode are refused with a clear message; the tab stays responsive', async ({
  page,
  baseURL,
}) => {
  // Through the embed API, from a parent page.
  const frame = await openEmbed(page, baseURL ?? '');
  await expect(frame.locator('[data-testid=pod]').first()).toBeVisible();

  const timeline =
    'timeline:\n' +
    Array.from({ length: 1001 }, (_, i) => `  - at: ${i}s\n    run: kubectl get pods\n`).join('');
  const bomb = `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata:
  name: bomb
a: &a ["x","x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
`;
  const big = scenario('1', `# ${'x'.repeat(1_100_000)}\n`);
  const cases: [string, RegExp][] = [
    [scenario('1000000'), /1,000,000 replicas/],
    [scenario('1') + timeline, /timeline/i],
    [big, /longer than|bytes|limit/i],
    [bomb, /alias|YAML/i],
    [scenario('1').replace('nodes: 2', 'nodes: 1000000'), /nodes/],
  ];
  for (const [text, why] of cases) {
    const t0 = Date.now();
    await postToEmbed(page, { type: 'kubeplay:load', scenario: text });
    await expect.poll(() => embedError(page), { timeout: 20_000 }).toMatch(why);
    test.info().annotations.push({ type: 'refusal', description: `${why}: ${Date.now() - t0} ms` });
    // The cluster that ran before is still there.
    await expect(frame.locator('[data-testid=pod][data-name^="backend-"]')).toHaveCount(3);
  }
  const ms = await page.evaluate(async () => {
    const t = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t;
  });
  expect(ms).toBeLessThan(1000);
});

test('a share link with a million replicas is refused with an alert and the default lesson opens', async ({
  page,
}) => {
  const { encodeShare } = await import('../src/app/share/codec');
  const code = encodeShare({
    v: 1,
    scenario: scenario('1000000'),
    log: [],
    at: 0,
    view: { mode: 'concept', speed: 1, playing: true },
  });
  await page.goto(`./#s=${code}`);
  await expect(page.getByRole('alert')).toContainText('1,000,000 replicas');
  await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(6);
  await expectResponsive(page);
});

test('a part that cannot be fetched says so, keeps the cluster, and opens on retry', async ({
  page,
}) => {
  // The connection drops for the Share dialog's chunk (prefetch and first use both fail).
  const chunk = /\/assets\/ShareDialog-[^/]+\.js$/;
  await page.route(chunk, (route) => route.abort('internetdisconnected'));
  await openApp(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(alert).toBeVisible();
  // The page is still there, the cluster still drawn.
  expect(await page.locator('[data-testid=pod]').count()).toBeGreaterThanOrEqual(6);
  // The connection is back: Try again fetches it and the dialog opens.
  await page.unroute(chunk);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('dialog', { name: 'Share this cluster' })).toBeVisible();
});
