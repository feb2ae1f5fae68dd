/**
 * Stooq daily CSV (`https://stooq.com/q/d/l/?s=iwm.us&i=d`), the no-key fallback for daily prices.
 * Quirks (SOURCES.md §3c): CRLF, oldest first, prices split/dividend-adjusted, fractional volumes in
 * older rows. Instead of CSV it may answer in plain text ("No data", "Exceeded the daily hits limit")
 * with HTTP 200, or with an HTML page.
 */
import { fail, ok, type Result, type SourceErrorKind } from '../result';
import type { PriceBar, PriceSeries, Provenance } from '../source-data';
import { errorMessage, fetchText, looksLikeHtml, type FetchImpl } from './http';

export const SOURCE_ID = 'stooq';

/** English and Polish (stooq.pl) header labels, lower-cased. */
const HEADERS: Record<string, keyof Omit<PriceBar, 'adjClose'>> = {
  date: 'date',
  data: 'date',
  open: 'open',
  otwarcie: 'open',
  high: 'high',
  najwyzszy: 'high',
  low: 'low',
  najnizszy: 'low',
  close: 'close',
  zamkniecie: 'close',
  volume: 'volume',
  wolumen: 'volume',
};

/**
 * Yahoo-style US symbol → Stooq symbol (`IWM` → `iwm.us`, `BRK-B` → `brk-b.us`). Null when there is
 * no safe mapping (indices `^GSPC`, futures `GC=F`, foreign suffixes).
 */
export function toStooqSymbol(symbol: string): string | null {
  const s = symbol.trim().toLowerCase();
  if (/^[a-z0-9]+(-[a-z0-9]+)?\.us$/.test(s)) return s;
  if (/^[a-z0-9]{1,6}(-[a-z0-9]{1,2})?$/.test(s)) return `${s}.us`;
  return null;
}

export function stooqDailyUrl(stooqSymbol: string): string {
  return `https://stooq.com/q/d/l/?s=${encodeURIComponent(stooqSymbol)}&i=d`;
}

/** Pure: Stooq CSV text → daily series (oldest first). `symbol` is copied into the result. Never throws. */
export function parseStooqCsv(text: string, symbol = ''): Result<PriceSeries> {
  try {
    return parseInner(text, symbol);
  } catch (e) {
    return fail('format', `Stooq CSV could not be parsed: ${errorMessage(e)}`, { source: SOURCE_ID });
  }
}

function parseInner(text: string, symbol: string): Result<PriceSeries> {
  const f = (kind: SourceErrorKind, message: string) =>
    fail<PriceSeries>(kind, message, { source: SOURCE_ID });
  if (typeof text !== 'string' || text.trim() === '') return f('empty', 'Empty Stooq body');
  if (looksLikeHtml(text)) return f('challenge', 'Got an HTML page instead of the Stooq CSV');
  const body = text.replace(/^\uFEFF+/, '');
  const head = body.slice(0, 200).trim();
  if (/exceeded the daily hits limit/i.test(head)) {
    return f('rate-limited', 'Stooq: exceeded the daily hits limit');
  }
  if (/^no data/i.test(head)) return f('empty', 'Stooq: no data for this symbol');

  const lines = body.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const col: Partial<Record<keyof PriceBar, number>> = {};
  header.forEach((h, i) => {
    const key = HEADERS[h];
    if (key && col[key] === undefined) col[key] = i;
  });
  const dateCol = col.date;
  const closeCol = col.close;
  if (dateCol === undefined || closeCol === undefined) {
    return f(
      'format',
      `Not a Stooq CSV (first line: ${JSON.stringify(head.split(/\r?\n/)[0]?.slice(0, 80))})`,
    );
  }

  const bars: PriceBar[] = [];
  let bad = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const cells = line.split(',');
    const date = (cells[dateCol] ?? '').trim();
    const close = numberOrNull(cells[closeCol]);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || close === null) {
      bad++;
      continue;
    }
    const at = (c: number | undefined) => (c === undefined ? null : numberOrNull(cells[c]));
    // Stooq's prices are already dividend-adjusted, so close doubles as adjClose.
    bars.push({
      date,
      open: at(col.open),
      high: at(col.high),
      low: at(col.low),
      close,
      adjClose: close,
      volume: at(col.volume),
    });
  }
  if (bars.length === 0) {
    return bad > 0
      ? f('format', `No readable Stooq rows (${bad} unreadable line(s))`)
      : f('empty', 'Stooq CSV has no rows');
  }
  if (bad > bars.length)
    return f('format', `Mostly unreadable Stooq CSV (${bad} bad vs ${bars.length} good rows)`);
  bars.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const warnings = bad > 0 ? [`${bad} unreadable Stooq line(s) skipped`] : [];
  const isUs = /\.us$/i.test(symbol);
  return ok(
    {
      symbol,
      currency: isUs ? 'USD' : null,
      exchange: null,
      timezone: isUs ? 'America/New_York' : null,
      name: null,
      bars,
      lastPrice: bars[bars.length - 1]?.close ?? null,
      previousClose: bars[bars.length - 2]?.close ?? null,
    },
    warnings,
  );
}

function numberOrNull(raw: string | undefined): number | null {
  const s = (raw ?? '').trim();
  if (!/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export interface StooqOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Full daily history of one symbol. `symbol` may be Yahoo-style (`IWM`) or Stooq-style (`iwm.us`);
 * the returned series keeps the caller's symbol.
 */
export async function fetchStooqDaily(
  fetchImpl: FetchImpl,
  symbol: string,
  options: StooqOptions = {},
): Promise<Result<{ data: PriceSeries; provenance: Provenance }>> {
  const stooqSymbol = toStooqSymbol(symbol);
  if (!stooqSymbol) {
    return fail('unavailable', `No Stooq equivalent for symbol ${symbol}`, { source: SOURCE_ID });
  }
  const url = stooqDailyUrl(stooqSymbol);
  // 'csv' only rejects HTML; Stooq's plain-text refusals reach parseStooqCsv, which types them.
  const res = await fetchText(fetchImpl, url, {
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    expect: 'csv',
    source: SOURCE_ID,
  });
  if (!res.ok) return res;
  const parsed = parseStooqCsv(res.value.text, stooqSymbol);
  if (!parsed.ok) return parsed;
  const series = { ...parsed.value, symbol };
  return ok(
    {
      data: series,
      provenance: {
        source: SOURCE_ID,
        label: 'Stooq daily prices',
        asOf: series.bars[series.bars.length - 1]?.date ?? '',
        fetchedAt: new Date().toISOString(),
        url,
      },
    },
    parsed.warnings,
  );
}
