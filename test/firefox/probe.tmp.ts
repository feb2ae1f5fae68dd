import puppeteer from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
const profile = mkdtempSync('/tmp/i16/prof-');
for (const round of [1, 2]) {
  const b = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({
        'small-cap-lens@example.org': '5c1a11ca-9e11-4e05-8a11-000000000016',
      }),
    },
  });
  const conn = (b as unknown as { connection: { send(m: string, p: object): Promise<unknown> } }).connection;
  if (round === 1) {
    try {
      const r = await conn.send('webExtension.install', {
        extensionData: { type: 'archivePath', path: '/tmp/i16/scl.xpi' },
        'moz:permanent': true,
      });
      console.log('xpi ok', JSON.stringify(r));
    } catch (e) {
      console.log('xpi err', String(e).slice(0, 300));
    }
  }
  const page = await b.newPage();
  void page.goto('moz-extension://5c1a11ca-9e11-4e05-8a11-000000000016/options.html').catch(() => {});
  await new Promise((r) => setTimeout(r, 3000));
  console.log(
    round,
    await page
      .evaluate(() => location.href + ' ' + document.title)
      .catch((e) => 'ERR ' + String(e).slice(0, 100)),
  );
  await b.close();
}
