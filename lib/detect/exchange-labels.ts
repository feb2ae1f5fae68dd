/**
 * Exchange labels ("NYSE:", "Nasdaq GS:", "OTCQX:", "TSX:", "ticker:") and the symbol shapes read
 * after them. A label group is classified once (US listing with its normalised label, OTC,
 * foreign, or a plain ticker label) and cached.
 */
import { TICKER_PATTERN } from '../core/symbols';

const US_EXCH =
  'NASDAQ\\s*(?:GS|GM|CM|Global\\s+Select(?:\\s+Market)?|Global\\s+Market|Capital\\s+Market|Stock\\s+Market)?|Nasdaq\\s*(?:GS|GM|CM|Global\\s+Select(?:\\s+Market)?|Global\\s+Market|Capital\\s+Market|Stock\\s+Market)?|NASDAQGS|NASDAQGM|NASDAQCM|NasdaqGS|NasdaqGM|NasdaqCM|NYSE\\s*(?:American|AMERICAN|Arca|ARCA|MKT|Amex|Texas)?|NYSEArca|NYSEAmerican|NYSEMKT|New\\s+York\\s+Stock\\s+Exchange|AMEX|Amex|Cboe\\s*(?:BZX|US)?|CBOE\\s*(?:BZX)?|BZX|BATS|Bats|IEX';
const OTC_EXCH =
  'OTC\\s*(?:Markets|Pink|QX|QB|BB)?|OTCQX|OTCQB|OTCMKTS|OTCPK|OTCBB|OTC\\s+Bulletin\\s+Board|Pink\\s+Sheets|PINK|Pink';
const FOREIGN_EXCH =
  'Nasdaq\\s+(?:Stockholm|Copenhagen|Helsinki|Iceland|Tallinn|Riga|Vilnius|First\\s+North|Dubai|Nordic|Baltic)|TSX[-\\s]?V(?:enture)?|TSXV|TSX|CSE|NEO|Cboe\\s+Canada|ASX|LSE|LON|AIM|London|HKEX|HKG|HKSE|SEHK|TYO|TSE|JPX|FRA|FWB|XETRA|Xetra|ETR|Frankfurt|Euronext(?:\\s+(?:Paris|Amsterdam|Brussels|Lisbon|Dublin|Oslo|Growth|Milan))?|EPA|AMS|EBR|BIT|BME|SIX|SWX|VTX|Stockholm|STO|OMX|OMXS|CPH|HEL|OSE|OSL|Oslo|WSE|B3|BOVESPA|BVMF|BMV|KRX|KOSDAQ|KOSPI|NSE|BSE|SGX|JSE|TASE|TLV|SSE|SZSE|TWSE|TPE|NZX|IDX|KLSE|Bursa|MOEX|BVC|BCBA|BVL|ADX|DFM|Tadawul';
const TICKER_LABEL =
  '(?:Stock\\s+|Ticker\\s+)?(?:Ticker|TICKER|ticker|Symbol|SYMBOL|symbol)s?(?:\\s+[Ss]ymbols?)?';
const EXCH_ITEM = `(?:${FOREIGN_EXCH}|${US_EXCH}|${OTC_EXCH}|${TICKER_LABEL})`;
/** An exchange label group and its colon: "NYSE: ", "NYSE and TSX: ", "Nasdaq GS:". Sticky. */
export const EXCH_GROUP = new RegExp(
  `(${EXCH_ITEM}(?:\\s*(?:,|/|&|and|or)\\s*${EXCH_ITEM})*)\\s*[:：]\\s*`,
  'y',
);
const ITEM_SPLIT = new RegExp(`\\s*(?:,|/|&|\\band\\b|\\bor\\b)\\s*`);
const FOREIGN_RE = new RegExp(`^(?:${FOREIGN_EXCH})$`);
const US_RE = new RegExp(`^(?:${US_EXCH})$`);
const OTC_RE = new RegExp(`^(?:${OTC_EXCH})$`);

