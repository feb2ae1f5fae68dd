/**
 * Russell reconstitution lists (additions / deletions) as CSV.
 *
 * FTSE Russell publishes these only as PDFs; we do not parse PDFs in the extension. Accepted input:
 *  - the extracted CSVs of the 2025 final lists (`Company,Symbol,Industry`, LF, 228 additions /
 *    152 deletions in the recorded files), and
 *  - user-imported CSVs: header names matched case-insensitively with aliases (Symbol/Ticker/Code,
 *    Company/Name/Security Name, Industry/Sector), UTF-8 BOM(s), CRLF or LF, RFC 4180 quoting,
 *    and `,` `;` or tab as separator (Excel in European locales writes `;`).
 * Rows without a usable symbol are skipped with a warning; duplicate symbols keep the first row.
 */
import { fail, ok, type Result } from '../result';
import type { ReconstitutionChange } from '../types';
import { isIsoDate } from './calendars';

const SOURCE = 'reconstitution-csv';
/** The real lists are ~10 KB; anything this big is not a reconstitution list. */
export const MAX_RECON_CSV_CHARS = 5_000_000;

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold separators, `""` and newlines).
 * Returns null when a quoted field is never closed (a truncated file).
 */
export function parseCsvRecords(text: string, separator = ','): string[][] | null {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === separator) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      // CRLF is one break; the stray CR of CR CR LF files makes a blank record, dropped below.
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) return null;
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines carry no data.
  return rows.filter((r) => !(r.length === 1 && (r[0] ?? '').trim() === ''));
}

/** Picks the separator that splits the header line into the most columns. */
export function detectSeparator(headerLine: string): string {
  const counts = [',', ';', '\t'].map((s) => [s, headerLine.split(s).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 1 ? counts[0][0] : ',';
}

const norm = (h: string) =>
  h
    .replace(/^\uFEFF+/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const SYMBOL_HEADERS = ['symbol', 'ticker', 'ticker symbol', 'code', 'issuer ticker', 'emittententicker'];
const COMPANY_HEADERS = [
  'company',
  'name',
  'company name',
  'security name',
  'security',
  'issuer',
  'description',
];
const INDUSTRY_HEADERS = ['industry', 'sector', 'icb industry', 'gics sector'];

function findColumn(headers: string[], aliases: string[]): number {
  for (const a of aliases) {
    const idx = headers.indexOf(a);
    if (idx >= 0) return idx;
  }
  return -1;
}

// US tickers: letters, digits and class separators (BRK.B, BRK-B, BRK/B), at most 10 chars.
const SYMBOL_RE = /^[A-Z][A-Z0-9.\-/]{0,9}$/;

export function parseReconstitutionCsv(
  text: string,
  change: 'added' | 'deleted',
  effective: string,
): Result<ReconstitutionChange[]> {
  if (change !== 'added' && change !== 'deleted') {
    return fail('format', `change must be 'added' or 'deleted'`, { source: SOURCE });
  }
  if (!isIsoDate(effective)) {
    return fail('format', `effective must be a YYYY-MM-DD date, got ${String(effective)}`, {
      source: SOURCE,
    });
  }
  if (typeof text !== 'string' || text.replace(/^\uFEFF+/, '').trim() === '') {
    return fail('empty', 'Empty file', { source: SOURCE });
  }
  if (text.length > MAX_RECON_CSV_CHARS) {
    return fail('too-large', `File of ${text.length} characters is over the limit`, { source: SOURCE });
  }
  const body = text.replace(/^\uFEFF+/, '');
  if (body.includes('\u0000')) return fail('format', 'Binary data, not a CSV file', { source: SOURCE });
  if (/^\s*</.test(body))
    return fail('challenge', 'Got an HTML/XML page instead of a CSV file', { source: SOURCE });
  const firstLine = body.split(/\r?\n|\r/, 1)[0] ?? '';
  const records = parseCsvRecords(body, detectSeparator(firstLine));
  if (!records) return fail('format', 'Unterminated quoted field (file truncated?)', { source: SOURCE });
  const header = records[0];
  if (!header) return fail('empty', 'No header line', { source: SOURCE });
  const headers = header.map(norm);
  const symCol = findColumn(headers, SYMBOL_HEADERS);
  const nameCol = findColumn(headers, COMPANY_HEADERS);
  const indCol = findColumn(headers, INDUSTRY_HEADERS);
  if (symCol < 0) {
    return fail('format', `No Symbol/Ticker column in header: ${header.join(', ').slice(0, 200)}`, {
      source: SOURCE,
    });
  }
  const out: ReconstitutionChange[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  let dupes = 0;
  for (const rec of records.slice(1)) {
    const symbol = (rec[symCol] ?? '').trim().toUpperCase();
    if (!SYMBOL_RE.test(symbol)) {
      skipped++;
      continue;
    }
    if (seen.has(symbol)) {
      dupes++;
      continue;
    }
    seen.add(symbol);
    out.push({
      symbol,
      company: nameCol >= 0 ? (rec[nameCol] ?? '').trim() : '',
      industry: indCol >= 0 ? (rec[indCol] ?? '').trim() : '',
      change,
      effective,
    });
  }
  const warnings: string[] = [];
  if (skipped) warnings.push(`${skipped} row(s) without a valid symbol skipped`);
  if (dupes) warnings.push(`${dupes} duplicate symbol row(s) ignored`);
  if (nameCol < 0) warnings.push('No company-name column; names left empty');
  if (out.length === 0) return fail('empty', 'No rows with a valid symbol', { source: SOURCE });
  return ok(out, warnings);
}
