/**
 * Firefox with the built add-on, driven over WebDriver BiDi by puppeteer-core. The add-on from
 * `npm run build:firefox` (.output/firefox-mv2) is installed as a temporary add-on, exactly as
 * a developer loads it from about:debugging; its pages get a fixed moz-extension:// origin so
 * tests (and a restarted browser on the same profile) can open them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from '../../scripts/find-browser';
import { proxyPrefs, type RecordedWeb } from './recorded-web';

export const FIREFOX_EXTENSION_DIR = resolve(process.env.SCL_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2');
/** The gecko id from wxt.config.ts. */
export const ADDON_ID = 'small-cap-lens@example.org';
/** Fixed instead of Firefox's random per-profile uuid, so extension URLs are known up front. */
export const ADDON_UUID = '5c1a11ca-9e11-4e05-8a11-000000000016';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

/**
 * The build packed as an unsigned .xpi (web-ext build), made once per run, for a permanent
 * install: an add-on that stays in the profile across restarts, as a user's does.
 */
let packed: string | null = null;
function packedAddon(): string {
  if (packed) return packed;
  const dir = mkdtempSync(join(tmpdir(), 'scl-xpi-'));
  execFileSync(
    resolve('node_modules/.bin/web-ext'),
    [
      'build',
      '--source-dir',
      FIREFOX_EXTENSION_DIR,
      '--artifacts-dir',
      dir,
      '--filename',
      'small-cap-lens.xpi',
    ],
    { stdio: 'ignore' },
  );
  packed = join(dir, 'small-cap-lens.xpi');
  return packed;
}

export interface FirefoxSession {
  browser: Browser;
  profileDir: string;
  version: string;
  close(): Promise<void>;
}

/**
 * Launches Firefox (headless unless `headed`) on `profileDir` (a fresh one by default), with
 * every request going through `web`, and installs the add-on.
 */
export async function launchFirefox(options: {
  web: RecordedWeb;
  profileDir?: string;
  headed?: boolean;
  /**
   * 'temporary' (default): as from about:debugging, gone when Firefox quits. 'permanent': an
   * unsigned install that stays in the profile (Firefox ESR honours
   * xpinstall.signatures.required=false; release builds do not). 'none': the profile already
   * has it (a restart after a permanent install).
   */
  install?: 'temporary' | 'permanent' | 'none';
  /** Preferences beyond the harness's own (a story that needs one says why). */
  prefs?: Record<string, string | number | boolean>;
}): Promise<FirefoxSession> {
  const executablePath = await findFirefox();
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'scl-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: !options.headed,
    userDataDir: profileDir,
    // The recorded web terminates https with a throw-away certificate.
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // A temporary add-on is uninstalled when Firefox quits; like `web-ext run`, keep its
      // storage (storage.local, IndexedDB) so a restart on the same profile finds the user's data.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      'xpinstall.signatures.required': false,
      ...proxyPrefs(options.web),
      ...options.prefs,
    },
  });
  try {
    const install = options.install ?? 'temporary';
    if (install === 'temporary') await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (install === 'permanent') {
      // Firefox's BiDi extension parameter; puppeteer's installExtension installs temporarily only.
      const bidi = (browser as unknown as { connection: { send(m: string, p: object): Promise<unknown> } })
        .connection;
      await bidi.send('webExtension.install', {
        extensionData: { type: 'archivePath', path: packedAddon() },
        'moz:permanent': true,
      });
    }
  } catch (e) {
    await browser.close();
    throw e;
  }
  return { browser, profileDir, version: await browser.version(), close: () => browser.close() };
}

/**
 * Opens an extension page in a new tab. Puppeteer's goto never settles for moz-extension://
 * URLs on Firefox 140 (BiDi reports no navigation for them), so the navigation is started and
 * the document itself is polled until it is the page asked for and has loaded.
 */
export async function openExtensionPage(
  browser: Browser,
  path: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await browser.newPage();
  if (viewport) await setViewportSize(page, viewport);
  const url = `${EXTENSION_ORIGIN}/${path}`;
  void page.goto(url).catch(() => {});
  await until(
    () =>
      page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false),
    `${path} did not load`,
  );
  return page;
}

/**
 * page.setViewport, minus the screen-orientation override puppeteer sends with it, which
 * Firefox 140 does not implement ("unknown command"); the size itself is applied.
 */
export async function setViewportSize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewport(size).catch((e: unknown) => {
    if (!/setScreenOrientationOverride/.test(String(e))) throw e;
  });
}

/** Opens a web page (served by the recorded web) in a new tab. */
export async function openWebPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Polls `check` until it returns a truthy value; throws `message` (and the last value) after `timeoutMs`. */
export async function until<T>(
  check: () => Promise<T> | T,
  message: string,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await check();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`${message} (after ${timeoutMs} ms; last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends one protocol message from an extension page, as the UI does (Firefox's promise-based `browser`). */
export async function sendFromExtensionPage<T>(page: Page, type: string, payload: unknown = {}): Promise<T> {
  return page.evaluate(
    async (t, p) => {
      const api = (
        globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).browser;
      const reply = (await api.runtime.sendMessage({ scl: 1, type: t, payload: p })) as
        { ok: true; data: unknown } | { ok: false; error: string };
      if (!reply.ok) throw new Error(reply.error);
      return reply.data;
    },
    type,
    payload,
  ) as Promise<T>;
}

/** Visible text of the first element matching `selector` (piercing open shadow roots), or ''. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const handle = await page.$(`>>> ${selector}`);
  if (!handle) return '';
  try {
    return await handle.evaluate((el) => (el as HTMLElement).innerText ?? el.textContent ?? '');
  } finally {
    await handle.dispose();
  }
}
