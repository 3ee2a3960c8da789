#!/usr/bin/env node
// Makes a fresh machine ready for `npm test`: installs the locked npm packages when node_modules is
// missing, and a Chromium for Playwright when there is none — Debian/Ubuntu's package when this runs
// as root with apt (Playwright cannot download browsers everywhere), else Playwright's own build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function sh(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  return r.status === 0;
}

if (!existsSync(join('node_modules', '.bin', 'vitest')))
  sh('npm', ['ci', '--no-audit', '--no-fund']);

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) =>
  existsSync(p),
);
const cacheDir =
  process.env.PLAYWRIGHT_BROWSERS_PATH ||
  join(
    homedir(),
    process.platform === 'darwin' ? 'Library/Caches/ms-playwright' : '.cache/ms-playwright',
  );
const playwrightChromium =
  existsSync(cacheDir) && readdirSync(cacheDir).some((d) => d.startsWith('chromium'));
if (!systemChromium && !playwrightChromium) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform === 'linux' && isRoot && existsSync('/usr/bin/apt-get')) {
    process.env.DEBIAN_FRONTEND = 'noninteractive';
    if (sh('apt-get', ['update', '-q'])) sh('apt-get', ['install', '-y', '-q', 'chromium']);
  } else {
    sh('npx', ['playwright', 'install', 'chromium']);
  }
}
