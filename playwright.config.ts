// Playwright: end-to-end specs in e2e/ against the production build served by `vite preview`
// (the gate builds first). Uses Debian's Chromium when it is installed, since Playwright cannot
// download its own browsers here; elsewhere Playwright's own Chromium.
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

const port = Number(process.env.KUBEPLAY_E2E_PORT ?? 4173);

/** Where the JSON report goes; scripts/gate.mjs reads it to count tests. */
export const jsonReportFile = '.gate/playwright.json';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // A 2-core CI machine runs two browsers, the engine workers and the preview server at once:
  // give each test room, and retry once on CI (a retried pass is reported as flaky, not hidden).
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: jsonReportFile }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
