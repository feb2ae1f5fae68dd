/**
 * Alpha Vantage `TIME_SERIES_DAILY` as CSV (`…/query?function=TIME_SERIES_DAILY&symbol=SPY&datatype=csv`;
 * recorded: alphavantage_{IWM,SPY}_daily_compact_2026-10-05.csv, SOURCES.md §12).
 *
 * Format: `timestamp,open,high,low,close,volume`, NEWEST FIRST, CRLF, 4-decimal prices that are
 * NOT adjusted for dividends or splits (unlike Stooq's). So `adjClose` is left null: a caller that
 * joins this to an adjusted history must say so (the small dividend steps stay in the series).
 * Alpha Vantage answers errors and rate limits with HTTP 200 and a JSON note, recognised here.
 */
import { fail, guardParser, ok, type Result } from '../result';
import type { PriceBar, PriceSeries } from '../source-data';
import { looksLikeHtml } from './http';

export const SOURCE_ID = 'alphavantage';

const num = (raw: string | undefined): number | null => {
  const s = (raw ?? '').trim();
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

function parseInner(text: string, symbol: string): Result<PriceSeries> {
  const f = (kind: 'empty' | 'format' | 'rate-limited' | 'challenge', message: string) =>
    fail<PriceSeries>(kind, message, { source: SOURCE_ID });
  if (typeof text !== 'string' || text.trim() === '') return f('empty', 'Empty Alpha Vantage body');
  const body = text.replace(/^\uFEFF+/, '');
  const head = body.slice(0, 300).trim();
  if (head.startsWith('{')) {
    if (/call frequency|rate limit|premium/i.test(head))
      return f('rate-limited', 'Alpha Vantage: rate limit');
    return f('format', `Alpha Vantage answered JSON instead of CSV: ${head.slice(0, 120)}`);
  }
  if (looksLikeHtml(body)) return f('challenge', 'Got an HTML page instead of the Alpha Vantage CSV');
  const lines = body.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const at = (name: string) => header.indexOf(name);
  const [iDate, iOpen, iHigh, iLow, iClose, iVol] = [
    at('timestamp'),
    at('open'),
    at('high'),
    at('low'),
    at('close'),
    at('volume'),
  ];
  if (iDate < 0 || iClose < 0)
    return f('format', `Not an Alpha Vantage daily CSV (header ${header.join(',')})`);
  const byDate = new Map<string, PriceBar>();
  let bad = 0;
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const c = line.split(',');
    const date = (c[iDate] ?? '').trim();
    const close = num(c[iClose]);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || close === null || close <= 0) {
      bad++;
      continue;
    }
    const cell = (i: number) => (i < 0 ? null : num(c[i]));
    byDate.set(date, {
      date,
      open: cell(iOpen),
      high: cell(iHigh),
      low: cell(iLow),
      close,
      adjClose: null, // unadjusted prices: no adjusted close in this series
      volume: cell(iVol),
    });
  }
  const bars = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (bars.length === 0) return f(bad ? 'format' : 'empty', 'Alpha Vantage CSV has no readable rows');
  if (bad > bars.length) return f('format', `Mostly unreadable Alpha Vantage CSV (${bad} bad rows)`);
  return ok(
    {
      symbol,
      currency: 'USD',
      exchange: null,
      timezone: 'America/New_York',
      name: null,
      bars,
      lastPrice: bars.at(-1)?.close ?? null,
      previousClose: bars.at(-2)?.close ?? null,
    },
    bad ? [`${bad} unreadable Alpha Vantage line(s) skipped`] : [],
  );
}

/** Pure: text → oldest-first bars (the file is newest first). Never throws. */
export const parseAlphaVantageDailyCsv = guardParser(SOURCE_ID, parseInner);
