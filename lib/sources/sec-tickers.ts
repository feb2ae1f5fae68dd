/**
 * SEC ticker files: `company_tickers_exchange.json` ({fields, data: [[cik, name, ticker, exchange]]})
 * and `company_tickers.json` ({"0": {cik_str, ticker, title}, ...}). Class separator is `-` (`BRK-B`).
 */
import { fail, ok, type Result, guardParser } from '../result';
import { looksLikeHtml } from './http';

export interface SecTickerRow {
  cik: number;
  name: string;
  ticker: string;
  /** 'Nasdaq' | 'NYSE' | 'OTC' | 'CBOE' as served, null where the SEC gives none. */
  exchange: string | null;
}

function parseJson(text: string, source: string): Result<unknown> {
  if (looksLikeHtml(text)) return fail('challenge', `${source}: HTML page instead of JSON`, { source });
  try {
    return ok(JSON.parse(text.replace(/^\uFEFF/, '')) as unknown);
  } catch (e) {
    return fail('format', `${source}: invalid JSON (${e instanceof Error ? e.message : String(e)})`, {
      source,
    });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toCik(v: unknown): number | null {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

function parseSecCompanyTickersExchangeUnguarded(text: string): Result<SecTickerRow[]> {
  const source = 'sec-company-tickers-exchange';
  const parsed = parseJson(text, source);
  if (!parsed.ok) return parsed;
  const body = parsed.value;
  if (!isRecord(body) || !Array.isArray(body.fields) || !Array.isArray(body.data)) {
    return fail('format', `${source}: expected {fields, data}`, { source });
  }
  const fields = body.fields.map((f) => (typeof f === 'string' ? f : ''));
  const ix = (name: string) => fields.indexOf(name);
  const [iCik, iName, iTicker, iExch] = [ix('cik'), ix('name'), ix('ticker'), ix('exchange')];
  if (iCik < 0 || iName < 0 || iTicker < 0 || iExch < 0) {
    return fail('format', `${source}: fields ${fields.join(',')}`, { source });
  }
  const rows: SecTickerRow[] = [];
  let bad = 0;
  for (const r of body.data as unknown[]) {
    if (!Array.isArray(r)) {
      bad++;
      continue;
    }
    const cik = toCik(r[iCik]);
    const ticker = typeof r[iTicker] === 'string' ? r[iTicker].trim() : '';
    if (cik === null || ticker === '') {
      bad++;
      continue;
    }
    const exch = r[iExch];
    rows.push({
      cik,
      name: typeof r[iName] === 'string' ? r[iName].trim() : '',
      ticker: ticker.toUpperCase(),
      exchange: typeof exch === 'string' && exch.trim() !== '' ? exch.trim() : null,
    });
  }
  if (rows.length === 0) return fail('empty', `${source}: no rows`, { source });
  return ok(rows, bad ? [`${source}: ${bad} malformed rows skipped`] : []);
}

function parseSecCompanyTickersUnguarded(text: string): Result<Omit<SecTickerRow, 'exchange'>[]> {
  const source = 'sec-company-tickers';
  const parsed = parseJson(text, source);
  if (!parsed.ok) return parsed;
  const body = parsed.value;
  if (!isRecord(body)) return fail('format', `${source}: expected an object of rows`, { source });
  const rows: Omit<SecTickerRow, 'exchange'>[] = [];
  let bad = 0;
  // Keys are "0".."N"; keep numeric order (≈ market cap order) whatever the object order.
  const keys = Object.keys(body).sort((a, b) => Number(a) - Number(b));
  for (const k of keys) {
    const r = body[k];
    if (!isRecord(r)) {
      bad++;
      continue;
    }
    const cik = toCik(r.cik_str);
    const ticker = typeof r.ticker === 'string' ? r.ticker.trim().toUpperCase() : '';
    if (cik === null || ticker === '') {
      bad++;
      continue;
    }
    rows.push({ cik, name: typeof r.title === 'string' ? r.title.trim() : '', ticker });
  }
  if (rows.length === 0) return fail('empty', `${source}: no rows`, { source });
  return ok(rows, bad ? [`${source}: ${bad} malformed rows skipped`] : []);
}

/** Pure: never throws (see guardParser). */
export const parseSecCompanyTickersExchange = guardParser(
  'sec-company-tickers-exchange',
  parseSecCompanyTickersExchangeUnguarded,
);

/** Pure: never throws (see guardParser). */
export const parseSecCompanyTickers = guardParser('sec-company-tickers', parseSecCompanyTickersUnguarded);
