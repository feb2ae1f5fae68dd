import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findBrowser } from '../../scripts/find-browser';

export const EXTENSION_DIR = resolve(process.env.SCL_EXTENSION_DIR ?? '.output/chrome-mv3');

/**
 * Chromium with the unpacked extension. Flags: background networking off so a closed network
 * does not flood the log; --no-sandbox only as root (CI runs as root).
 */
export async function launchWithExtension(options: {
  userDataDir?: string;
  headed?: boolean;
  colorScheme?: 'light' | 'dark';
  extensionDir?: string;
}): Promise<{ context: BrowserContext; userDataDir: string }> {
  const executablePath = await findBrowser();
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'scl-profile-'));
  const dir = options.extensionDir ?? EXTENSION_DIR;
  const args = [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-gpu',
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: !options.headed,
    args,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    // The extension must be the one from the build, not Playwright's defaults.
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
  });
  return { context, userDataDir };
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
  return new URL(worker.url()).host;
}
