/**
 * Nasdaq Trader symbol directory files (`nasdaqlisted.txt`, `otherlisted.txt`): pipe-delimited,
 * no quoting, a `File Creation Time: MMDDYYYYHH:MM` footer. Wire files are CRLF; copies re-saved
 * elsewhere are LF or CR CR LF, so every line break form is accepted.
 */
import { fail, ok, type Result } from '../result';
import { looksLikeHtml } from './http';

export interface NasdaqListedRow {
  symbol: string;
  name: string;
  /** Q Global Select, G Global Market, S Capital Market. */
  marketCategory: string;
  testIssue: boolean;
  /** N normal, D deficient, E delinquent, H deficient+delinquent (others kept verbatim). */
  financialStatus: string;
  roundLot: number | null;
  etf: boolean;
}

export interface OtherListedRow {
  /** ACT symbology: `BRK.B`, preferred `ABR$D`, warrant `ACHR.W`, unit `AAC.U`. */
  symbol: string;
  name: string;
  /** N NYSE, A NYSE American, P NYSE Arca, Z Cboe BZX, V IEX, M NYSE Texas. */
  exchange: string;
  cqsSymbol: string;
  etf: boolean;
  roundLot: number | null;
  testIssue: boolean;
  nasdaqSymbol: string;
}

export interface SymbolDirectory<Row> {
  rows: Row[]; // test issues included (flagged), file order
  /** From the footer, `YYYY-MM-DDTHH:MM` (exchange local time), null when absent. */
  fileCreationTime: string | null;
}

const NASDAQ_HEADER = [
  'Symbol',
  'Security Name',
  'Market Category',
  'Test Issue',
  'Financial Status',
  'Round Lot Size',
  'ETF',
  'NextShares',
];
const OTHER_HEADER = [
  'ACT Symbol',
  'Security Name',
  'Exchange',
  'CQS Symbol',
  'ETF',
  'Round Lot Size',
  'Test Issue',
  'NASDAQ Symbol',
];

function splitLines(text: string): string[] {
  const body = text.replace(/^\uFEFF/, '');
  // CRLF, LF and CR CR LF all reduce to one break; a file with bare CR only is split on CR.
  return body.includes('\n') ? body.split(/\r*\n/) : body.split(/\r+/);
}

function parseFooter(line: string): string | null {
  const m = /^File Creation Time:\s*(\d{2})(\d{2})(\d{4})(\d{2}):(\d{2})/.exec(line);
  return m ? `${m[3]}-${m[1]}-${m[2]}T${m[4]}:${m[5]}` : null;
}

function lotSize(s: string): number | null {
  const n = Number(s);
  return s !== '' && Number.isFinite(n) ? n : null;
}

function parseDirectory<Row>(
  text: string,
  header: string[],
  source: string,
  toRow: (cols: string[]) => Row,
): Result<SymbolDirectory<Row>> {
  if (looksLikeHtml(text))
    return fail('challenge', `${source}: HTML page instead of the symbol file`, { source });
  const lines = splitLines(text);
  const head = (lines[0] ?? '').split('|').map((s) => s.trim());
  if (head.length !== header.length || head.some((h, i) => h !== header[i])) {
    return fail('format', `${source}: unexpected header "${lines[0]?.slice(0, 120) ?? ''}"`, { source });
  }
  const rows: Row[] = [];
  const warnings: string[] = [];
  let fileCreationTime: string | null = null;
  let sawFooter = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    if (line.startsWith('File Creation Time')) {
      fileCreationTime = parseFooter(line);
      sawFooter = true;
      continue;
    }
    const cols = line.split('|');
    if (cols.length !== header.length) {
      warnings.push(`${source}: line ${i + 1} has ${cols.length} fields, skipped`);
      continue;
    }
    rows.push(toRow(cols.map((c) => c.trim())));
  }
  if (!sawFooter) warnings.push(`${source}: no "File Creation Time" footer (truncated file?)`);
  if (rows.length === 0) return fail('empty', `${source}: no rows`, { source });
  return ok({ rows, fileCreationTime }, warnings);
}

export function parseNasdaqListed(text: string): Result<SymbolDirectory<NasdaqListedRow>> {
  return parseDirectory(text, NASDAQ_HEADER, 'nasdaqlisted', (c) => ({
    symbol: c[0] ?? '',
    name: c[1] ?? '',
    marketCategory: c[2] ?? '',
    testIssue: c[3] === 'Y',
    financialStatus: c[4] ?? '',
    roundLot: lotSize(c[5] ?? ''),
    etf: c[6] === 'Y',
  }));
}

export function parseOtherListed(text: string): Result<SymbolDirectory<OtherListedRow>> {
  return parseDirectory(text, OTHER_HEADER, 'otherlisted', (c) => ({
    symbol: c[0] ?? '',
    name: c[1] ?? '',
    exchange: c[2] ?? '',
    cqsSymbol: c[3] ?? '',
    etf: c[4] === 'Y',
    roundLot: lotSize(c[5] ?? ''),
    testIssue: c[6] === 'Y',
    nasdaqSymbol: c[7] ?? '',
  }));
}
