// How every headless run here launches Chromium (Playwright's tests and the browser bench):
// Debian's /usr/bin/chromium when it is installed, since Playwright cannot download its own
// browsers on this machine; elsewhere Playwright's own (STACK.md).
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Launch options for the system Chromium, or none (Playwright's browser) when it is missing. */
export function chromiumLaunchOptions(): LaunchOptions {
  if (!existsSync(SYSTEM_CHROMIUM)) return {};
  return {
    executablePath: SYSTEM_CHROMIUM,
    // Without the network switches Chromium keeps calling home on a closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  };
}
