/**
 * iShares "Detailed Holdings" CSV (IWM, IWB, IVV product pages).
 *
 * Two wrappers exist in the wild (see ../shared/fixtures/real/SOURCES.md §1, §10c):
 * - up to ~May 2026: UTF-8 BOM, line 9 = a lone U+00A0, data, NBSP line, multi-line quoted disclaimer;
 * - from ~Jul 2026: no BOM, empty line 9, data, empty line, no footer.
 * Both share the preamble (fund name, `Fund Holdings as of,"May 05, 2026"`, `Shares Outstanding,…`) and
 * the 15-column header. Every data row is one physical line, so we read line by line and stop at the
 * first blank (trim() also strips NBSP) line after the data – the footer is never tokenized.
 */
import { fail, ok, type Result, type SourceErrorKind } from '../result';
import type { Constituent, HoldingsSnapshot, Provenance } from '../source-data';
import { parseCsvLine } from '../core/csv';
import { errorMessage, fetchText, looksLikeHtml, type FetchImpl } from './http';

export const SOURCE_ID = 'ishares-holdings';

export type IsharesFund = 'IWM' | 'IWB' | 'IVV';

export const ISHARES_HOLDINGS_URLS: Record<IsharesFund, string> = {
  IWM: 'https://www.ishares.com/us/products/239710/ishares-russell-2000-etf/1467271812596.ajax?fileType=csv&fileName=IWM_holdings&dataType=fund',
  IWB: 'https://www.ishares.com/us/products/239707/ishares-russell-1000-etf/1467271812596.ajax?fileType=csv&fileName=IWB_holdings&dataType=fund',
  IVV: 'https://www.ishares.com/us/products/239726/ishares-core-sp-500-etf/1467271812596.ajax?fileType=csv&fileName=IVV_holdings&dataType=fund',
};

/** Line 1 of the file → fund ticker, for when the caller does not say which fund it asked for. */
const FUND_NAMES: Record<string, string> = {
  'ishares russell 2000 etf': 'IWM',
  'ishares russell 1000 etf': 'IWB',
  'ishares core s&p 500 etf': 'IVV',
  'ishares russell 3000 etf': 'IWV',
  'ishares russell 2000 value etf': 'IWN',
  'ishares russell 2000 growth etf': 'IWO',
  'ishares russell mid-cap etf': 'IWR',
  'ishares micro-cap etf': 'IWC',
};

/** Columns we read, by header label (looked up by name, so a reordering does not break us). */
const REQUIRED_COLUMNS = [
  'Ticker',
  'Name',
  'Sector',
  'Asset Class',
  'Market Value',
  'Weight (%)',
  'Quantity',
  'Price',
  'Location',
  'Exchange',
] as const;

/** Key used in `excluded` for Equity rows that have no ticker (private / vesting lines). */
export const EXCLUDED_NO_TICKER = 'Equity (no ticker)';

/** Preamble + blank line + header sits on line 10; give a little slack before giving up. */
const MAX_HEADER_LINE = 40;

export interface ParseIsharesOptions {
  /** Fund ticker to record; otherwise derived from line 1 (fund name). */
  fund?: string;
}

/** Pure: text of the CSV → equity constituents. Never throws. */
export function parseIsharesHoldings(
  text: string,
  options: ParseIsharesOptions = {},
): Result<HoldingsSnapshot> {
  try {
    return parseInner(text, options);
  } catch (e) {
    return fail('format', `iShares holdings could not be parsed: ${errorMessage(e)}`, { source: SOURCE_ID });
  }
}

