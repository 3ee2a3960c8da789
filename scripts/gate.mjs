#!/usr/bin/env node
// The one gate (`npm test`): format, types, lint, unit tests, build, end-to-end tests.
// Every step runs even when an earlier one failed, so the totals are always complete.
// Format, types, lint and build count as one check each; Vitest and Playwright count each test,
// read from their JSON reports in .gate/ (a missing report counts as one failure).
// The last line printed is always `N passed, N failed`; the exit code is 1 if anything failed.
//
// Usage: node scripts/gate.mjs [--skip-e2e]
//   --skip-e2e  skip the Playwright step (faster while developing; CI never skips it)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const skipE2e = process.argv.includes('--skip-e2e');

// A fresh clone: install the npm packages and a browser first (see scripts/ensure-test-deps.mjs).
spawnSync(process.execPath, [join('scripts', 'ensure-test-deps.mjs')], { stdio: 'inherit' });
const GATE_DIR = '.gate';
const VITEST_JSON = join(GATE_DIR, 'vitest.json');
const PLAYWRIGHT_JSON = join(GATE_DIR, 'playwright.json'); // see playwright.config.ts

/** Runs a tool from node_modules/.bin with live output; returns its exit code. */
function run(tool, args) {
  const bin = join('node_modules', '.bin', process.platform === 'win32' ? `${tool}.cmd` : tool);
  const result = spawnSync(bin, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** A step that is one check: passed if the command exits 0. */
const check = (tool, args) => () => (run(tool, args) === 0 ? [1, 0] : [0, 1]);

/** Vitest: one count per test. A crash or a file that fails to load still counts as a failure. */
function vitest() {
  const code = run('vitest', [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${VITEST_JSON}`,
  ]);
  const report = readJson(VITEST_JSON);
  if (!report) return [0, 1];
  // A test file that fails to load has no tests; count it as one failure.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  const failed = report.numFailedTests + brokenFiles;
  return [report.numPassedTests, failed === 0 && code !== 0 ? 1 : failed];
}

/** Playwright, against the build: one count per test (flaky ones pass, as Playwright says). */
function playwright() {
  if (!existsSync(join('dist', 'index.html'))) {
    console.log('No build to test: counting the e2e step as one failure.');
    return [0, 1];
  }
  const code = run('playwright', ['test']);
  const stats = readJson(PLAYWRIGHT_JSON)?.stats;
  if (!stats) return [0, 1];
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  const failed = stats.unexpected ?? 0;
  return [passed, failed === 0 && code !== 0 ? 1 : failed];
}

const steps = [
  ['format', check('prettier', ['--check', '.'])],
  ['types', check('tsc', ['-b'])],
  ['lint', check('eslint', ['.', '--max-warnings', '0'])],
  ['unit', vitest],
  [
    'build',
    () => {
      // A failed build must not leave an old dist/ behind for the e2e step to test.
      rmSync('dist', { recursive: true, force: true });
      return check('vite', ['build'])();
    },
  ],
  ...(skipE2e ? [] : [['e2e', playwright]]),
];

rmSync(GATE_DIR, { recursive: true, force: true });
mkdirSync(GATE_DIR, { recursive: true });

const rows = [];
for (const [name, step] of steps) {
  console.log(`\n=== gate: ${name} ===`);
  const started = Date.now();
  const [passed, failed] = step();
  rows.push({ name, passed, failed, seconds: (Date.now() - started) / 1000 });
}

const pad = (value, width) => String(value).padEnd(width);
console.log('\n=== gate summary ===');
console.log(`${pad('step', 8)}${pad('result', 8)}${pad('passed', 8)}${pad('failed', 8)}time`);
for (const { name, passed, failed, seconds } of rows) {
  const result = failed > 0 ? 'FAIL' : 'ok';
  console.log(
    `${pad(name, 8)}${pad(result, 8)}${pad(passed, 8)}${pad(failed, 8)}${seconds.toFixed(1)}s`,
  );
}
if (skipE2e) console.log('(e2e skipped: --skip-e2e)');
if (!existsSync(VITEST_JSON)) console.log(`(no ${VITEST_JSON}: the unit step crashed)`);

const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
const failed = total('failed');
console.log(`${total('passed')} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
