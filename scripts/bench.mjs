#!/usr/bin/env node
// `npm run bench`: builds the site, then measures it in Node and headless Chromium. Writes
// bench/results.json (keys documented in bench/README.md) and prints a table with the targets.
// Benchmarks never fail the test gate; they report numbers and whether each target is met.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const only = process.argv.slice(2);
const want = (k) => only.length === 0 || only.includes(k);
// The bench builds into its own folder (not dist/, which an e2e run may be serving meanwhile);
// KUBEPLAY_BENCH_OUTDIR points it, and bench/browser.bench.ts, at another one.
const outDir = process.env.KUBEPLAY_BENCH_OUTDIR ?? 'bench/out/dist';

function sh(cmd, args) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
  return r.stdout;
}
const lastJson = (text) =>
  JSON.parse(
    text
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .pop() ?? '{}',
  );
const gz = (file) => gzipSync(readFileSync(file)).length;

const results = {
  date: new Date().toISOString(),
  machine: { cores: (await import('node:os')).cpus().length, node: process.version },
};

if (want('build')) {
  console.error(`Building into ${outDir}…`);
  sh('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir']);
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const assets = readdirSync(join(outDir, 'assets'));
  const monaco = assets.filter((f) => /monaco/i.test(f) && f.endsWith('.js'));
  results.size = {
    initialJsGzipBytes: initial.reduce((n, f) => n + gz(join(outDir, f)), 0),
    initialJsFiles: initial,
    monacoChunkGzipBytes: monaco.reduce((n, f) => n + gz(join(outDir, 'assets', f)), 0),
    monacoInInitialHtml: /monaco/i.test(html),
  };
}
if (want('engine')) {
  console.error('Engine: seed speed…');
  results.engine = lastJson(sh('npx', ['tsx', 'bench/engine.bench.ts', 'seed'])).seed;
}
/** V8's old-space limit for the scale run: the 2 GiB target minus room for code and buffers. */
const SCALE_HEAP_MIB = 1792;
if (want('scale')) {
  console.error('Engine: 5,000 nodes / 150,000 pods / 10,000 Services + 60 s of churn (minutes)…');
  // The target is 2 GiB: the run gets a heap budget that fits in it (V8 otherwise lets the heap
  // grow to ~3.5x the live set before a full collection; the live set at the end is ~1.1 GB).
  results.scale = lastJson(
    sh('node', [
      `--max-old-space-size=${SCALE_HEAP_MIB}`,
      '--import',
      'tsx',
      'bench/engine.bench.ts',
      'scale',
    ]),
  ).scale;
  results.scale.heapBudgetMiB = SCALE_HEAP_MIB;
}
if (want('browser')) {
  console.error('Browser (minutes)…');
  results.browser = lastJson(sh('npx', ['tsx', 'bench/browser.bench.ts']));
}
if (want('share') && existsSync('bench/share.bench.ts')) {
  results.share = lastJson(sh('npx', ['tsx', 'bench/share.bench.ts']));
}

const percent = (share) => `${(share * 100).toFixed(0)} %`;
/** A frame-timing row: the p95 frame and the busy share both count; the packets are context. */
const frameRow = (name, f) => [
  name,
  f?.p95FrameMs,
  (v) =>
    `${v} ms (busy ${percent(f.mainThreadBusy)}, CPU ${percent(f.mainThreadCpu ?? NaN)}, ${f.packetsInFlight} packets)`,
  (v) => v <= 20 && f.mainThreadBusy <= 0.5,
  '≤ 20 ms, busy ≤ 50 %',
];
const targets = [
  [
    'initial JS (gzip)',
    results.size?.initialJsGzipBytes,
    (v) => `${(v / 1024).toFixed(1)} KB`,
    (v) => v <= 200 * 1024,
    '≤ 200 KB',
  ],
  [
    'Monaco chunk (gzip)',
    results.size?.monacoChunkGzipBytes,
    (v) => `${(v / 1024).toFixed(0)} KB`,
    () => !results.size?.monacoInInitialHtml,
    'lazy',
  ],
  [
    'engine speed (seed)',
    results.engine?.virtualSecondsPerWallSecond,
    (v) => `${v}× real time`,
    (v) => v >= 10000,
    '≥ 10,000×',
  ],
  [
    'scale run total',
    results.scale?.totalSeconds,
    (v) => `${v} s, ${results.scale.peakRssMiB} MiB`,
    (v) => v <= 60 && results.scale.peakRssMiB <= 2048,
    '≤ 60 s, ≤ 2 GiB',
  ],
  [
    'cold load → first pod',
    results.browser?.coldLoadToFirstPod?.medianMs,
    (v) => `${v} ms`,
    (v) => v <= 800,
    '≤ 800 ms',
  ],
  [
    'apply → canvas updated',
    results.browser?.applyToCanvas?.medianMs,
    (v) => `${v} ms`,
    (v) => v <= 100,
    '≤ 100 ms',
  ],
  ['editor ready', results.browser?.editorReady?.medianMs, (v) => `${v} ms`, () => true, '—'],
  [
    'p95 frame, empty page (reference)',
    results.browser?.reference?.p95FrameMs,
    (v) => `${v} ms (busy ${percent(results.browser.reference.mainThreadBusy)})`,
    () => true,
    '—',
  ],
  frameRow('p95 frame, 50 pods', results.browser?.frames50Pods),
  frameRow('p95 frame, 50 pods, data plane', results.browser?.frames50PodsDataplane),
  [
    'input latency, 500 pods',
    results.browser?.pods500?.inputLatencyMs,
    (v) => `${v} ms`,
    (v) => v <= 100,
    '≤ 100 ms',
  ],
  [
    'pod → inspector, 500 pods',
    results.browser?.pods500?.podToInspectorMs,
    (v) => `${v} ms (slowest ${Math.max(...results.browser.pods500.podToInspectorClicksMs)} ms)`,
    () => true,
    '—',
  ],
  [
    'share link, seed + 1 edit',
    results.share?.seedWithOneEditChars,
    (v) => `${v} chars`,
    (v) => v <= 1000,
    '≤ 1,000',
  ],
];
results.targets = {};
console.log('\n| measure | value | target | met |\n|---|---|---|---|');
for (const [name, v, fmt, ok, target] of targets) {
  if (v === undefined || v === null) continue;
  results.targets[name] = ok(v);
  console.log(`| ${name} | ${fmt(v)} | ${target} | ${ok(v) ? 'yes' : 'NO'} |`);
}
// A browser group that failed is kept in the results as `{ error }`; show it rather than skip it.
for (const [group, value] of Object.entries(results.browser ?? {}))
  if (value?.error) console.log(`| browser ${group} | failed: ${value.error} | | NO |`);
let previous = {};
try {
  previous = JSON.parse(readFileSync('bench/results.json', 'utf8'));
} catch {
  /* first run */
}
writeFileSync(
  'bench/results.json',
  JSON.stringify(
    { ...previous, ...results, targets: { ...previous.targets, ...results.targets } },
    null,
    2,
  ) + '\n',
);
console.log('\nWrote bench/results.json');