/** A symbol after an exchange label or inside parens (sticky, like the three below). */
export const SYM_AT = new RegExp(`(${TICKER_PATTERN})(?![A-Za-z0-9])`, 'y');
/** Foreign symbols: digits and dotted suffixes too (`0700`, `RY.TO`, `ABC.UN`). */
export const FOREIGN_SYM_AT = /[A-Z0-9][A-Z0-9.]*(?:-[A-Z0-9]+)?/y;
/** Between two symbols of a list: "XYZ, ABC", "XYZ/ABC", "XYZ and ABC". */
export const LIST_SEP = /\s*(?:,|\/|&|\band\b)\s*/y;
export const WS = /\s*/y;

/** First tokens (as the scanner's trigger splits them) of every exchange or ticker label. */
export const EXCH_STARTERS: ReadonlySet<string> = new Set(
  (
    'NASDAQ Nasdaq NASDAQGS NASDAQGM NASDAQCM NasdaqGS NasdaqGM NasdaqCM NYSE NYSEArca NYSEAmerican NYSEMKT ' +
    'New AMEX Amex Cboe CBOE BZX BATS Bats IEX OTC OTCQX OTCQB OTCMKTS OTCPK OTCBB Pink PINK TSX TSXV TSX-V ' +
    'CSE NEO ASX LSE LON AIM London HKEX HKG HKSE SEHK TYO TSE JPX FRA FWB XETRA Xetra ETR Frankfurt Euronext ' +
    'EPA AMS EBR BIT BME SIX SWX VTX Stockholm STO OMX OMXS CPH HEL OSE OSL Oslo WSE B3 BOVESPA BVMF BMV KRX ' +
    'KOSDAQ KOSPI NSE BSE SGX JSE TASE TLV SSE SZSE TWSE TPE NZX IDX KLSE Bursa MOEX BVC BCBA BVL ADX DFM ' +
    'Tadawul Ticker TICKER Symbol SYMBOL Stock Tickers Symbols'
  ).split(' '),
);

export type ExchClass =
  { kind: 'us'; label: string } | { kind: 'otc' } | { kind: 'foreign' } | { kind: 'ticker' };

export function normaliseUsLabel(item: string): string {
  const s = item.replace(/\s+/g, ' ').toUpperCase();
  if (s.startsWith('NASDAQ')) return 'NASDAQ';
  if (/^NYSE ?(ARCA)/.test(s)) return 'NYSE Arca';
  if (/^NYSE ?(AMERICAN|MKT|AMEX)|^AMEX/.test(s)) return 'NYSE American';
  if (/^NYSE ?TEXAS/.test(s)) return 'NYSE Texas';
  if (s.startsWith('NYSE') || s.startsWith('NEW YORK')) return 'NYSE';
  if (s.startsWith('CBOE') || s === 'BZX' || s === 'BATS') return 'Cboe';
  return s;
}

const exchCache = new Map<string, ExchClass>();

/**
 * A label group ("NYSE and TSX") is a US listing when any item is a US exchange (its first one
 * names it), else OTC, else a ticker label, else foreign (its symbols are not ours).
 */
export function classifyGroup(group: string): ExchClass {
  const hit = exchCache.get(group);
  if (hit) return hit;
  let us: string | null = null;
  let otc = false;
  let ticker = false;
  for (const raw of group.split(ITEM_SPLIT)) {
    const item = raw.trim();
    if (!item) continue;
    if (FOREIGN_RE.test(item)) continue;
    if (US_RE.test(item)) us ??= normaliseUsLabel(item);
    else if (OTC_RE.test(item)) otc = true;
    else ticker = true;
  }
  const out: ExchClass = us
    ? { kind: 'us', label: us }
    : otc
      ? { kind: 'otc' }
      : ticker
        ? { kind: 'ticker' }
        : { kind: 'foreign' };
  if (exchCache.size < 500) exchCache.set(group, out);
  return out;
}
