/**
 * iShares "fund data" download (the product page's "Download > Fund data" link): NAV per share and
 * shares outstanding per day, from the workbook's `Historical` sheet. See
 * ../shared/fixtures/real/SOURCES.md §2.
 *
 * Despite the `.xls` name the body is SpreadsheetML 2003 text, and it is NOT well-formed XML
 * (raw `&` in text and attributes, `<strong>`/`<br />` inside cells), and service workers have
 * no DOMParser anyway. So we strip every leading U+FEFF (real files carry two), cut out the
 * `<ss:Worksheet ss:Name="Historical">` block by string search and scan rows and cells with
 * indexOf (linear time even on hostile input; lazy regexes over unclosed tags go quadratic).
 *
 * Historical sheet: header `As Of | NAV per Share | Ex-Dividends | Shares Outstanding`, rows newest
 * first, `--` for "no value". We return rows oldest first.
 *
 * The converted CSV variant (§2c, `ishares_IWM_fund_historical_2025-02-04.csv`) is read by
 * parseIsharesFundHistoryCsv; there rows whose shares are `--` (Good Friday, a Sunday) are skipped.
 */
import { fail, ok, type Result } from '../result';
import type { FundHistoryRow, Provenance } from '../source-data';
import { errorMessage, fetchText, looksLikeHtml, type FetchImpl } from './http';
import { parseIsharesDate, parseIsharesNumber, type IsharesFund } from './ishares-holdings';
import { parseCsvLine } from '../core/csv';

export const SOURCE_ID = 'ishares-fund';

/**
 * The IWM URL is the one recorded in SOURCES.md §2. IWB and IVV follow the same pattern
 * (product id + the same `1521942788811.ajax` component + the fund's file name).
 */
export const ISHARES_FUND_URLS: Record<IsharesFund, string> = {
  IWM: 'https://www.ishares.com/us/products/239710/ishares-russell-2000-etf/1521942788811.ajax?fileType=xls&fileName=iShares-Russell-2000-ETF_fund&dataType=fund',
  IWB: 'https://www.ishares.com/us/products/239707/ishares-russell-1000-etf/1521942788811.ajax?fileType=xls&fileName=iShares-Russell-1000-ETF_fund&dataType=fund',
  IVV: 'https://www.ishares.com/us/products/239726/ishares-core-sp-500-etf/1521942788811.ajax?fileType=xls&fileName=iShares-Core-SP-500-ETF_fund&dataType=fund',
};

/** The real IWM file is ~4.8 M characters (25 years of history + ~2,000 holdings). */
export const MAX_FUND_FILE_CHARS = 40_000_000;

export interface IsharesFundHistory {
  /** From the Holdings sheet preamble; null when absent (CSV variant, or sheet missing). */
  fundName: string | null;
  holdingsAsOf: string | null;
  /** Holdings preamble figure, else the newest Historical row with a value. */
  sharesOutstanding: number | null;
  /** Oldest first, one row per date. */
  history: FundHistoryRow[];
}

/** Pure: SpreadsheetML text → history. Never throws. */
export function parseIsharesFundHistory(text: string): Result<IsharesFundHistory> {
  try {
    return parseSpreadsheetMl(text);
  } catch (e) {
    return fail('format', `iShares fund file could not be parsed: ${errorMessage(e)}`, { source: SOURCE_ID });
  }
}

