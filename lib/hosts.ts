/**
 * Every host the background worker may contact. The manifest's host_permissions and the
 * e2e "no request leaves this list" test both read this list, so it cannot drift.
 */
export const DATA_SOURCE_HOSTS = [
  'www.ishares.com',
  'query1.finance.yahoo.com',
  'query2.finance.yahoo.com',
  'stooq.com',
  'fred.stlouisfed.org',
  'markets.newyorkfed.org',
  'api.elections.kalshi.com',
  'gamma-api.polymarket.com',
] as const;

export type DataSourceHost = (typeof DATA_SOURCE_HOSTS)[number];

export const DATA_SOURCE_HOST_PERMISSIONS = DATA_SOURCE_HOSTS.map((h) => `https://${h}/*`);

export function isAllowedDataUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (DATA_SOURCE_HOSTS as readonly string[]).includes(u.hostname);
  } catch {
    return false;
  }
}
