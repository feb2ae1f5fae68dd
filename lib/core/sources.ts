/**
 * The data sources the extension fetches: their ids and the one name each goes by on screen
 * (the popup, the hover strip, the side panel and Options › Sources all use `SOURCE_LABELS`).
 * Side-effect free, so UI pages can import it.
 */
export const SOURCE_IDS = [
  'ishares-holdings',
  'ishares-fund',
  'prices',
  'fred',
  'nyfed',
  'fed-futures',
  'kalshi',
  'polymarket',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export function isSourceId(s: unknown): s is SourceId {
  return typeof s === 'string' && (SOURCE_IDS as readonly string[]).includes(s);
}

export const SOURCE_LABELS: Record<SourceId, string> = {
  'ishares-holdings': 'iShares holdings (IWM, IWB: index membership and weights)',
  'ishares-fund': 'iShares IWM fund history (NAV, shares outstanding: flows)',
  prices: 'Daily prices (Yahoo, Stooq)',
  fred: 'FRED Treasury yields and Fed target range',
  nyfed: 'New York Fed effective fed funds rate',
  'fed-futures': 'Fed funds futures (Yahoo, CBOT: rate odds)',
  kalshi: 'Kalshi Fed decision markets',
  polymarket: 'Polymarket Fed decision markets',
};
