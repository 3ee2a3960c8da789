// The browser benches' rig: a `vite preview` server of the bench's own build on the bench's own
// port, headless Chromium, fresh 1280×720 pages, and the statistics the results use. It measures
// nothing itself, and it never serves or measures a server it did not start.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/chromium.ts';

/**
 * The preview port: `KUBEPLAY_BENCH_PORT`, else 4293 — not Vite's 4173, which the e2e specs use
 * (`KUBEPLAY_E2E_PORT`), so a bench and a test run can share the machine.
 */
export const PORT = Number(process.env.KUBEPLAY_BENCH_PORT ?? 4293);
export const BASE = `http://localhost:${PORT}/`;

/**
 * The build measured: `KUBEPLAY_BENCH_OUTDIR`, else bench/out/dist, where scripts/bench.mjs builds
 * (not dist/, which an e2e run may be serving at the same time).
 */
export const OUT_DIR = process.env.KUBEPLAY_BENCH_OUTDIR ?? 'bench/out/dist';

/** Starts `vite preview` on {@link PORT}; resolves to a function that stops it. */
export async function startPreview(): Promise<() => void> {
  if (!existsSync(join(OUT_DIR, 'index.html')))
    throw new Error(`No build in ${OUT_DIR}: run \`npm run bench -- build\` first.`);
  if (await answers(BASE))
    throw new Error(`Port ${PORT} is taken by another server; set KUBEPLAY_BENCH_PORT.`);
  const args = ['vite', 'preview', '--port', String(PORT), '--strictPort', '--outDir', OUT_DIR];
  const proc = spawn('npx', args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited = false;
  proc.on('exit', () => (exited = true));
  const stop = () => {
    try {
      process.kill(-(proc.pid ?? 0));
    } catch {
      /* already gone */
    }
  };
  for (let i = 0; i < 150 && !exited; i++) {
    if (await answers(BASE)) return stop;
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`vite preview did not start on port ${PORT}: ${stderr.trim()}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** Headless Chromium: Debian's when it is installed (Playwright cannot download its own here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

/** A page in a fresh browser context (empty cache and storage), 1280×720. */
export async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  return context.newPage();
}

/** The median (mean of the middle two for an even count), or null for no values. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The nearest-rank quantile `q` (0…1) of `xs`, or null for no values. */
export function quantile(xs: readonly number[], q: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? null;
}

/** `x` rounded to `digits` decimals; null stays null. */
export function round(x: number | null, digits = 0): number | null {
  if (x === null) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
