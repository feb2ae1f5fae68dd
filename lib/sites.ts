/**
 * Curated finance, news and social sites where the content script runs by default.
 * Any other site needs the user to opt in (optional host permission, granted per origin).
 */
export const NEWS_SITE_MATCHES = [
  '*://*.finance.yahoo.com/*',
  '*://finance.yahoo.com/*',
  // Yahoo's mobile pages serve finance stories from m.yahoo.com ("/w/legobpengine/finance/news/…").
  '*://m.yahoo.com/*/finance/*',
  '*://*.marketwatch.com/*',
  '*://*.wsj.com/*',
  '*://*.barrons.com/*',
  '*://*.cnbc.com/*',
  '*://*.reuters.com/*',
  '*://*.bloomberg.com/*',
  '*://*.fool.com/*',
  '*://*.seekingalpha.com/*',
  '*://*.benzinga.com/*',
  '*://*.investors.com/*',
  '*://*.businesswire.com/*',
  '*://*.prnewswire.com/*',
  '*://*.globenewswire.com/*',
  '*://*.accesswire.com/*',
  '*://*.nasdaq.com/*',
  '*://*.investing.com/*',
  '*://*.morningstar.com/*',
  '*://*.thestreet.com/*',
  '*://*.247wallst.com/*',
  '*://*.zacks.com/*',
  '*://*.finviz.com/*',
  '*://*.stocktwits.com/*',
  '*://*.cnn.com/*',
  '*://*.ft.com/*',
  '*://*.forbes.com/*',
  '*://*.businessinsider.com/*',
  '*://*.axios.com/*',
  '*://*.x.com/*',
  '*://x.com/*',
  '*://*.reddit.com/*',
  '*://news.google.com/*',
];

/** Hosts used only by the local e2e/demo server; included in dev/test builds. */
export const LOCAL_TEST_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];
