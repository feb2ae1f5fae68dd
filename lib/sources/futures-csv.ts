/**
 * Fed funds futures closes from CSV (user import, or the recorded history in ../shared).
 *
 * Accepted layouts (header names case-insensitive, columns found by name, any order):
 *  1. `Date,Contract,Close` – one row per contract and day.
 *  2. `Date,Open,High,Low,Close,Volume,OpenInterest,Symbol` – the Barchart-style export recorded
 *     in zq_contracts_daily_2023-02-01_to_2023-04-14.csv (extra columns are ignored).
 *  Aliases: Contract/Symbol/Ticker for the contract, Close/Settle/Settlement/Last for the price.
 *  Contract: `ZQK23`, `ZQK2023` or Yahoo's `ZQK23.CBT` (K = May → month 2023-05).
 *  Date: `YYYY-MM-DD`, optionally followed by a time (`2023-03-10 00:00:00`, `2023-03-10T00:00:00Z`);
 *        the calendar date as written is used (no time-zone shift), or `YYYY/MM/DD`.
 *  Also: BOM, CRLF, quoted fields, `,` `;` or tab separators.
 * Rows with an unknown contract, bad date or implausible price are skipped and counted in the
 * warnings; a repeated (contract, date) keeps the last row. Output: by month, then date.
 */
import { fail, ok, type Result } from '../result';
import type { FuturesQuote } from '../source-data';
import { isIsoDate } from './calendars';
import { contractMonth, ZQ_PRICE_RANGE } from './fed-futures';
import { detectSeparator, findColumn, parseCsvRecords } from '../core/csv';

const SOURCE = 'futures-csv';
/** The recorded 2½-month file is 46 KB; decades of every contract stay far below this. */
export const MAX_FUTURES_CSV_CHARS = 20_000_000;

const DATE_HEADERS = ['date', 'tradedate', 'day', 'timestamp'];
const CONTRACT_HEADERS = ['contract', 'symbol', 'ticker'];
const CLOSE_HEADERS = ['close', 'settle', 'settlement', 'last'];

function parseDate(raw: string): string | null {
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:$|[ T]\d{1,2}:\d{2})/.exec(raw.trim());
  if (!m) return null;
  const d = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(d) ? d : null;
}

export function parseFuturesCsv(text: string): Result<FuturesQuote[]> {
  if (typeof text !== 'string' || text.replace(/^\uFEFF+/, '').trim() === '') {
    return fail('empty', 'Empty file', { source: SOURCE });
  }
  if (text.length > MAX_FUTURES_CSV_CHARS) {
    return fail('too-large', `File of ${text.length} characters is over the limit`, { source: SOURCE });
  }
  const body = text.replace(/^\uFEFF+/, '');
  if (body.includes('\u0000')) return fail('format', 'Binary data, not a CSV file', { source: SOURCE });
  if (/^\s*</.test(body))
    return fail('challenge', 'Got an HTML page instead of a CSV file', { source: SOURCE });
  const firstLine = body.split(/\r?\n|\r/, 1)[0] ?? '';
  const records = parseCsvRecords(body, detectSeparator(firstLine));
  if (!records) return fail('format', 'Unterminated quoted field (file truncated?)', { source: SOURCE });
  const header = records[0] ?? [];
  const dateCol = findColumn(header, DATE_HEADERS);
  const contractCol = findColumn(header, CONTRACT_HEADERS);
  const closeCol = findColumn(header, CLOSE_HEADERS);
  if (dateCol < 0 || contractCol < 0 || closeCol < 0) {
    return fail(
      'format',
      `Expected Date, Contract/Symbol and Close columns; header is: ${(records[0] ?? []).join(',').slice(0, 200)}`,
      { source: SOURCE },
    );
  }
  const [lo, hi] = ZQ_PRICE_RANGE;
  const byKey = new Map<string, FuturesQuote>();
  let badContract = 0;
  let badDate = 0;
  let badPrice = 0;
  let repeated = 0;
  for (const rec of records.slice(1)) {
    const contractRaw = (rec[contractCol] ?? '').trim().toUpperCase();
    const month = contractMonth(contractRaw);
    if (!month) {
      badContract++;
      continue;
    }
    const date = parseDate(rec[dateCol] ?? '');
    if (!date) {
      badDate++;
      continue;
    }
    const closeText = (rec[closeCol] ?? '').trim();
    const close = closeText === '' ? NaN : Number(closeText);
    if (!Number.isFinite(close) || close < lo || close > hi) {
      badPrice++;
      continue;
    }
    const contract = contractRaw.replace(/\.CBT$/, '');
    const key = `${month}|${date}`;
    if (byKey.has(key)) repeated++;
    byKey.set(key, { contract, month, date, close });
  }
  const quotes = [...byKey.values()].sort((a, b) =>
    a.month === b.month ? a.date.localeCompare(b.date) : a.month.localeCompare(b.month),
  );
  const warnings: string[] = [];
  if (badContract) warnings.push(`${badContract} row(s) with an unknown contract symbol skipped`);
  if (badDate) warnings.push(`${badDate} row(s) with an unreadable date skipped`);
  if (badPrice) warnings.push(`${badPrice} row(s) with a missing or implausible close skipped`);
  if (repeated) warnings.push(`${repeated} repeated contract/date row(s): last one kept`);
  if (quotes.length === 0) return fail('empty', 'No usable futures rows', { source: SOURCE });
  return ok(quotes, warnings);
}
