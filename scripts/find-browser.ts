/**
 * Finds a Chromium that still honours --load-extension (branded Chrome ≥ 137 does not):
 * CHROME_PATH, then the system Chromium, then Playwright's own download. On Debian/Ubuntu as
 * root it installs Debian's `chromium` when none is found (and says so); elsewhere it prints
 * the one command that installs a browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/lib/chromium/chromium',
];

function which(cmd: string): string | null {
  try {
    const out = execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim();
    return out || null;
  } catch {
    return null;
  }
}

async function playwrightOwn(): Promise<string | null> {
  try {
    const { chromium } = await import('@playwright/test');
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

export async function findBrowser(options: { install?: boolean } = {}): Promise<string> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist`);
  }
  for (const c of SYSTEM_CANDIDATES) if (existsSync(c)) return c;
  for (const c of ['chromium', 'chromium-browser']) {
    const p = which(c);
    if (p) return p;
  }
  const own = await playwrightOwn();
  if (own) return own;

  const isDebian = existsSync('/etc/debian_version');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (options.install !== false && isDebian && isRoot) {
    console.error('[find-browser] No Chromium found: installing Debian\'s "chromium" package with apt-get…');
    execFileSync(
      'sh',
      ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'],
      {
        stdio: 'inherit',
      },
    );
    for (const c of SYSTEM_CANDIDATES) if (existsSync(c)) return c;
  }
  throw new Error(
    'No Chromium found. Install one, e.g. `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
      '`npx playwright install chromium` (where downloads are allowed), or set CHROME_PATH.',
  );
}

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];

/**
 * Finds a Firefox for the Firefox suite, as findBrowser does for Chromium: FIREFOX_PATH, then
 * the system Firefox (Debian's firefox-esr first). On Debian/Ubuntu as root it installs
 * Debian's `firefox-esr` when none is found (and says so).
 */
export async function findFirefox(options: { install?: boolean } = {}): Promise<string> {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which does not exist`);
  }
  for (const c of FIREFOX_CANDIDATES) if (existsSync(c)) return c;
  for (const c of ['firefox-esr', 'firefox']) {
    const p = which(c);
    if (p) return p;
  }
  const isDebian = existsSync('/etc/debian_version');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (options.install !== false && isDebian && isRoot) {
    console.error(
      '[find-browser] No Firefox found: installing Debian\'s "firefox-esr" package with apt-get…',
    );
    execFileSync(
      'sh',
      ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr'],
      { stdio: 'inherit' },
    );
    for (const c of FIREFOX_CANDIDATES) if (existsSync(c)) return c;
  }
  throw new Error(
    'No Firefox found. Install one, e.g. `sudo apt-get install -y firefox-esr` (Debian/Ubuntu), or set FIREFOX_PATH.',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  (process.argv.includes('--firefox') ? findFirefox() : findBrowser())
    .then((p) => console.log(p))
    .catch((e: Error) => {
      console.error(e.message);
      process.exit(1);
    });
}
