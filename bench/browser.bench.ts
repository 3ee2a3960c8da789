// Browser benchmarks in headless Chromium against the bench's production build (`vite preview` on
// the bench's own port, see bench/browser/harness.ts): cold load to the first pod, editor ready,
// Apply to canvas, frame timing with 50 pods and ~200 packets in flight (both views, against an
// empty page as the machine's reference), and input latency with ~500 pods. Each number is the
// median of several runs. Prints one JSON object (keys in bench/README.md); a group that fails is
// reported as `{ "error": … }` and the others still run.
//
// Run through `npm run bench -- build browser` (scripts/bench.mjs), or after a build alone, with
// some groups only: `npx tsx bench/browser.bench.ts frames50 pods500`. Groups: load, apply,
// frames50, pods500. Environment: KUBEPLAY_BENCH_PORT, KUBEPLAY_BENCH_OUTDIR (another build).
import { loadavg } from 'node:os';
import type { Browser } from '@playwright/test';
import { medianOfSamples, sampleEmptyPage, sampleFrames, type FrameSample } from './browser/frames';
import { freshPage, launchChromium, median, round, startPreview } from './browser/harness';
import { playPauseLatency, podToInspectorLatency } from './browser/input';
import { applyToCanvas, coldLoads } from './browser/load';
import { FIFTY_PODS, FIVE_HUNDRED_PODS, openLoad } from './browser/scenario';

/** Runs per measure (README: cold load is the median of 5 fresh contexts). */
const RUNS = { coldLoads: 5, applies: 5, frames50: 3, pods500: 3 } as const;
const FRAME_SECONDS = 5;

type Group = 'load' | 'apply' | 'frames50' | 'pods500';
const GROUPS: readonly Group[] = ['load', 'apply', 'frames50', 'pods500'];

async function frames50(browser: Browser) {
  const reference: FrameSample[] = [];
  const byView = { concept: [] as FrameSample[], dataplane: [] as FrameSample[] };
  for (let run = 0; run < RUNS.frames50; run++) {
    const empty = await freshPage(browser);
    reference.push(await sampleEmptyPage(empty, 3));
    await empty.context().close();
    for (const view of ['concept', 'dataplane'] as const) {
      const page = await openLoad(browser, FIFTY_PODS, view, 20_000);
      byView[view].push(await sampleFrames(page, FRAME_SECONDS));
      await page.context().close();
    }
  }
  const ref = medianOfSamples(reference);
  return {
    frames50Pods: { view: 'concept', ...medianOfSamples(byView.concept) },
    frames50PodsDataplane: { view: 'dataplane', ...medianOfSamples(byView.dataplane) },
    reference: {
      p95FrameMs: ref.p95FrameMs,
      mainThreadBusy: ref.mainThreadBusy,
      mainThreadCpu: ref.mainThreadCpu,
      runs: ref.runs.map((r) => ({ p95FrameMs: r.p95FrameMs, mainThreadBusy: r.mainThreadBusy })),
    },
  };
}

async function pods500(browser: Browser) {
  const frames: FrameSample[] = [];
  const playPause: number[] = [];
  const inspector: number[] = [];
  for (let run = 0; run < RUNS.pods500; run++) {
    const page = await openLoad(browser, FIVE_HUNDRED_PODS, 'dataplane', 40_000);
    frames.push(await sampleFrames(page, 4));
    playPause.push(...(await playPauseLatency(page, 6)).clicks);
    inspector.push(...(await podToInspectorLatency(page, 5)).clicks);
    await page.context().close();
  }
  const f = medianOfSamples(frames);
  return {
    pods500: {
      // Click Pause/Play → the paint that shows the button's new label, median of every click.
      inputLatencyMs: round(median(playPause), 1),
      inputLatencyClicksMs: playPause,
      podToInspectorMs: round(median(inspector), 1),
      podToInspectorClicksMs: inspector,
      pods: f.pods,
      p95FrameMs: f.p95FrameMs,
      medianFrameMs: f.medianFrameMs,
      mainThreadBusy: f.mainThreadBusy,
      mainThreadCpu: f.mainThreadCpu,
      rendererCpu: f.rendererCpu,
      packetsInFlight: f.packetsInFlight,
      packetsAs: f.packetsAs,
      frameRuns: f.runs,
    },
  };
}

async function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((g) => !GROUPS.includes(g as Group));
  if (unknown.length) throw new Error(`Unknown group ${unknown.join(', ')}: ${GROUPS.join(', ')}`);
  const want = (g: Group) => asked.length === 0 || asked.includes(g);
  const out: Record<string, unknown> = { loadAverageBefore: loadavg().map((x) => +x.toFixed(1)) };
  const stop = await startPreview();
  const browser = await launchChromium();
  const group = async (name: Group, run: () => Promise<Record<string, unknown>>) => {
    if (!want(name)) return;
    console.error(`  browser: ${name}…`);
    try {
      Object.assign(out, await run());
    } catch (e) {
      console.error(`  browser: ${name} failed:`, e);
      out[name] = { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
    }
  };
  try {
    await group('load', () => coldLoads(browser, RUNS.coldLoads));
    await group('apply', async () => ({
      applyToCanvas: await applyToCanvas(browser, RUNS.applies),
    }));
    await group('frames50', () => frames50(browser));
    await group('pods500', () => pods500(browser));
  } finally {
    await browser.close();
    stop();
  }
  out.loadAverageAfter = loadavg().map((x) => +x.toFixed(1));
  process.stdout.write(JSON.stringify(out) + '\n');
}

await main();
