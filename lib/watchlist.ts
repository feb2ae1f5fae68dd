/**
 * Watchlist logic kept out of the components: CSV export/import, sorting, reordering, adding.
 * Every function returns a new list; a failed import returns an error and leaves the caller's
 * list untouched.
 */
import type { IndexMembership, TickerInfo, TickerQuote, WatchlistItem } from './view-models';
import { MAX_WATCHLIST, normalizeSymbol } from './core/symbols';
import { detectSeparator, parseCsvRecords } from './core/csv';

const CSV_COLUMNS = ['symbol', 'note', 'added_at', 'membership_at_pin'] as const;
const MEMBERSHIPS: ReadonlySet<string> = new Set(['R2000', 'R1000', 'SP500']);
/** Leading characters a spreadsheet would run as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const MAX_CSV_CHARS = 1_000_000;

function csvField(value: string): string {
  // Defuse spreadsheet formulas in notes (CSV injection); the import strips the guard again.
  const v = FORMULA_START.test(value) ? `'${value}` : value;
  // Quoted when it holds any separator a reader may split on (comma, semicolon, tab), a quote
  // or a line break, or has edge spaces.
  return /[",;\t\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

/** RFC 4180 CSV with a header line and CRLF line ends. */
export function watchlistToCsv(items: WatchlistItem[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const i of items) {
    lines.push([i.symbol, i.note, i.addedAt, i.membershipAtPin ?? ''].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export type ParseResult =
  { ok: true; items: WatchlistItem[]; warnings: string[] } | { ok: false; error: string };

const HEADER_ALIASES: Record<(typeof CSV_COLUMNS)[number], string[]> = {
  symbol: ['symbol', 'ticker', 'code'],
  note: ['note', 'notes', 'comment'],
  added_at: ['added_at', 'added at', 'addedat', 'added'],
  membership_at_pin: ['membership_at_pin', 'membership at pin', 'membershipatpin', 'membership'],
};

const normHeader = (h: string) =>
  h
    .replace(/^\uFEFF+/, '')
    .trim()
    .toLowerCase();

function summarizeLines(lines: number[]): string {
  const shown = lines.slice(0, 5).join(', ');
  return lines.length > 5 ? `${shown} and ${lines.length - 5} more` : shown;
}

/**
 * Reads a watchlist CSV: our own export, or any CSV with a Symbol/Ticker column, or a bare
 * list of symbols one per line. Unusable rows are skipped with a warning naming their lines;
 * a file with no usable row at all is an error.
 */
export function parseWatchlistCsv(text: string, now: Date = new Date()): ParseResult {
  if (typeof text !== 'string' || text.replace(/^\uFEFF+/, '').trim() === '') {
    return { ok: false, error: 'The file is empty.' };
  }
  if (text.length > MAX_CSV_CHARS)
    return { ok: false, error: 'The file is too large for a watchlist (over 1 MB).' };
  const body = text.replace(/^\uFEFF+/, '');
  if (body.includes('\u0000')) return { ok: false, error: 'This is a binary file, not a CSV file.' };
  if (/^\s*[<{[]/.test(body)) return { ok: false, error: 'This looks like HTML or JSON, not a CSV file.' };
  const firstLine = body.split(/\r?\n|\r/, 1)[0] ?? '';
  const records = parseCsvRecords(body, detectSeparator(firstLine));
  if (!records) return { ok: false, error: 'A quoted field is never closed (is the file cut short?).' };
  const header = (records[0] ?? []).map(normHeader);
  const col = (name: keyof typeof HEADER_ALIASES) =>
    header.findIndex((h) => HEADER_ALIASES[name].includes(h));
  let symCol = col('symbol');
  let rows = records.slice(1);
  let firstRow = 2;
  if (symCol < 0) {
    // No recognised header: accept a bare list of symbols, otherwise say what is missing.
    if (header.length === 1 && normalizeSymbol(records[0]?.[0] ?? '')) {
      symCol = 0;
      rows = records;
      firstRow = 1;
    } else {
      return {
        ok: false,
        error: `No "symbol" column found. The first line is: "${(records[0] ?? []).join(', ').slice(0, 120)}".`,
      };
    }
  }
  const noteCol = col('note');
  const addedCol = col('added_at');
  const memCol = col('membership_at_pin');
  const items: WatchlistItem[] = [];
  const seen = new Set<string>();
  const bad: number[] = [];
  const dupes: string[] = [];
  let overflow = 0;
  rows.forEach((rec, i) => {
    const raw = rec[symCol] ?? '';
    const symbol = normalizeSymbol(raw);
    if (!symbol) {
      bad.push(i + firstRow);
      return;
    }
    if (seen.has(symbol)) {
      dupes.push(symbol);
      return;
    }
    if (items.length >= MAX_WATCHLIST) {
      overflow++;
      return;
    }
    seen.add(symbol);
    const note = noteCol >= 0 ? (rec[noteCol] ?? '').replace(/^'(?=[=+\-@\t\r])/, '').slice(0, 500) : '';
    const added = addedCol >= 0 ? (rec[addedCol] ?? '').trim() : '';
    const mem = memCol >= 0 ? (rec[memCol] ?? '').trim().toUpperCase() : '';
    items.push({
      symbol,
      note,
      addedAt: added && !Number.isNaN(Date.parse(added)) ? added : now.toISOString(),
      membershipAtPin: MEMBERSHIPS.has(mem) ? (mem as IndexMembership) : null,
    });
  });
  if (items.length === 0) {
    return {
      ok: false,
      error: bad.length
        ? `No valid ticker symbols found (line${bad.length > 1 ? 's' : ''} ${summarizeLines(bad)}).`
        : 'The file has a header but no rows.',
    };
  }
  const warnings: string[] = [];
  if (bad.length)
    warnings.push(`Skipped ${bad.length} row(s) without a valid symbol (line ${summarizeLines(bad)}).`);
  if (dupes.length)
    warnings.push(`Ignored ${dupes.length} repeated symbol(s): ${dupes.slice(0, 5).join(', ')}.`);
  if (overflow) warnings.push(`Kept the first ${MAX_WATCHLIST} symbols; ${overflow} more were left out.`);
  return { ok: true, items, warnings };
}

/**
 * Adds imported rows after the current ones. Existing rows keep their place and data; an empty
 * note is filled from the file. Returns how many symbols were new.
 */
export function mergeWatchlists(
  current: WatchlistItem[],
  imported: WatchlistItem[],
): { items: WatchlistItem[]; added: number; skipped: number } {
  const bySymbol = new Map(current.map((i) => [i.symbol, i]));
  const items = current.map((i) => {
    const inc = imported.find((x) => x.symbol === i.symbol);
    return inc && !i.note && inc.note ? { ...i, note: inc.note } : i;
  });
  let added = 0;
  let skipped = 0;
  for (const inc of imported) {
    if (bySymbol.has(inc.symbol)) continue;
    if (items.length >= MAX_WATCHLIST) {
      skipped++;
      continue;
    }
    bySymbol.set(inc.symbol, inc);
    items.push(inc);
    added++;
  }
  return { items, added, skipped };
}

/** Moves one row; out-of-range moves return the list unchanged. */
export function moveItem<T>(items: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= items.length || to < 0 || to >= items.length) return items;
  const next = items.slice();
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

export type SortKey = 'symbol' | 'weight' | 'change';

/**
 * Orders rows by symbol (A→Z), Russell 2000 weight (largest first) or day change (largest
 * first). Rows without the figure go last, in their current order (the sort is stable).
 */
export function sortWatchlist(
  items: WatchlistItem[],
  key: SortKey,
  infos: ReadonlyMap<string, TickerInfo>,
  quotes: ReadonlyMap<string, TickerQuote | null>,
): WatchlistItem[] {
  const value = (i: WatchlistItem): number | null => {
    if (key === 'weight') return infos.get(i.symbol)?.russell2000?.weightPct ?? null;
    if (key === 'change') return quotes.get(i.symbol)?.changePct ?? null;
    return null;
  };
  const indexed = items.map((item, idx) => ({ item, idx, v: value(item) }));
  indexed.sort((a, b) => {
    if (key === 'symbol') return a.item.symbol.localeCompare(b.item.symbol) || a.idx - b.idx;
    if (a.v === null && b.v === null) return a.idx - b.idx;
    if (a.v === null) return 1;
    if (b.v === null) return -1;
    return b.v - a.v || a.idx - b.idx;
  });
  return indexed.map((x) => x.item);
}

export function setNote(items: WatchlistItem[], symbol: string, note: string): WatchlistItem[] {
  return items.map((i) => (i.symbol === symbol ? { ...i, note: note.slice(0, 500) } : i));
}

/** A file name for the export, e.g. "small-cap-lens-watchlist-2025-12-24.csv". */
export function exportFileName(now: Date = new Date(), ext = 'csv', what = 'watchlist'): string {
  return `small-cap-lens-${what}-${now.toISOString().slice(0, 10)}.${ext}`;
}
