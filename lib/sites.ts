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

// Site inputs on the options page and the popup: origins, hostnames, curated matches.

export type OriginResult = { ok: true; origin: string; host: string } | { ok: false; error: string };

/**
 * Reads what a user types as a site ("example.com", "https://news.example.com/a/b") into an
 * origin without port ("https://news.example.com"), the form settings.extraSites and the
 * permission pattern `${origin}/*` use.
 */
export function parseOriginInput(input: string): OriginResult {
  const raw = input.trim();
  if (!raw) return { ok: false, error: 'Type a site address, e.g. example.com.' };
  if (/\s/.test(raw)) return { ok: false, error: 'A site address has no spaces.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: `"${raw.slice(0, 60)}" is not a web address.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: 'Only http and https sites can be added.' };
  }
  const host = url.hostname.toLowerCase();
  if (!host.includes('.') && host !== 'localhost') {
    return { ok: false, error: `"${host}" is not a full site name (e.g. example.com).` };
  }
  if (host.includes('*')) return { ok: false, error: 'Wildcards are not allowed; add one site at a time.' };
  return { ok: true, origin: `${url.protocol}//${host}`, host };
}

/** Whether a Chrome match pattern's host part covers `host` ("*.wsj.com" covers wsj.com too). */
export function hostMatchesPattern(host: string, pattern: string): boolean {
  const m = /^[^:]+:\/\/([^/]+)\//.exec(pattern);
  if (!m || !m[1]) return false;
  const p = m[1].toLowerCase();
  if (p === '*') return true;
  if (p.startsWith('*.')) {
    const base = p.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === p;
}

/** True when the content script runs on this host by default (the curated list). */
export function isCuratedHost(host: string): boolean {
  const h = host.toLowerCase();
  return NEWS_SITE_MATCHES.some((p) => hostMatchesPattern(h, p));
}

/** The curated list as readable host names ("wsj.com", "finance.yahoo.com"), deduplicated. */
export function curatedHostNames(): string[] {
  const names = NEWS_SITE_MATCHES.map((p) => /^[^:]+:\/\/(?:\*\.)?([^/]+)\//.exec(p)?.[1] ?? '').filter(
    Boolean,
  );
  return [...new Set(names)].sort();
}

/** The hostname of an http(s) URL, else null (chrome://, about:, file: pages cannot be read). */
export function webHostOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Adds or removes a hostname in a list (settings.pausedSites), keeping it sorted and unique. */
export function toggleHost(list: string[], host: string, on: boolean): string[] {
  const set = new Set(list.map((h) => h.toLowerCase()));
  if (on) set.add(host.toLowerCase());
  else set.delete(host.toLowerCase());
  return [...set].sort();
}