/** Pure: the converted CSV of the Historical sheet → history. Never throws. */
export function parseIsharesFundHistoryCsv(text: string): Result<IsharesFundHistory> {
  try {
    return parseCsv(text);
  } catch (e) {
    return fail('format', `iShares fund history CSV could not be parsed: ${errorMessage(e)}`, {
      source: SOURCE_ID,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// SpreadsheetML scanning

interface Sheet {
  /** Text between the opening Worksheet tag and its closing tag (or end of text when truncated). */
  body: string;
  closed: boolean;
  prefix: string;
}

/** Finds `<ss:Worksheet ss:Name="…">` (any or no namespace prefix) and returns its body. */
function findSheet(text: string, name: string): Sheet | null {
  const re = new RegExp(`<([A-Za-z]+:)?Worksheet\\s[^>]*?Name="${name}"[^>]*>`, 'g');
  const m = re.exec(text);
  if (!m) return null;
  const prefix = m[1] ?? '';
  const from = m.index + m[0].length;
  const closeTag = `</${prefix}Worksheet>`;
  const end = text.indexOf(closeTag, from);
  if (end < 0) return { body: text.slice(from), closed: false, prefix };
  return { body: text.slice(from, end), closed: true, prefix };
}

interface Rows {
  rows: string[][];
  /** An opening Row tag without its closing tag: the text was cut inside a row. */
  truncated: boolean;
}

/** Rows → cell texts (ss:Index honoured, so skipped cells keep later columns in place). */
function scanRows(body: string, prefix: string, maxRows = Infinity): Rows {
  const rowOpen = `<${prefix}Row`;
  const rowClose = `</${prefix}Row>`;
  const rows: string[][] = [];
  let pos = 0;
  while (rows.length < maxRows) {
    const start = indexOfTag(body, rowOpen, pos);
    if (start < 0) break;
    const openEnd = body.indexOf('>', start);
    if (openEnd < 0) return { rows, truncated: true };
    if (body[openEnd - 1] === '/') {
      rows.push([]); // <ss:Row/>
      pos = openEnd + 1;
      continue;
    }
    const end = body.indexOf(rowClose, openEnd);
    if (end < 0) return { rows, truncated: true };
    rows.push(scanCells(body.slice(openEnd + 1, end), prefix));
    pos = end + rowClose.length;
  }
  return { rows, truncated: false };
}

/** indexOf for `<ss:Row` that is followed by whitespace, `>` or `/` (not `<ss:RowFoo`). */
function indexOfTag(s: string, tag: string, from: number): number {
  let i = s.indexOf(tag, from);
  while (i >= 0) {
    const next = s[i + tag.length];
    if (
      next === undefined ||
      next === '>' ||
      next === '/' ||
      next === ' ' ||
      next === '\n' ||
      next === '\r' ||
      next === '\t'
    ) {
      return i;
    }
    i = s.indexOf(tag, i + tag.length);
  }
  return -1;
}

function scanCells(row: string, prefix: string): string[] {
  const cellOpen = `<${prefix}Cell`;
  const cellClose = `</${prefix}Cell>`;
  const cells: string[] = [];
  let pos = 0;
  for (;;) {
    const start = indexOfTag(row, cellOpen, pos);
    if (start < 0) break;
    const openEnd = row.indexOf('>', start);
    if (openEnd < 0) break;
    const openTag = row.slice(start, openEnd + 1);
    const idx = /Index="(\d+)"/.exec(openTag);
    if (idx) {
      const col = Number(idx[1]) - 1;
      while (cells.length < col && cells.length < 1000) cells.push('');
    }
    if (openTag.endsWith('/>')) {
      cells.push('');
      pos = openEnd + 1;
      continue;
    }
    const end = row.indexOf(cellClose, openEnd);
    const inner = row.slice(openEnd + 1, end < 0 ? row.length : end);
    cells.push(cellText(inner, prefix));
    if (end < 0) break;
    pos = end + cellClose.length;
  }
  return cells;
}

/** The text of a cell's `<ss:Data>`: inner markup (`<strong>`, `<br />`) dropped, entities decoded. */
function cellText(inner: string, prefix: string): string {
  const dataOpen = indexOfTag(inner, `<${prefix}Data`, 0);
  if (dataOpen < 0) return '';
  const openEnd = inner.indexOf('>', dataOpen);
  if (openEnd < 0 || inner[openEnd - 1] === '/') return '';
  const close = inner.indexOf(`</${prefix}Data>`, openEnd);
  const raw = inner.slice(openEnd + 1, close < 0 ? inner.length : close);
  return decodeEntities(raw.replace(/<[^<>]*>/g, '')).trim();
}

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, ent: string) => {
    if (ent === 'amp') return '&';
    if (ent === 'lt') return '<';
    if (ent === 'gt') return '>';
    if (ent === 'quot') return '"';
    if (ent === 'apos') return "'";
    const code = ent.startsWith('#x') ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const HEADER_AS_OF = 'as of';
const HEADER_NAV = 'nav per share';
const HEADER_EXDIV = 'ex-dividends';
const HEADER_SHARES = 'shares outstanding';

interface Columns {
  date: number;
  nav: number;
  exDiv: number;
  shares: number;
}

function findColumns(header: string[]): Columns | null {
  const h = header.map((c) => c.trim().toLowerCase());
  const cols = {
    date: h.indexOf(HEADER_AS_OF),
    nav: h.indexOf(HEADER_NAV),
    exDiv: h.indexOf(HEADER_EXDIV),
    shares: h.indexOf(HEADER_SHARES),
  };
  return cols.date >= 0 && cols.nav >= 0 && cols.shares >= 0 ? cols : null;
}

/** Builds rows from cell texts; counts what it had to skip. */
function buildHistory(
  dataRows: string[][],
  cols: Columns,
  skipNullShares: boolean,
): { history: FundHistoryRow[]; badRows: number; nullShares: number; duplicates: number } {
  const byDate = new Map<string, FundHistoryRow>();
  let badRows = 0;
  let nullShares = 0;
  let duplicates = 0;
  for (const cells of dataRows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const date = parseIsharesDate(cells[cols.date] ?? '');
    const nav = parseIsharesNumber(cells[cols.nav] ?? '');
    if (!date || nav === null || nav <= 0) {
      badRows++;
      continue;
    }
    const shares = parseIsharesNumber(cells[cols.shares] ?? '');
    if (shares === null) {
      nullShares++;
      if (skipNullShares) continue;
    }
    const exDividend = cols.exDiv >= 0 ? parseIsharesNumber(cells[cols.exDiv] ?? '') : null;
    if (byDate.has(date)) {
      duplicates++; // the file is newest first: keep the first (latest published) row
      continue;
    }
    byDate.set(date, { date, nav, sharesOutstanding: shares, exDividend });
  }
  const history = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { history, badRows, nullShares, duplicates };
}

function commonChecks(text: unknown): Result<string> {
  if (typeof text !== 'string' || text.trim() === '') {
    return fail('empty', 'Empty iShares fund file', { source: SOURCE_ID });
  }
  if (text.length > MAX_FUND_FILE_CHARS) {
    return fail('too-large', `iShares fund file of ${text.length} characters is over the limit`, {
      source: SOURCE_ID,
    });
  }
  const body = text.replace(/^\uFEFF+/, '');
  if (looksLikeHtml(body)) {
    return fail('challenge', 'Got an HTML page instead of the iShares fund file', { source: SOURCE_ID });
  }
  return ok(body);
}

function parseSpreadsheetMl(text: string): Result<IsharesFundHistory> {
  const checked = commonChecks(text);
  if (!checked.ok) return checked;
  const body = checked.value;
  if (!/<([A-Za-z]+:)?Workbook[\s>]/.test(body.slice(0, 4096))) {
    return fail('format', 'Not a SpreadsheetML workbook (no <Workbook> near the start)', {
      source: SOURCE_ID,
    });
  }
  const sheet = findSheet(body, 'Historical');
  if (!sheet) {
    return fail('format', 'No "Historical" worksheet (a non-English page locale renames the sheets)', {
      source: SOURCE_ID,
    });
  }
  const { rows, truncated } = scanRows(sheet.body, sheet.prefix);
  if (truncated || !sheet.closed) {
    // Rows are newest first, so a cut file silently loses the *oldest* history; refuse it rather
    // than compute flow percentiles on a shortened record.
    return fail('format', 'The fund file is truncated inside the Historical sheet', { source: SOURCE_ID });
  }
  const headerIdx = rows.findIndex((r) => findColumns(r) !== null);
  const header = headerIdx >= 0 ? rows[headerIdx] : undefined;
  const cols = header ? findColumns(header) : null;
  if (!cols) {
    return fail('format', 'Historical sheet has no "As Of / NAV per Share / Shares Outstanding" header', {
      source: SOURCE_ID,
    });
  }
  const built = buildHistory(rows.slice(headerIdx + 1), cols, false);
  if (built.history.length === 0) {
    return fail('empty', 'Historical sheet has no usable rows', { source: SOURCE_ID });
  }
  const warnings = historyWarnings(built);
  const pre = readHoldingsPreamble(body);
  if (!pre) warnings.push('No Holdings sheet preamble: fund name and holdings date unknown');
  const newestShares = [...built.history]
    .reverse()
    .find((r) => r.sharesOutstanding !== null)?.sharesOutstanding;
  return ok(
    {
      fundName: pre?.fundName ?? null,
      holdingsAsOf: pre?.holdingsAsOf ?? null,
      sharesOutstanding: pre?.sharesOutstanding ?? newestShares ?? null,
      history: built.history,
    },
    warnings,
  );
}

function historyWarnings(b: { badRows: number; nullShares: number; duplicates: number }): string[] {
  const w: string[] = [];
  if (b.badRows > 0) w.push(`${b.badRows} Historical row(s) without a valid date or NAV were skipped`);
  if (b.duplicates > 0) w.push(`${b.duplicates} repeated date(s) in the Historical sheet; kept the first`);
  return w;
}

interface Preamble {
  fundName: string | null;
  holdingsAsOf: string | null;
  sharesOutstanding: number | null;
}

/** Holdings sheet: `24-Dec-2025`, fund name, then `label | value` rows until the blank row. */
function readHoldingsPreamble(body: string): Preamble | null {
  const sheet = findSheet(body, 'Holdings');
  if (!sheet) return null;
  const { rows } = scanRows(sheet.body, sheet.prefix, 12);
  const pre: Preamble = { fundName: null, holdingsAsOf: null, sharesOutstanding: null };
  for (const cells of rows) {
    const filled = cells.filter((c) => c !== '');
    const label = (cells[0] ?? '').toLowerCase();
    if (
      filled.length === 1 &&
      pre.fundName === null &&
      !/^\d{1,2}-[A-Za-z]{3}-\d{4}$/.test(filled[0] ?? '')
    ) {
      pre.fundName = filled[0] ?? null;
    } else if (label === 'fund holdings as of') {
      pre.holdingsAsOf = parseIsharesDate(cells[1] ?? '');
    } else if (label === 'shares outstanding') {
      pre.sharesOutstanding = parseIsharesNumber(cells[1] ?? '');
    }
  }
  return pre;
}

// ---------------------------------------------------------------------------------------------
// CSV variant

function parseCsv(text: string): Result<IsharesFundHistory> {
  const checked = commonChecks(text);
  if (!checked.ok) return checked;
  const lines = checked.value.split(/\r\n|\n|\r/);
  const headerIdx = lines.findIndex((l) => {
    const cells = parseCsvLine(l);
    return cells !== null && findColumns(cells) !== null;
  });
  if (headerIdx < 0) {
    return fail('format', 'No "As Of,NAV per Share,…,Shares Outstanding" header', { source: SOURCE_ID });
  }
  const cols = findColumns(parseCsvLine(lines[headerIdx] ?? '') ?? []);
  if (!cols) return fail('format', 'Unreadable header', { source: SOURCE_ID });
  const dataRows: string[][] = [];
  let unreadable = 0;
  for (const line of lines.slice(headerIdx + 1)) {
    if (line.trim() === '') continue;
    const cells = parseCsvLine(line);
    if (cells === null) unreadable++;
    else dataRows.push(cells);
  }
  const built = buildHistory(dataRows, cols, true);
  if (built.history.length === 0) return fail('empty', 'No usable history rows', { source: SOURCE_ID });
  const warnings = historyWarnings(built);
  if (unreadable > 0) warnings.push(`${unreadable} line(s) with broken quoting were skipped`);
  if (built.nullShares > 0) {
    warnings.push(`${built.nullShares} row(s) with Shares Outstanding "--" were skipped`);
  }
  const newest = built.history[built.history.length - 1];
  return ok(
    {
      fundName: null,
      holdingsAsOf: null,
      sharesOutstanding: newest?.sharesOutstanding ?? null,
      history: built.history,
    },
    warnings,
  );
}

// ---------------------------------------------------------------------------------------------
// Fetch

export interface FetchIsharesFundOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** GET one fund's data file and parse it. Provenance asOf = the newest Historical row. */
export async function fetchIsharesFund(
  fetchImpl: FetchImpl,
  fund: IsharesFund,
  options: FetchIsharesFundOptions = {},
): Promise<Result<{ data: IsharesFundHistory; provenance: Provenance }>> {
  const url = ISHARES_FUND_URLS[fund];
  const res = await fetchText(fetchImpl, url, {
    timeoutMs: options.timeoutMs ?? 30_000,
    signal: options.signal,
    expect: 'xml',
    maxBytes: MAX_FUND_FILE_CHARS,
    source: SOURCE_ID,
  });
  if (!res.ok) return res;
  const parsed = parseIsharesFundHistory(res.value.text);
  if (!parsed.ok) return parsed;
  const newest = parsed.value.history[parsed.value.history.length - 1];
  return ok(
    {
      data: parsed.value,
      provenance: {
        source: SOURCE_ID,
        label: `iShares ${fund} NAV and shares outstanding`,
        asOf: newest?.date ?? parsed.value.holdingsAsOf ?? '',
        fetchedAt: new Date().toISOString(),
        url,
      },
    },
    parsed.warnings,
  );
}
