// Frame timing: requestAnimationFrame intervals and the renderer main thread's busy share (Chrome
// DevTools Protocol `TaskDuration`) while a page animates, plus how many packets were in flight.
// Busy is wall time spent in tasks, so it grows when other processes take the cores; the CPU
// shares (`ThreadTime`, `ProcessTime`) count only CPU time the page really used, for comparison.
import type { Page } from '@playwright/test';
import { median, quantile, round } from './harness';
import { evaluate } from './pageScript';

/** One sampling window. */
export interface FrameSample {
  p95FrameMs: number | null;
  medianFrameMs: number | null;
  /** Main-thread task time over wall time, 0…1 (above 1 cannot happen on one thread). */
  mainThreadBusy: number;
  /** Main-thread CPU time over wall time, 0…1: busy without the time other processes took. */
  mainThreadCpu: number;
  /** The renderer process's CPU time over wall time (engine worker and compositor included). */
  rendererCpu: number;
  /** Median of samples taken every 30 frames. */
  packetsInFlight: number | null;
  /** How packets are drawn: on the canvas layer, or as DOM dots. */
  packetsAs: 'canvas' | 'dom';
  pods: number;
}

/** Samples `page` for `seconds`: frame intervals, busy share, packets in flight. */
export async function sampleFrames(page: Page, seconds: number): Promise<FrameSample> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const cpuSeconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return {
      task: value('TaskDuration'),
      thread: value('ThreadTime'),
      process: value('ProcessTime'),
    };
  };
  const before = await cpuSeconds();
  const wallBefore = Date.now();
  const sample = await evaluate(
    page,
    (ms) =>
      new Promise<{ intervals: number[]; packets: number[] }>((resolve) => {
        const intervals: number[] = [];
        const packets: number[] = [];
        const inFlight = () => {
          const canvas = document.querySelector<HTMLElement>('[data-testid=packet-canvas]');
          return canvas
            ? Number(canvas.dataset.inFlight ?? 0)
            : document.querySelectorAll('[data-testid=packet][data-phase=moving]').length;
        };
        let last = performance.now();
        const end = last + ms;
        const tick = (t: number) => {
          intervals.push(t - last);
          last = t;
          if (intervals.length % 30 === 0) packets.push(inFlight());
          if (t < end) requestAnimationFrame(tick);
          else resolve({ intervals, packets });
        };
        requestAnimationFrame(tick);
      }),
    seconds * 1000,
  );
  const after = await cpuSeconds();
  const wall = (Date.now() - wallBefore) / 1000;
  const share = (k: keyof typeof after) => round((after[k] - before[k]) / wall, 3) ?? 0;
  await cdp.detach();
  return {
    p95FrameMs: round(quantile(sample.intervals, 0.95), 1),
    medianFrameMs: round(median(sample.intervals), 1),
    mainThreadBusy: share('task'),
    mainThreadCpu: share('thread'),
    rendererCpu: share('process'),
    packetsInFlight: median(sample.packets),
    packetsAs: (await page.locator('[data-testid=packet-canvas]').count()) > 0 ? 'canvas' : 'dom',
    pods: await page.locator('[data-testid=pod]').count(),
  };
}

/** Several windows summed up: the median of each number, with the windows kept as `runs`. */
export function medianOfSamples(samples: FrameSample[]): FrameSample & { runs: FrameSample[] } {
  const m = (pick: (s: FrameSample) => number | null, digits: number) =>
    round(median(samples.map(pick).filter((v): v is number => v !== null)), digits);
  return {
    p95FrameMs: m((s) => s.p95FrameMs, 1),
    medianFrameMs: m((s) => s.medianFrameMs, 1),
    mainThreadBusy: m((s) => s.mainThreadBusy, 3) ?? 0,
    mainThreadCpu: m((s) => s.mainThreadCpu, 3) ?? 0,
    rendererCpu: m((s) => s.rendererCpu, 3) ?? 0,
    packetsInFlight: m((s) => s.packetsInFlight, 0),
    packetsAs: samples[0]?.packetsAs ?? 'dom',
    pods: m((s) => s.pods, 0) ?? 0,
    runs: samples,
  };
}

/**
 * The machine's own noise: the same window on an empty page (about 16.7 ms frames and a busy
 * share near 0 on an idle machine). Read the other numbers against it.
 */
export async function sampleEmptyPage(page: Page, seconds: number): Promise<FrameSample> {
  await page.setContent('<!doctype html><title>reference</title><p>reference</p>');
  return sampleFrames(page, seconds);
}
