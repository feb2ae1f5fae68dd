import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { DATA_SOURCE_HOST_PERMISSIONS } from './lib/hosts';
import { noDangerousHtml } from './scripts/vite/no-dangerous-html';

// Manifest is kept minimal on purpose: every permission is listed (with the reason) in README.md.
export default defineConfig({
  // Every file imports what it uses (no globals to guess at); WXT's auto-imports would declare
  // all of components/ and lib/ global.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), noDangerousHtml()],
    define: {
      // The benchmark's own build (scripts/bench.ts) sets SCL_OPEN_CARD_ROOT=1: the card's shadow
      // root is then open so its in-page probes can read it. Release builds keep it closed, and
      // both e2e suites run those (Playwright reads the card over CDP, Firefox over BiDi).
      'import.meta.env.SCL_OPEN_CARD_ROOT': JSON.stringify(process.env.SCL_OPEN_CARD_ROOT === '1'),
    },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Small-Cap Lens',
    description:
      'Russell 2000 membership, IWM fund flows, Fed rate-cut odds and small-cap context on the finance news you read.',
    permissions: ['storage', 'alarms', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: [...DATA_SOURCE_HOST_PERMISSIONS],
    // MV2 (Firefox) has no optional_host_permissions key (WXT drops it): there the same origin
    // pattern goes in optional_permissions, or Options could never ask for a site.
    // `notifications` is asked when the user turns alert notifications on (Options › Alerts);
    // alerts reach the side-panel log and the badge without it.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['*://*/*'], optional_permissions: ['notifications'] }
      : { optional_permissions: ['*://*/*', 'notifications'] }),
    // public/icon/*.png, rendered from the SVGs beside them by `npm run icons`. The paused-*.png
    // set is shown per tab on a paused site (lib/engine/action-icon.ts).
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: {
      default_title: 'Small-Cap Lens',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    },
    commands: {
      'next-ticker': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Step to the next ticker on the page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'small-cap-lens@example.org',
              // 140: the current ESR, and the first Firefox with the CSS Custom Highlight API
              // (the underlines) and data_collection_permissions on desktop.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    // hover-card.js: the hover card (Preact + card UI, entrypoints/hover-card), which the news
    // content script imports on first need (entrypoints/news.content/lazy-card.ts) to stay within
    // its size budget. Any page, since the user may enable the lens on any site they grant. MV3 uses a per-session
    // dynamic URL (runtime.getURL returns it), so the file cannot fingerprint the extension;
    // MV2 (Firefox) takes a plain list, and Firefox already randomises the extension's UUID.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['hover-card.js'], matches: ['<all_urls>'], use_dynamic_url: true }]
        : ['hover-card.js'],
  }),
  hooks: {
    // Bundled data ships as files read on demand, not inlined into background.js: a woken
    // worker then starts in milliseconds and parses the snapshot only when it needs it.
    'build:publicAssets': (_wxt, files) => {
      for (const name of ['snapshot.json', 'universe.json', 'evidence.json']) {
        files.push({ absoluteSrc: resolve('lib/data', name), relativeDest: `data/${name}` });
      }
    },
  },
  // SCL_OUT_DIR lets parallel builds (a benchmark beside a dev build) not clobber each other.
  outDir: process.env.SCL_OUT_DIR ?? '.output',
  // The sources zip is for store reviewers who rebuild the add-on: the test recordings are not needed.
  zip: { name: 'small-cap-lens', excludeSources: ['test/fixtures/**', 'docs/img/**', 'docs/store/**'] },
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
});