function parseInner(text: string, options: ParseIsharesOptions): Result<HoldingsSnapshot> {
  const f = <T>(kind: SourceErrorKind, message: string) => fail<T>(kind, message, { source: SOURCE_ID });
  if (typeof text !== 'string' || text.trim() === '') return f('empty', 'Empty holdings file');
  if (looksLikeHtml(text)) return f('challenge', 'Got an HTML page instead of the holdings CSV');

  const body = text.replace(/^\uFEFF+/, '');
  const lines = body.split(/\r?\n/);

  let headerIdx = -1;
  for (let i = 0; i < Math.min(lines.length, MAX_HEADER_LINE); i++) {
    const first = parseCsvLine(lines[i] ?? '')?.[0]?.trim();
    if (first === 'Ticker') {
      headerIdx = i;
      break;
    }
  }
  if (headerIdx < 0) {
    const head = lines.slice(0, MAX_HEADER_LINE).join('\n');
    if (/Emittententicker|Marktwert|Gewichtung/i.test(head)) {
      return f('format', 'iShares holdings in a non-English locale (German/Swiss headers); use the US page');
    }
    return f('format', 'No "Ticker,…" header row found in the first lines: not an iShares holdings CSV');
  }

  const header = (parseCsvLine(lines[headerIdx] ?? '') ?? []).map((h) => h.trim());
  const col: Record<string, number> = {};
  header.forEach((h, i) => (col[h] = i));
  const missing = REQUIRED_COLUMNS.filter((c) => col[c] === undefined);
  if (missing.length > 0) {
    return f('format', `Unknown iShares header, missing column(s): ${missing.join(', ')}`);
  }

  // Preamble: line 1 = fund name, then `Key,"Value"` lines.
  const fundName = (parseCsvLine(lines[0] ?? '')?.[0] ?? '').trim();
  const meta: Record<string, string> = {};
  for (let i = 1; i < headerIdx; i++) {
    const cells = parseCsvLine(lines[i] ?? '');
    if (cells && cells.length >= 2 && cells[0]) meta[cells[0].trim()] = (cells[1] ?? '').trim();
  }
  const asOfRaw = meta['Fund Holdings as of'];
  if (asOfRaw === undefined) return f('format', 'Preamble has no "Fund Holdings as of" line');
  const asOf = parseIsharesDate(asOfRaw);
  if (!asOf) return f('format', `Unreadable "Fund Holdings as of" date: ${asOfRaw.slice(0, 40)}`);
  const sharesOutstanding = parseIsharesNumber(meta['Shares Outstanding'] ?? '-');

  const warnings: string[] = [];
  let fund = options.fund ?? FUND_NAMES[fundName.toLowerCase()];
  if (!fund) {
    fund = '';
    warnings.push(`Unknown fund name "${fundName.slice(0, 60)}"; fund ticker left empty`);
  }

  const idx = (c: (typeof REQUIRED_COLUMNS)[number]) => col[c] as number;
  const constituents: Constituent[] = [];
  const excluded: Record<string, number> = {};
  let terminated = false;
  let malformed = 0;
  let weightSum = 0;
  let rows = 0;
  for (let i = headerIdx + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      // The blank (or NBSP) line after the data; the disclaimer footer, if any, follows it.
      if (rows > 0) {
        terminated = true;
        break;
      }
      continue;
    }
    const cells = parseCsvLine(line);
    if (!cells || cells.length !== header.length) {
      malformed++;
      continue;
    }
    rows++;
    const cell = (c: (typeof REQUIRED_COLUMNS)[number]) => (cells[idx(c)] ?? '').trim();
    const assetClass = cell('Asset Class') || '(blank)';
    const weight = parseIsharesNumber(cell('Weight (%)'));
    if (weight !== null) weightSum += weight;
    if (assetClass !== 'Equity') {
      excluded[assetClass] = (excluded[assetClass] ?? 0) + 1;
      continue;
    }
    const ticker = cell('Ticker');
    if (ticker === '' || ticker === '-') {
      excluded[EXCLUDED_NO_TICKER] = (excluded[EXCLUDED_NO_TICKER] ?? 0) + 1;
      continue;
    }
    constituents.push({
      ticker,
      name: cell('Name'),
      sector: cell('Sector'),
      marketValue: parseIsharesNumber(cell('Market Value')) ?? 0,
      weightPct: weight ?? 0,
      shares: parseIsharesNumber(cell('Quantity')),
      price: parseIsharesNumber(cell('Price')),
      exchange: cell('Exchange'),
      location: cell('Location'),
    });
  }

  if (rows === 0) {
    return malformed > 0
      ? f('format', `No readable holdings rows (${malformed} line(s) with the wrong number of columns)`)
      : f('empty', 'Holdings file has a header but no rows');
  }
  // Whole-file weights sum to ~100 (IWM 99.9); a cut-off download has neither the closing blank line
  // nor the full weight.
  if (!terminated && weightSum < 99) {
    return f('format', `Holdings file looks truncated (weights sum to ${weightSum.toFixed(2)} %)`);
  }
  if (!terminated) warnings.push('No blank line after the holdings rows; file may be cut short');
  if (malformed > 0) warnings.push(`${malformed} malformed holdings line(s) skipped`);
  if (constituents.length === 0) return f('empty', 'Holdings file has no equity rows');

  return ok({ fund, fundName, asOf, sharesOutstanding, constituents, excluded }, warnings);
}

/** `"1,532,594,919.50"` → 1532594919.5; `-`, `--`, '' → null. */
export function parseIsharesNumber(raw: string): number | null {
  const s = raw.trim().replace(/,/g, '');
  if (s === '' || /^-+$/.test(s)) return null;
  if (!/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** `May 05, 2026` → `2026-05-05`; null when not in that form. */
export function parseIsharesDate(raw: string): string | null {
  const m = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),\s*(\d{4})$/.exec(raw.trim());
  if (!m) return null;
  const month = MONTHS[(m[1] ?? '').toLowerCase()];
  const day = Number(m[2]);
  if (!month || day < 1 || day > 31) return null;
  return `${m[3]}-${month}-${String(day).padStart(2, '0')}`;
}

/**
 * iShares writes class shares without punctuation (`BRKB`, `MOGA`). We keep the raw ticker in the
 * snapshot; this only uppercases and trims so lookups are consistent. Mapping to `BRK.B` is the
 * detector's job (it knows the listed symbols).
 */
export function normalizeIsharesTicker(raw: string): string {
  return raw.trim().toUpperCase();
}

export interface FetchIsharesOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** GET the holdings CSV for one fund and parse it. Provenance asOf = the file's "as of" date. */
export async function fetchIsharesHoldings(
  fetchImpl: FetchImpl,
  fund: IsharesFund,
  options: FetchIsharesOptions = {},
): Promise<Result<{ data: HoldingsSnapshot; provenance: Provenance }>> {
  const url = ISHARES_HOLDINGS_URLS[fund];
  const res = await fetchText(fetchImpl, url, {
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    expect: 'csv',
    source: SOURCE_ID,
  });
  if (!res.ok) return res;
  const parsed = parseIsharesHoldings(res.value.text, { fund });
  if (!parsed.ok) return parsed;
  return ok(
    {
      data: parsed.value,
      provenance: {
        source: SOURCE_ID,
        label: `iShares ${fund} holdings`,
        asOf: parsed.value.asOf,
        fetchedAt: new Date().toISOString(),
        url,
      },
    },
    parsed.warnings,
  );
}
