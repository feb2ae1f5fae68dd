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
import type { ReconstitutionChange } from '../source-data';
import { isIsoDate } from './calendars';
import { detectSeparator, findColumn, parseCsvRecords } from '../core/csv';
import { canonicalSymbol, isTickerShape } from '../core/symbols';

const SOURCE = 'reconstitution-csv';
/** The real lists are ~10 KB; anything this big is not a reconstitution list. */
export const MAX_RECON_CSV_CHARS = 5_000_000;

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
  const symCol = findColumn(header, SYMBOL_HEADERS);
  const nameCol = findColumn(header, COMPANY_HEADERS);
  const indCol = findColumn(header, INDUSTRY_HEADERS);
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
    const symbol = canonicalSymbol(rec[symCol] ?? '');
    if (!isTickerShape(symbol)) {
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
