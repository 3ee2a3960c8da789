// Browser benchmarks in headless Chromium against the production build (`vite preview`):
// cold load to the first pod drawn, editor ready, frame timing under load, input latency at scale.
// Prints one JSON object. Run through `npm run bench` (scripts/bench.mjs), which builds first.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';

const PORT = 4199;
const BASE = `http://localhost:${PORT}/`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? null;

async function startPreview(): Promise<() => void> {
  const proc = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return () => {
    try {
      process.kill(-(proc.pid ?? 0));
    } catch {
      /* already gone */
    }
  };
}

async function launch(): Promise<Browser> {
  const system = '/usr/bin/chromium';
  return chromium.launch(
    existsSync(system)
      ? {
          executablePath: system,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        }
      : {},
  );
}

/** Milliseconds from navigation start until the first `[data-testid=pod]` is in the DOM. */
async function coldLoad(
  browser: Browser,
  runs: number,
): Promise<{ medianMs: number | null; runs: number[] }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __firstPod?: number };
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-testid=pod]')) {
          w.__firstPod = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(BASE);
    await page.waitForFunction(
      () => (window as unknown as { __firstPod?: number }).__firstPod !== undefined,
      null,
      { timeout: 30_000 },
    );
    times.push(
      Math.round(
        await page.evaluate(() => (window as unknown as { __firstPod: number }).__firstPod),
      ),
    );
    await ctx.close();
  }
  return { medianMs: median(times), runs: times };
}

/** Milliseconds from navigation start until Monaco shows its lines. */
async function editorReady(
  browser: Browser,
  runs: number,
): Promise<{ medianMs: number | null; runs: number[] }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(BASE);
    try {
      await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
      times.push(Math.round(await page.evaluate(() => performance.now())));
    } catch {
      /* no Monaco on this build */
    }
    await ctx.close();
  }
  return { medianMs: median(times), runs: times };
}

/** Frame intervals (p95) and main-thread busy share over `seconds` while the page animates. */
async function frameTiming(page: Page, seconds: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await cdp.send('Performance.getMetrics');
  const intervals = await page.evaluate(
    (ms) =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let last = performance.now();
        const end = last + ms;
        const tick = (t: number) => {
          out.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(tick);
          else resolve(out);
        };
        requestAnimationFrame(tick);
      }),
    seconds * 1000,
  );
  const after = await cdp.send('Performance.getMetrics');
  const metric = (m: typeof before, name: string) =>
    m.metrics.find((x) => x.name === name)?.value ?? 0;
  const busy = (metric(after, 'TaskDuration') - metric(before, 'TaskDuration')) / seconds;
  const sorted = [...intervals].sort((a, b) => a - b);
  const packets = await page.locator('[data-testid=packet]').count();
  return {
    p95FrameMs: +(sorted[Math.floor(sorted.length * 0.95)] ?? 0).toFixed(1),
    medianFrameMs: +(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(1),
    mainThreadBusy: +busy.toFixed(3),
    packetsInFlight: packets,
    pods: await page.locator('[data-testid=pod]').count(),
  };
}

/** Opens a generated scenario through a share link made by the app's own codec, if it exists. */
async function openScenario(browser: Browser, yaml: string): Promise<Page | null> {
  let encode: ((p: unknown) => string) | null = null;
  try {
    // The codec arrives with the share feature; a variable specifier keeps this file compiling before.
    const specifier = '../src/app/share/codec';
    const codec = (await import(specifier)) as Record<string, unknown>;
    const fn = (codec.encodeShare ?? codec.encode) as ((p: unknown) => string) | undefined;
    if (fn) encode = fn;
  } catch {
    return null;
  }
  if (!encode) return null;
  const code = encode({
    v: 1,
    scenario: yaml,
    log: [],
    at: 20_000,
    view: { mode: 'concept', speed: 1, playing: true },
  });
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 720 } })
  ).newPage();
  await page.goto(`${BASE}#s=${code}`);
  await page.waitForSelector('[data-testid=pod]', { timeout: 60_000 });
  return page;
}

function loadScenario(backends: number, clients: number, nodes: number, rps: number): string {
  const manifests = `apiVersion: apps/v1
kind: Deployment
metadata: {name: backend}
spec:
  replicas: ${backends}
  selector: {matchLabels: {app: backend}}
  template:
    metadata: {labels: {app: backend}}
    spec: {containers: [{name: backend, image: "hashicorp/http-echo:1.0", ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: backend-service}
spec: {selector: {app: backend}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend}
spec:
  replicas: ${clients}
  selector: {matchLabels: {app: frontend}}
  template:
    metadata: {labels: {app: frontend}}
    spec: {containers: [{name: frontend, image: "curlimages/curl:8.11.1"}]}`;
  return `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata: {name: bench}
cluster: {nodes: ${nodes}, seed: 3}
manifests: |
${manifests.replace(/^/gm, '  ')}
traffic:
  - {from: app=frontend, url: "http://backend-service", rps: ${rps}}
`;
}

async function inputLatency(page: Page): Promise<number | null> {
  const button = page.getByRole('button', { name: /^(Pause|Play)$/ });
  if ((await button.count()) === 0) return null;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const name = await button.first().getAttribute('aria-label');
    const t0 = Date.now();
    await button.first().click();
    await page.waitForFunction((n) => !document.querySelector(`button[aria-label="${n}"]`), name, {
      timeout: 5000,
    });
    times.push(Date.now() - t0);
  }
  return median(times);
}

/** Milliseconds from clicking Apply (backend replicas +1) until the new pod is on the canvas. */
async function applyToCanvas(
  browser: Browser,
  runs: number,
): Promise<{ medianMs: number | null; runs: number[] }> {
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 720 } })
  ).newPage();
  await page.goto(`${BASE}?test=1&autoplay=1`);
  await page.waitForFunction(
    () => (window as unknown as { __kubeplayEditor?: unknown }).__kubeplayEditor !== undefined,
    null,
    { timeout: 60_000 },
  );
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const want = 4 + i;
    await page.evaluate((n) => {
      const ed = (
        window as unknown as { __kubeplayEditor: { getValue(): string; setValue(t: string): void } }
      ).__kubeplayEditor;
      ed.setValue(ed.getValue().replace(/replicas: \d+/, `replicas: ${n}`));
    }, want);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=pod][data-name^="backend-"]').length >= n,
      want,
      { timeout: 30_000 },
    );
    times.push(Date.now() - t0);
  }
  await page.context().close();
  return { medianMs: median(times), runs: times };
}

async function main() {
  const stop = await startPreview();
  const browser = await launch();
  const out: Record<string, unknown> = {};
  try {
    out.coldLoadToFirstPod = await coldLoad(browser, 5);
    out.editorReady = await editorReady(browser, 3);
    out.applyToCanvas = await applyToCanvas(browser, 5);
    const p50 = await openScenario(browser, loadScenario(40, 10, 8, 10));
    out.frames50Pods = p50
      ? await frameTiming(p50, 5)
      : { skipped: 'no share codec to load the scenario' };
    const p500 = await openScenario(browser, loadScenario(480, 20, 20, 2));
    out.pods500 = p500
      ? { ...(await frameTiming(p500, 4)), inputLatencyMs: await inputLatency(p500) }
      : { skipped: 'no share codec' };
  } finally {
    await browser.close();
    stop();
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

void main();
