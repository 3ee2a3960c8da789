// Canvas benchmarks in headless Chromium against the production build (`vite preview` on its own
// port): frame intervals and main-thread busy time with 50 pods and ~200 packets in flight, in
// both views; and input latency with 500 pods (aggregate density, packets on a canvas layer).
// Prints one JSON object. Run after `npx vite build`: `npx tsx bench/canvas.bench.ts`
// (KUBEPLAY_BENCH_PORT, KUBEPLAY_BENCH_OUTDIR to measure another build).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { encodeShare } from '../src/app/share/codec';

const PORT = Number(process.env.KUBEPLAY_BENCH_PORT ?? 4293);
const BASE = `http://localhost:${PORT}/`;

async function startPreview(): Promise<() => void> {
  const outDir = process.env.KUBEPLAY_BENCH_OUTDIR;
  const args = ['vite', 'preview', '--port', String(PORT), '--strictPort'];
  if (outDir) args.push('--outDir', outDir);
  const proc = spawn('npx', args, {
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

function scenario(backends: number, clients: number, nodes: number, rps: number): string {
  const dep = (name: string, n: number, port: boolean) => `  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ${name}}
  spec:
    replicas: ${n}
    selector: {matchLabels: {app: ${name}}}
    template:
      metadata: {labels: {app: ${name}}}
      spec: {containers: [{name: ${name}, image: "hashicorp/http-echo:1.0"${port ? ', ports: [{containerPort: 8080}]' : ''}}]}`;
  return `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata: {name: canvas-bench}
cluster: {nodes: ${nodes}, seed: 3}
manifests: |
${dep('backend', backends, true)}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: backend-service}
  spec: {selector: {app: backend}, ports: [{port: 80, targetPort: 8080}]}
  ---
${dep('frontend', clients, false)}
traffic:
  - {from: app=frontend, url: "http://backend-service", rps: ${rps}}
`;
}

async function open(browser: Browser, yaml: string, mode: 'concept' | 'dataplane', at: number) {
  const code = encodeShare({
    v: 1,
    scenario: yaml,
    log: [],
    at,
    view: { mode, speed: 1, playing: true },
  });
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 720 } })
  ).newPage();
  // tsx keeps function names with a helper the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(`${BASE}?view=${mode}#s=${code}`);
  await page.waitForSelector('[data-testid=pod][data-status=Running]', { timeout: 120_000 });
  await page.waitForTimeout(3000);
  return page;
}

/** rAF intervals (p95, median) and the main thread's busy share over `seconds`. */
async function frames(page: Page, seconds: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = (m: { metrics: { name: string; value: number }[] }, name: string) =>
    m.metrics.find((x) => x.name === name)?.value ?? 0;
  const before = await cdp.send('Performance.getMetrics');
  const sample = await page.evaluate(
    (ms) =>
      new Promise<{ intervals: number[]; packets: number[] }>((resolve) => {
        const intervals: number[] = [];
        const packets: number[] = [];
        let last = performance.now();
        const end = last + ms;
        const tick = (t: number) => {
          intervals.push(t - last);
          last = t;
          if (intervals.length % 30 === 0) {
            const canvas = document.querySelector<HTMLElement>('[data-testid=packet-canvas]');
            packets.push(
              canvas
                ? Number(canvas.dataset.inFlight ?? 0)
                : document.querySelectorAll('[data-testid=packet][data-phase=moving]').length,
            );
          }
          if (t < end) requestAnimationFrame(tick);
          else resolve({ intervals, packets });
        };
        requestAnimationFrame(tick);
      }),
    seconds * 1000,
  );
  const after = await cdp.send('Performance.getMetrics');
  const sorted = [...sample.intervals].sort((a, b) => a - b);
  const q = (p: number) => +(sorted[Math.floor(sorted.length * p)] ?? 0).toFixed(1);
  const inFlight = [...sample.packets].sort((a, b) => a - b);
  return {
    p95FrameMs: q(0.95),
    medianFrameMs: q(0.5),
    mainThreadBusy: +(
      (metric(after, 'TaskDuration') - metric(before, 'TaskDuration')) /
      seconds
    ).toFixed(3),
    packetsInFlightMedian: inFlight[Math.floor(inFlight.length / 2)] ?? 0,
    packetsAs: (await page.locator('[data-testid=packet-canvas]').count()) > 0 ? 'canvas' : 'dom',
    pods: await page.locator('[data-testid=pod]').count(),
  };
}

/**
 * Input latency: from a click to the next paint that shows its effect, as the Event Timing API
 * measures it (duration of the click's event entry), plus the wall time until the change is in
 * the DOM as Playwright sees it.
 */
async function inputLatency(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __events: number[] };
    w.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === 'click' || e.name === 'pointerup' || e.name === 'keydown')
          w.__events.push(e.duration);
    }).observe({
      type: 'event',
      durationThreshold: 16,
      buffered: false,
    } as PerformanceObserverInit);
  });
  const wall: number[] = [];
  for (let i = 0; i < 5; i++) {
    const button = page.getByRole('button', { name: /^(Pause|Play)$/ });
    const name = await button.innerText();
    const t0 = Date.now();
    await button.click();
    await page.waitForFunction(
      (n) => ![...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === n),
      name,
    );
    wall.push(Date.now() - t0);
    const cell = page.locator('[data-testid=pod]').nth(7 + i * 13);
    const t1 = Date.now();
    await cell.click();
    await page.getByTestId('inspector').waitFor();
    wall.push(Date.now() - t1);
  }
  const events = await page.evaluate(() => (window as unknown as { __events: number[] }).__events);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? null;
  return {
    eventTimingMedianMs: med(events),
    eventTimingMaxMs: events.length ? Math.max(...events) : null,
    eventsOver16ms: events.length,
    clickToDomMedianMs: med(wall),
  };
}

async function main() {
  const stop = await startPreview();
  const system = '/usr/bin/chromium';
  const browser = await chromium.launch(
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
  const out: Record<string, unknown> = {};
  try {
    // The machine's own noise: an empty page's frames and busy time (should be ~16.7 ms, ~0).
    const blank = await (await browser.newContext()).newPage();
    await blank.addInitScript('window.__name = (f) => f');
    await blank.setContent('<!doctype html><title>reference</title><p>reference</p>');
    await blank.evaluate('window.__name = (f) => f');
    const ref = await frames(blank, 4);
    out.reference = { p95FrameMs: ref.p95FrameMs, mainThreadBusy: ref.mainThreadBusy };
    await blank.context().close();
    const p50 = scenario(40, 10, 8, 25);
    for (const mode of ['concept', 'dataplane'] as const) {
      const page = await open(browser, p50, mode, 20_000);
      out[`pods50_${mode}`] = await frames(page, 6);
      await page.context().close();
    }
    const page = await open(browser, scenario(480, 20, 20, 2), 'dataplane', 40_000);
    out.pods500 = { ...(await frames(page, 5)), ...(await inputLatency(page)) };
  } finally {
    await browser.close();
    stop();
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

void main();
