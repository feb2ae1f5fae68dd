/**
 * The ticker scanner. One global regex finds trigger points (cashtags, "(", "ticker"/"symbol", and
 * capitalised words); everything else is a few sticky regexes and Map lookups at those points, so a
 * text node without triggers costs one failed regex search.
 *
 * A DocumentContext carries state across the text nodes of one page: symbols seen in explicit forms
 * (cashtag, exchange-qualified, paren, link), a pending "(NASDAQ:" whose symbol is in the next node,
 * the tail of the previous node (for "shares of" cues split across nodes), and deferred bare/name
 * candidates that become mentions if their symbol is later seen explicitly (`finish()`).
 */
import { symbolFromQuoteUrl } from './quote-url';
import { canonicalSymbol } from './symbols';
import { TICKER_PATTERN } from '../core/symbols';
import type { NameEntry, Universe } from './universe';
import { AMBIGUOUS_SYMBOLS } from './words';

export type MentionKind = 'cashtag' | 'exchange' | 'paren' | 'link' | 'bare' | 'name' | 'otc';

export interface Mention {
  symbol: string;
  kind: MentionKind;
  /** Offsets into the scanned text (segment). */
  start: number;
  end: number;
  text: string;
  inUniverse: boolean;
  exchange?: string;
  /** Why it was taken, for the card ("written as NASDAQ: XYZ", "company named, with Inc."). */
  reason?: string;
}

export interface DetectOptions {
  /** Social posts: lower-case cashtags (`$tsla`) count too. */
  social?: boolean;
  /** Symbols never reported. */
  blocklist?: ReadonlySet<string>;
}

export interface DeferredMention {
  segment: number;
  mention: Mention;
}

interface Deferred extends DeferredMention {
  /** Accepted at finish() if the document turns out ticker-dense: 1 = paired in a list, 2 = alone. */
  density: 0 | 1 | 2;
  /** Accepted at finish() if the document turns out to be about finance (weak evidence alone). */
  finance?: boolean;
  /** Already reported (accepted by a ticker list after being deferred). */
  done?: boolean;
}

/** A mention inferred from a bare token or a company name (not written as a symbol form). */
export function isImplicit(m: Mention): boolean {
  return m.kind === 'bare' || m.kind === 'name';
}

/**
 * The mentions of a quote link's text: the link names the company, so inferred mentions of other
 * symbols in its text go ("Google" linking to GOOG is not also GOOGL), and the link's own mention
 * is added unless its text already writes that symbol. One underline per linked ticker.
 */
export function withLinkMention(found: Mention[], link: Mention): Mention[] {
  const kept = found.filter((m) => m.symbol === link.symbol || !isImplicit(m));
  if (!kept.some((m) => m.symbol === link.symbol)) kept.unshift(link);
  return kept;
}

/** True for a mention of a US exchange listing (not OTC). */
export function isUsListing(m: Mention): boolean {
  return m.kind !== 'otc' && m.exchange !== 'OTC';
}

// ---------------------------------------------------------------------------------------------
// Patterns

// Trigger points. Groups: 1 cashtag body; 2 "(" ; 3 lower-case ticker/symbol word; 4 word token.
const TRIGGER =
  /(?<![A-Za-z0-9$])\$([A-Za-z][A-Za-z0-9]{0,5}(?:[./-][A-Za-z]{1,2})?)(?![A-Za-z0-9])|(\()|(?<![A-Za-z0-9])(ticker|symbol)(?![a-z])|(?<![A-Za-z0-9])((?:[A-Z]|[a-z]{1,2}(?=[A-Z]))[A-Za-z0-9]*(?:[.&'’-][A-Za-z0-9]+)*)/g;

const US_EXCH =
  'NASDAQ\\s*(?:GS|GM|CM|Global\\s+Select(?:\\s+Market)?|Global\\s+Market|Capital\\s+Market|Stock\\s+Market)?|Nasdaq\\s*(?:GS|GM|CM|Global\\s+Select(?:\\s+Market)?|Global\\s+Market|Capital\\s+Market|Stock\\s+Market)?|NASDAQGS|NASDAQGM|NASDAQCM|NasdaqGS|NasdaqGM|NasdaqCM|NYSE\\s*(?:American|AMERICAN|Arca|ARCA|MKT|Amex|Texas)?|NYSEArca|NYSEAmerican|NYSEMKT|New\\s+York\\s+Stock\\s+Exchange|AMEX|Amex|Cboe\\s*(?:BZX|US)?|CBOE\\s*(?:BZX)?|BZX|BATS|Bats|IEX';
const OTC_EXCH =
  'OTC\\s*(?:Markets|Pink|QX|QB|BB)?|OTCQX|OTCQB|OTCMKTS|OTCPK|OTCBB|OTC\\s+Bulletin\\s+Board|Pink\\s+Sheets|PINK|Pink';
const FOREIGN_EXCH =
  'Nasdaq\\s+(?:Stockholm|Copenhagen|Helsinki|Iceland|Tallinn|Riga|Vilnius|First\\s+North|Dubai|Nordic|Baltic)|TSX[-\\s]?V(?:enture)?|TSXV|TSX|CSE|NEO|Cboe\\s+Canada|ASX|LSE|LON|AIM|London|HKEX|HKG|HKSE|SEHK|TYO|TSE|JPX|FRA|FWB|XETRA|Xetra|ETR|Frankfurt|Euronext(?:\\s+(?:Paris|Amsterdam|Brussels|Lisbon|Dublin|Oslo|Growth|Milan))?|EPA|AMS|EBR|BIT|BME|SIX|SWX|VTX|Stockholm|STO|OMX|OMXS|CPH|HEL|OSE|OSL|Oslo|WSE|B3|BOVESPA|BVMF|BMV|KRX|KOSDAQ|KOSPI|NSE|BSE|SGX|JSE|TASE|TLV|SSE|SZSE|TWSE|TPE|NZX|IDX|KLSE|Bursa|MOEX|BVC|BCBA|BVL|ADX|DFM|Tadawul';
const TICKER_LABEL =
  '(?:Stock\\s+|Ticker\\s+)?(?:Ticker|TICKER|ticker|Symbol|SYMBOL|symbol)s?(?:\\s+[Ss]ymbols?)?';
const EXCH_ITEM = `(?:${FOREIGN_EXCH}|${US_EXCH}|${OTC_EXCH}|${TICKER_LABEL})`;
/** An exchange label group and its colon: "NYSE: ", "NYSE and TSX: ", "Nasdaq GS:". */
const EXCH_GROUP = new RegExp(`(${EXCH_ITEM}(?:\\s*(?:,|/|&|and|or)\\s*${EXCH_ITEM})*)\\s*[:：]\\s*`, 'y');
const ITEM_SPLIT = new RegExp(`\\s*(?:,|/|&|\\band\\b|\\bor\\b)\\s*`);
const FOREIGN_RE = new RegExp(`^(?:${FOREIGN_EXCH})$`);
const US_RE = new RegExp(`^(?:${US_EXCH})$`);
const OTC_RE = new RegExp(`^(?:${OTC_EXCH})$`);

/** A symbol after an exchange label or inside parens. */
const SYM_AT = new RegExp(`(${TICKER_PATTERN})(?![A-Za-z0-9])`, 'y');
/** Foreign symbols: digits and dotted suffixes too (`0700`, `RY.TO`, `ABC.UN`). */
const FOREIGN_SYM_AT = /[A-Z0-9][A-Z0-9.]*(?:-[A-Z0-9]+)?/y;
const LIST_SEP = /\s*(?:,|\/|&|\band\b)\s*/y;
const WS = /\s*/y;
/** `ticker symbol "XYZ"`, `symbol: XYZ`, `under the ticker XYZ`. */
const TICKER_WORD_AT =
  /(?:\s+symbols?)?\s*(?::|\bis\b)?\s*["“'‘]?([A-Z][A-Z0-9]{0,5}(?:\.[A-Z])?)["”'’]?(?![A-Za-z0-9])/y;
/** A price-change chip inside parens: "( AMZN +0.21% )". */
const CHANGE_AT = /\s*[+\-−–]?\s*\d+(?:\.\d+)?%/y;
const SEMI = /\s*;\s*/y;
/** Anything TRIGGER can match starts with one of these (a node without any is skipped at once). */
const MAY_TRIGGER = /[A-Z$(]|ticker|symbol/;
const NO_MENTIONS: Mention[] = [];

/** `[A-Z]{2,5}(?:\.[A-Z])?` as a whole token, without a regex. */
function isBareShape(tok: string): boolean {
  const n = tok.length;
  if (n < 2 || n > 7) return false;
  let caps = n;
  if (n >= 4 && tok.charCodeAt(n - 2) === 46) caps = n - 2;
  if (caps > 5) return false;
  for (let i = 0; i < n; i++) {
    if (i === caps) continue; // the "."
    const c = tok.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** Ends in "'s" / "’s" (TRIGGER keeps the possessive in the token). */
function isPossessive(tok: string): boolean {
  const n = tok.length;
  if (n < 3 || tok.charCodeAt(n - 1) !== 115) return false;
  const c = tok.charCodeAt(n - 2);
  return c === 39 || c === 0x2019;
}

/** First tokens (as TRIGGER splits them) of every exchange or ticker label. */
const EXCH_STARTERS = new Set(
  (
    'NASDAQ Nasdaq NASDAQGS NASDAQGM NASDAQCM NasdaqGS NasdaqGM NasdaqCM NYSE NYSEArca NYSEAmerican NYSEMKT ' +
    'New AMEX Amex Cboe CBOE BZX BATS Bats IEX OTC OTCQX OTCQB OTCMKTS OTCPK OTCBB Pink PINK TSX TSXV TSX-V ' +
    'CSE NEO ASX LSE LON AIM London HKEX HKG HKSE SEHK TYO TSE JPX FRA FWB XETRA Xetra ETR Frankfurt Euronext ' +
    'EPA AMS EBR BIT BME SIX SWX VTX Stockholm STO OMX OMXS CPH HEL OSE OSL Oslo WSE B3 BOVESPA BVMF BMV KRX ' +
    'KOSDAQ KOSPI NSE BSE SGX JSE TASE TLV SSE SZSE TWSE TPE NZX IDX KLSE Bursa MOEX BVC BCBA BVL ADX DFM ' +
    'Tadawul Ticker TICKER Symbol SYMBOL Stock Tickers Symbols'
  ).split(' '),
);

/** `$` before a currency code is an amount ("$US 5bn", "$CAD"), not a ticker. */
const CURRENCY_CASHTAGS = new Set(
  'US USD CAD AUD NZD HKD SGD EUR GBP JPY CHF CNY MXN TWD KRW INR BRL ZAR'.split(' '),
);

/**
 * Finance vocabulary: a document with none of it is not about markets, and there only explicit
 * forms count (exchange-qualified, "Name (SYM)", a quote link, a cashtag of a listed symbol).
 * Words that general news uses in other senses ("market", "stock" as in inventory, "%") are left out.
 */
const FINANCE_WORDS =
  /\b(?:stocks?|shares|shareholders?|investors?|investing|earnings|dividends?|analysts?|Nasdaq|NASDAQ|NYSE|Wall Street|S&P 500|Dow Jones|IPO|market (?:cap|value)|price target|tickers?|bullish|bearish|rall(?:y|ied)|sell-?off|pre-?market|after-hours|hedge funds?|quarterly|fiscal|guidance|valuation|EPS|revenue|calls|puts|options|upgrade[ds]?|downgrade[ds]?|trad(?:e|es|ed|er|ers|ing)|shorts?|shorting|momentum|breakout|outperform|underperform|overweight|underweight|(?:buy|sell|hold) rating|rating|(?:lowered|raised|cut|upgraded|downgraded|reiterated) to (?:sell|buy|hold|neutral|outperform|underperform|strong buy)|8-K|10-K|10-Q|13F|SEC filing|stockaction|#stocks?)\b|\b(?:rose|fell|gained|jumped|slid|dropped|climbed|surged|soared|plunged|tumbled|sank|rallied|declined|up|down|higher|lower)\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+)?\d+(?:\.\d+)?\s?%/i;

/** Shell and build variables that docs write as "$WORD": cashtags only in text about markets. */
const TECH_CASHTAGS = new Set(
  'HOME PATH USER PWD SHELL TERM LANG EDITOR DISPLAY TMPDIR CC CXX CFLAGS PREFIX SRC OUT DIR ROOT VERSION ARGS BUILD CONFIG DEBUG IFS UID PS1 ENV PORT'.split(
    ' ',
  ),
);

const CRYPTO_CASHTAGS = new Set(
  'BTC ETH XRP SOL DOGE ADA DOT SHIB AVAX MATIC LTC BNB USDT USDC TRX TON XLM LINK PEPE'.split(' '),
);

const AFTER_TIME = /\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|[AP]\.?M\.?)\s*$/;
const STRONG_PREFIX =
  /(?:\b(?:shares|stock|stake|options|calls|puts)\s+(?:of|in)|\bticker(?:\s+symbol)?|\bsymbol|\b(?:NYSE|Nasdaq|NASDAQ)-listed)\s*:?\s*$/i;
const WEAK_PREFIX =
  /\b(?:buy|sell|long|short|bought|sold|own|owns|buying|selling|shorting|added|trimmed|prefer|like|upgrade|downgrade|initiate)\s+$/i;
/** "TJX Companies", "AMC Entertainment Holdings": a listed acronym followed by a corporate word. */
const CORPORATE_SUFFIX =
  /^\s+(?:Inc\b|Corp\b|Corporation\b|Companies\b|Company\b|Co\.|Holdings?\b|Group\b|Ltd\b|plc\b)/;
const WEAK_SUFFIX =
  /^(?:'s|’s)?\s+(?:shares?|stock|stocks|rose|fell|gained|jumped|slid|dropped|climbed|surged|soared|plunged|plummeted|tumbled|sank|rallied|declined|advanced|slipped|edged|popped|spiked|traded|closed|opened|ended|finished|rebounded|retreated|is\s+(?:up|down|trading|higher|lower)|was\s+(?:up|down|higher|lower)|are\s+(?:up|down)|were\s+(?:up|down)|up\s+\d|down\s+\d|calls|puts|options|ETFs?)\b|^\s*[+\-−–]\s?\d+(?:\.\d+)?%|^\s+\(?[+\-−–]?\d+(?:\.\d+)?%|^\s+\$\d/i;
const NAME_SUFFIX_CUE =
  /^(?:'s|’s)?,?\s*(?:Inc\b|Inc\.|Corp\b|Corp\.|Corporation\b|Co\.|Company\b|Ltd\b|plc\b|Holdings\b|Group\b|shares\b|stock\b|CEO\b|chief\s+executive|\(\s*(?:NYSE|NASDAQ|Nasdaq|ticker|Ticker)\b)/;
const NAME_PREFIX_CUE = /\b(?:shares|stock|stake)\s+(?:of|in)\s+$|\b(?:NYSE|Nasdaq|NASDAQ)-listed\s+$/i;
/**
 * Before a name, the marks of a credit line or a platform: "Photo: … /Getty Images", "(Photo by X
 * via Getty Images)", "Follow us on Facebook", "available on Google Play". The name is then an
 * outlet, an agency or a product, not the company the text is about.
 */
const NAME_CREDIT_PREFIX =
  /(?:[/|]\s*|\b(?:photo(?:graph)?(?:er)?|image|picture|credit|courtesy|illustration|video)s?\b[^.\n]{0,40}?|\b(?:follow|like|find|join|subscribe|listen|watch|download|share|available|connect|message|chat)\b[^.\n]{0,24}?\b(?:on|at|via|with|in)\s+|\bvia\s+)$/i;
/**
 * After a one-word name, a capitalised word that makes it something else: a product or unit
 * ("Apple Watch", "Google Cloud", "Facebook Messenger"), an outlet ("Yahoo Finance") or a person
 * ("Ross Gerber"). Corporate words, titles, days and months keep the company.
 */
const NAME_NEXT_WORD = /^[ \u00a0]([A-Z][a-z][a-z'’]*|[a-z][A-Z][A-Za-z]*|[A-Z]{1,3}-?\d+[A-Za-z]*)(?![\w-])/;
/** The capitalised word before a name and what precedes it (a sentence end makes it sentence-initial). */
const NAME_PREV_WORD = /(^|[^\s])\s*\b[A-Z][a-z][A-Za-z-]*[ \u00a0]$/;
const NAME_NEXT_KEEPS = new Set(
  (
    'Inc Corp Corporation Co Company Companies Ltd Limited LLC PLC Plc plc Holdings Holding Group SA AG NV SE LP ' +
    'CEO CFO COO CTO Chief President Chairman Chairwoman Chair Founder Executive Director Board Shares Stock ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July ' +
    'August September October November December Q1 Q2 Q3 Q4 And Or But The In On At For To Is Was Has Had'
  ).split(' '),
);
/** A company's legal form right before "(": "Senomyx Inc. (", "Acme Holdings Corp (". */
const LEGAL_FORM_BEFORE =
  /[A-Z][A-Za-z0-9&'’.-]*,?\s+(?:[A-Z][A-Za-z0-9&'’.-]*,?\s+)*(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|plc|PLC|Holdings|Group|N\.V|S\.A|AG|LLC)\.?\s*$/;

/** Between two symbols of a list: separators, maybe a price-change chip ("SOFI 4.21% | PLTR"). */
const LIST_GAP = /^\s*(?:[+\-−–]?\$?\d+(?:[.,]\d+)*%?\s*)?(?:[,;/|•·]\s*|and\s+|&\s*)?$/;

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x202f;

/** Matches `rest` (spaces match any whitespace run) at pos; returns the end or -1. */
function matchRest(text: string, pos: number, rest: string): number {
  let i = pos;
  for (let j = 0; j < rest.length; j++) {
    const r = rest.charCodeAt(j);
    if (r === 32) {
      if (i >= text.length || !isSpace(text.charCodeAt(i))) return -1;
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    } else {
      if (text.charCodeAt(i) !== r) return -1;
      i++;
    }
  }
  return i < text.length && isWordChar(text.charCodeAt(i)) ? -1 : i;
}

type ExchClass = { kind: 'us'; label: string } | { kind: 'otc' } | { kind: 'foreign' } | { kind: 'ticker' };

function normaliseUsLabel(item: string): string {
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
function classifyGroup(group: string): ExchClass {
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

interface TokenNote {
  start: number;
  end: number;
  symbol: string | null; // in-universe listed candidate
  ambiguous: boolean;
  accepted: boolean;
  /** A cashtag (already reported): evidence for its bare neighbours. */
  explicit?: boolean;
  /** Index in `deferred` when the candidate was deferred. */
  deferred?: number;
}

// ---------------------------------------------------------------------------------------------

export class DocumentContext {
  /** Symbols seen in explicit forms anywhere in the document so far. */
  readonly explicit = new Set<string>();
  private readonly deferred: Deferred[] = [];
  private segment = -1;
  private prevTail = '';
  /** The previous segment ended with an exchange label + colon (symbol in this segment). */
  private pendingExchange: ExchClass | null = null;
  /** The previous segment ended with "(" after a name (symbol in this segment). */
  private pendingParen = false;
  /** Finance evidence seen so far (finance words, explicit symbol forms); 0: none yet. */
  private finance = 0;
  /** The last cashtag's symbol (a second, different one makes a ticker stream). */
  private lastCashtag = '';

  constructor(
    readonly universe: Universe,
    readonly opts: DetectOptions = {},
  ) {}

  /** Registers a link; returns its mention (spanning `text`) when the href is a quote page. */
  scanLink(href: string, text = ''): Mention | null {
    const s = symbolFromQuoteUrl(href, this.universe);
    if (!s || this.opts.blocklist?.has(s)) return null;
    const info = this.universe.get(s);
    this.explicit.add(s);
    this.finance = 2;
    return {
      symbol: s,
      kind: 'link',
      reason: 'links to its quote page',
      start: 0,
      end: text.length,
      text,
      inUniverse: !!info,
      ...(info ? { exchange: info.exchange } : {}),
    };
  }

  /** Deferred bare/name candidates whose symbol has since been seen explicitly. */
  finish(): DeferredMention[] {
    // A document with explicit symbols writes bare tickers too ("…discount to AMAT and LRCX"):
    // plain (unambiguous, listed, not in a heading) candidates are taken when it has at least two
    // explicit symbols, or one when the candidate stood in a list with another symbol.
    const n = this.explicit.size;
    const out: DeferredMention[] = [];
    const seen = new Set<string>();
    for (const d of this.deferred) {
      const ok =
        this.explicit.has(d.mention.symbol) ||
        (d.density === 1 && n >= 1) ||
        (d.density === 2 && n >= 2) ||
        (d.finance === true && this.finance > 0);
      const key = `${d.segment}:${d.mention.start}`;
      if (!ok || d.done || seen.has(key)) continue;
      seen.add(key);
      out.push({ segment: d.segment, mention: d.mention });
    }
    this.deferred.length = 0;
    return out;
  }

  // Per-segment state (fields, not closures: scanSegment runs once per text node of a page).
  private text = '';
  private out: Mention[] = [];
  private readonly notes: TokenNote[] = [];
  private lineFrom = -1;
  private lineTo = -1;
  private lineCaps = false;
  private lineTitle = false;

  /** True once the document has shown it is about markets. */
  get financeContext(): boolean {
    return this.finance > 0;
  }

  scanSegment(text: string): Mention[] {
    this.segment++;
    // Page finance-ness, until there is enough of it (then no more work per node).
    if (this.finance < 2 && text.length >= 5 && FINANCE_WORDS.test(text)) this.finance++;
    // Fast exit: nothing TRIGGER can match (no capital, "$", "(" or "ticker"/"symbol"). Most text
    // nodes of a real page are short labels or lower-case prose fragments.
    if (!this.pendingExchange && !this.pendingParen && !MAY_TRIGGER.test(text)) {
      this.prevTail = text.length >= 80 ? text.slice(-80) : (this.prevTail + text).slice(-80);
      return [];
    }
    const out: Mention[] = [];
    this.text = text;
    this.out = out;
    this.notes.length = 0;
    this.lineFrom = -1;
    this.lineTo = -1;
    const u = this.universe;

    // Cross-node continuations from the previous segment.
    let startAt = 0;
    if (this.pendingExchange || this.pendingParen) {
      const exch = this.pendingExchange;
      const paren = this.pendingParen;
      this.pendingExchange = null;
      this.pendingParen = false;
      WS.lastIndex = 0;
      WS.exec(text);
      const p = WS.lastIndex;
      if (exch) startAt = this.readExchangeList(p, exch, true);
      else if (paren) {
        const ex = this.tryExchange(p, true);
        startAt = ex >= 0 ? ex : Math.max(0, this.tryParenSymbols(p, 0));
      }
    }

    TRIGGER.lastIndex = startAt;
    let m: RegExpExecArray | null;
    while ((m = TRIGGER.exec(text))) {
      const s = m.index;
      if (m[1] !== undefined) {
        // Cashtag.
        const body = m[1];
        const upper = body.toUpperCase();
        if (body !== upper && !this.opts.social) continue;
        if (CRYPTO_CASHTAGS.has(upper) || CURRENCY_CASHTAGS.has(upper)) continue;
        const ce = TRIGGER.lastIndex;
        // TeX and templates: "$x$", "$N^2$", "$x_1", "${HOME}", "$\alpha".
        const next = ce < text.length ? text.charCodeAt(ce) : 0;
        if (next === 36 || next === 94 || next === 95 || next === 123 || next === 92) continue;
        this.cashtag(upper, s, ce);
        continue;
      }
      if (m[2] !== undefined) {
        const end = this.tryParen(s);
        if (end > s) TRIGGER.lastIndex = end;
        continue;
      }
      if (m[3] !== undefined) {
        TICKER_WORD_AT.lastIndex = TRIGGER.lastIndex;
        const t = TICKER_WORD_AT.exec(text);
        if (t && t[1] !== undefined) {
          const ss = TICKER_WORD_AT.lastIndex - t[0].length + t[0].indexOf(t[1]);
          this.emitExplicit('exchange', t[1], ss, ss + t[1].length, { kind: 'ticker' });
          TRIGGER.lastIndex = TICKER_WORD_AT.lastIndex;
        }
        continue;
      }
      const tok = m[4] ?? '';
      const e = TRIGGER.lastIndex;
      // Exchange labels: NYSE, NASDAQ, Nasdaq, Cboe, OTCQX, TSX, Ticker…
      if (EXCH_STARTERS.has(tok)) {
        const ex = this.tryExchange(s, false);
        if (ex >= 0) {
          TRIGGER.lastIndex = Math.max(ex, e);
          continue;
        }
      }
      const nameEnd = this.tryName(tok, s, e);
      if (nameEnd >= 0) {
        TRIGGER.lastIndex = Math.max(nameEnd, e);
        continue;
      }
      // Bare symbol candidates: 2–5 capitals (optionally a dotted class).
      if (!isBareShape(tok)) continue;
      const info = u.get(tok);
      const ambiguous = AMBIGUOUS_SYMBOLS.has(tok);
      const note: TokenNote = { start: s, end: e, symbol: null, ambiguous, accepted: false };
      this.notes.push(note);
      if (!info || info.type !== 'common') continue;
      note.symbol = info.symbol;
      const b = this.before(s, 40);
      if (AFTER_TIME.test(b)) continue;
      this.lineAt(s);
      const mention: Mention = {
        symbol: info.symbol,
        kind: 'bare',
        start: s,
        end: e,
        text: tok,
        inUniverse: true,
        exchange: info.exchange,
      };
      if (this.lineCaps && (ambiguous || !this.explicit.has(info.symbol))) {
        if (!ambiguous) {
          this.deferred.push({ segment: this.segment, mention, density: 0 });
          note.deferred = this.deferred.length - 1;
        }
        continue;
      }
      const after = text.slice(e, e + 40);
      const strong = this.explicit.has(info.symbol)
        ? 'symbol written elsewhere on page'
        : STRONG_PREFIX.test(b)
          ? 'after "shares of" / "ticker"'
          : CORPORATE_SUFFIX.test(after)
            ? 'followed by a corporate name'
            : null;
      // Weak context ("bought XYZ", "XYZ rose 5%") counts only in a document about markets.
      const weak = !strong && !ambiguous && !info.otc && (WEAK_PREFIX.test(b) || WEAK_SUFFIX.test(after));
      if (strong || (weak && this.finance > 0)) {
        note.accepted = true;
        mention.reason = strong ?? 'symbol with market words';
        this.emit(mention);
      } else if (weak) {
        mention.reason = 'symbol with market words';
        this.deferred.push({ segment: this.segment, mention, density: 0, finance: true });
        note.deferred = this.deferred.length - 1;
      } else {
        // A node that is only the token (menu item, legend, chip) is not prose: no density rule.
        const plain = !ambiguous && !info.otc && tok.length >= 3 && text.trim() !== tok;
        mention.reason = 'symbol, page writes symbols';
        this.deferred.push({ segment: this.segment, mention, density: plain ? 2 : 0 });
        note.deferred = this.deferred.length - 1;
      }
    }

    this.acceptTickerLists(text, this.notes, out);
    this.prevTail = text.length >= 80 ? text.slice(-80) : (this.prevTail + text).slice(-80);
    if (out.length > 1) out.sort((a, b) => a.start - b.start);
    this.notes.length = 0;
    this.out = NO_MENTIONS;
    this.text = '';
    return out;
  }

  /** Letter-case shape of the line around pos (cached for the current line). */
  private lineAt(pos: number): void {
    if (this.lineFrom >= 0 && pos >= this.lineFrom && pos <= this.lineTo) return;
    const text = this.text;
    const from = text.lastIndexOf('\n', pos - 1) + 1;
    let to = text.indexOf('\n', pos);
    if (to < 0) to = text.length;
    const shape = lineShape(text.slice(from, to));
    this.lineFrom = from;
    this.lineTo = to;
    this.lineCaps = shape.caps;
    this.lineTitle = shape.title;
  }

  private before(pos: number, n = 60): string {
    const text = this.text;
    return pos >= n ? text.slice(pos - n, pos) : this.prevTail.slice(-(n - pos)) + text.slice(0, pos);
  }

  private emit(m: Mention): void {
    if (this.opts.blocklist?.has(m.symbol)) return;
    this.out.push(m);
  }

  private emitExplicit(kind: MentionKind, raw: string, start: number, end: number, exch?: ExchClass): void {
    const info = this.universe.resolve(raw);
    const symbol = info ? info.symbol : canonicalSymbol(raw);
    const exchange =
      exch?.kind === 'us' ? exch.label : exch?.kind === 'otc' ? 'OTC' : info ? info.exchange : undefined;
    this.explicit.add(symbol);
    if (kind !== 'cashtag') this.finance = 2;
    const text = this.text.slice(start, end);
    this.emit({
      symbol,
      kind: exch?.kind === 'otc' ? 'otc' : kind,
      start,
      end,
      text,
      inUniverse: !!info,
      ...(exchange ? { exchange } : {}),
      reason:
        kind === 'cashtag'
          ? `written as $${symbol}`
          : exch?.kind === 'ticker'
            ? 'written after "ticker"/"symbol"'
            : `written as ${exch?.kind === 'us' ? exch.label : exch?.kind === 'otc' ? 'OTC' : 'exchange'}: ${text}`,
    });
  }

  /**
   * A cashtag. "$" also spells words, slang and amounts outside finance ("$HOME", "$X", "$US"): a
   * one-letter body, an English word or an unlisted symbol counts only in a document about markets
   * (decided at finish() when that is not known yet). Any other listed symbol is finance evidence
   * itself ("$GLD $USO $AAPL").
   */
  private cashtag(upper: string, s: number, e: number): void {
    const info = this.universe.resolve(upper);
    const symbol = info ? info.symbol : canonicalSymbol(upper);
    // A tag opening or closing its text ("$GE - GE and …", "… in Europe $ABB") is a ticker tag.
    const text = this.text;
    const tag = /^\s*$/.test(text.slice(0, s)) || /^[\s.…]*$/.test(text.slice(e));
    const weak =
      upper.length === 1 || TECH_CASHTAGS.has(upper) || (!tag && (!info || AMBIGUOUS_SYMBOLS.has(upper)));
    // Two different cashtags (of two letters or more) make a ticker stream: finance context.
    if (upper.length >= 2 && !TECH_CASHTAGS.has(upper)) {
      if (this.lastCashtag && this.lastCashtag !== symbol) this.finance = Math.max(this.finance, 1);
      this.lastCashtag = symbol;
    }
    if (!weak) this.finance = Math.max(this.finance, 1);
    if (!weak || this.finance > 0 || this.explicit.has(symbol)) {
      this.emitExplicit('cashtag', upper, s, e);
      // A member of a symbol list: bare neighbours are its peers ("$AAPL, MSFT and $GOOGL").
      this.notes.push({ start: s, end: e, symbol, ambiguous: false, accepted: true, explicit: true });
      return;
    }
    const mention: Mention = {
      symbol,
      kind: 'cashtag',
      start: s,
      end: e,
      text: this.text.slice(s, e),
      inUniverse: !!info,
      ...(info ? { exchange: info.exchange } : {}),
      reason: `written as $${symbol}, page about markets`,
    };
    this.deferred.push({ segment: this.segment, mention, density: 0, finance: true });
  }

  /** Symbol list after an exchange label at pos; returns the end position. */
  private readExchangeList(pos: number, exch: ExchClass, inParen: boolean): number {
    const text = this.text;
    let p = pos;
    for (;;) {
      if (exch.kind === 'foreign') {
        FOREIGN_SYM_AT.lastIndex = p;
        const f = FOREIGN_SYM_AT.exec(text);
        if (!f) return p;
        p = FOREIGN_SYM_AT.lastIndex;
      } else {
        SYM_AT.lastIndex = p;
        const m = SYM_AT.exec(text);
        if (!m || m[1] === undefined) return p;
        const end = SYM_AT.lastIndex;
        this.emitExplicit('exchange', m[1], p, end, exch);
        p = end;
      }
      if (!inParen) return p;
      LIST_SEP.lastIndex = p;
      if (!LIST_SEP.exec(text)) return p;
      const next = LIST_SEP.lastIndex;
      // "(NASDAQ: XYZ, TSX: ABC)": a new label after the separator.
      EXCH_GROUP.lastIndex = next;
      const g = EXCH_GROUP.exec(text);
      if (g && g[1] !== undefined) {
        exch = classifyGroup(g[1]);
        p = EXCH_GROUP.lastIndex;
        continue;
      }
      SYM_AT.lastIndex = next;
      if (!SYM_AT.test(text)) return p;
      p = next;
    }
  }

  /** Tries an exchange label at pos; returns the end of what it consumed or -1. */
  private tryExchange(pos: number, inParen: boolean): number {
    const text = this.text;
    EXCH_GROUP.lastIndex = pos;
    const g = EXCH_GROUP.exec(text);
    if (!g || g[1] === undefined) return -1;
    const exch = classifyGroup(g[1]);
    const after = EXCH_GROUP.lastIndex;
    if (after >= text.length) {
      this.pendingExchange = exch;
      return after;
    }
    let end = this.readExchangeList(after, exch, inParen);
    if (inParen) {
      // "(NASDAQ: XYZ; TSX: ABC)"
      for (;;) {
        SEMI.lastIndex = end;
        if (!SEMI.exec(text)) break;
        EXCH_GROUP.lastIndex = SEMI.lastIndex;
        const g2 = EXCH_GROUP.exec(text);
        if (!g2 || g2[1] === undefined) break;
        end = this.readExchangeList(EXCH_GROUP.lastIndex, classifyGroup(g2[1]), true);
      }
    }
    return end;
  }

  private nameBefore(pos: number): boolean {
    const b = this.before(pos, 40).replace(/\s+$/, '');
    const m = /([A-Za-z0-9][A-Za-z0-9&'’.-]*)$/.exec(b);
    if (!m || m[1] === undefined) return false;
    const w = m[1];
    return /^[A-Z0-9]/.test(w) || /^[a-z]{1,2}[A-Z]/.test(w);
  }

  /** "Company Name (XYZ)", "Class A shares (BRK.A)": validate a paren candidate. */
  private parenOk(symbol: string, open: number): boolean {
    const b = this.before(open, 80);
    if (this.universe.aliasesOf(symbol).some((a) => b.includes(a)) || this.explicit.has(symbol)) return true;
    if (symbol.length < 2 || AMBIGUOUS_SYMBOLS.has(symbol)) return false;
    // Acronym definitions: "Gross Domestic Product (GDP)", "the gross loss ratio (GLR)".
    const words = b
      .replace(/[^A-Za-z\s&-]/g, ' ')
      .split(/[\s-]+/)
      .filter((w) => w && !/^(?:of|and|the|for|&|to|in|on)$/i.test(w));
    const initials = words
      .slice(-symbol.length)
      .map((w) => w[0] ?? '')
      .join('')
      .toUpperCase();
    if (initials === symbol) return false;
    return this.nameBefore(open) || /[A-Za-z]\s*$/.test(b);
  }

  /** "Acme Widgets Inc. (ACMW)": a symbol shape after a legal-form word (not an acronym). */
  private historicalParenOk(raw: string, open: number): boolean {
    if (raw.length < 2 || raw.length > 5 || AMBIGUOUS_SYMBOLS.has(raw) || /[^A-Z]/.test(raw)) return false;
    const b = this.before(open, 60);
    if (!LEGAL_FORM_BEFORE.test(b)) return false;
    // "Acme Research Group (ARG)": an acronym of the words before it is a definition.
    const initials = b
      .replace(/[^A-Za-z\s&-]/g, ' ')
      .split(/[\s-]+/)
      .filter((w) => w && !/^(?:of|and|the|for|&|to|in|on)$/i.test(w))
      .map((w) => w[0] ?? '')
      .join('')
      .toUpperCase();
    return !initials.endsWith(raw) && !initials.slice(0, -1).endsWith(raw);
  }

  /** At "(" : exchange-qualified or "Name (XYZ)" forms. Returns the end consumed or -1. */
  private tryParen(open: number): number {
    const text = this.text;
    WS.lastIndex = open + 1;
    WS.exec(text);
    const p = WS.lastIndex;
    if (p >= text.length) {
      this.pendingParen = this.nameBefore(open);
      return p;
    }
    const ex = this.tryExchange(p, true);
    if (ex >= 0) return ex;
    return this.tryParenSymbols(p, open);
  }

  private tryParenSymbols(p: number, open: number): number {
    const text = this.text;
    const found: Array<[string, number, number]> = [];
    let q = p;
    for (;;) {
      SYM_AT.lastIndex = q;
      const m = SYM_AT.exec(text);
      if (!m || m[1] === undefined) return -1;
      found.push([m[1], q, SYM_AT.lastIndex]);
      q = SYM_AT.lastIndex;
      LIST_SEP.lastIndex = q;
      if (!LIST_SEP.exec(text) || found.length >= 4) break;
      const n = LIST_SEP.lastIndex;
      SYM_AT.lastIndex = n;
      if (!SYM_AT.test(text)) break;
      q = n;
    }
    CHANGE_AT.lastIndex = q;
    if (CHANGE_AT.exec(text)) q = CHANGE_AT.lastIndex;
    WS.lastIndex = q;
    WS.exec(text);
    q = WS.lastIndex;
    // Closed by ")" or by the end of the node (the ")" is in the next one).
    if (q < text.length && text.charCodeAt(q) !== 41) return -1;
    for (const [raw, s, e] of found) {
      const info = this.universe.get(canonicalSymbol(raw));
      if (!info) {
        // "Senomyx Inc. (SNMX)": the explicit form stands for a symbol no longer listed, when a
        // corporate name is written right before it.
        if (found.length === 1 && this.historicalParenOk(raw, open)) {
          this.explicit.add(raw);
          this.finance = 2;
          this.emit({
            symbol: raw,
            kind: 'paren',
            start: s,
            end: e,
            text: text.slice(s, e),
            inUniverse: false,
            reason: 'written as Company Inc. (SYM)',
          });
        }
        continue;
      }
      if (!this.parenOk(info.symbol, open)) continue;
      this.explicit.add(info.symbol);
      this.finance = 2;
      this.emit({
        symbol: info.symbol,
        kind: 'paren',
        start: s,
        end: e,
        text: text.slice(s, e),
        inUniverse: true,
        exchange: info.exchange,
        reason: 'written as Name (SYM)',
      });
    }
    return q;
  }

  private tryName(tok: string, s: number, e: number): number {
    const u = this.universe;
    let entries: readonly NameEntry[] | undefined = u.names.get(tok);
    let base = e;
    if (!entries && isPossessive(tok)) {
      entries = u.names.get(tok.slice(0, -2));
      base = e - 2;
    }
    if (!entries) return -1;
    const text = this.text;
    for (const entry of entries) {
      const end = entry.rest ? matchRest(text, base, entry.rest) : base;
      if (end < 0) continue;
      const realEnd = entry.rest ? end : e;
      const m: Mention = {
        symbol: entry.symbol,
        kind: 'name',
        start: s,
        end: entry.rest ? end : base,
        text: text.slice(s, entry.rest ? end : base),
        inUniverse: true,
        exchange: u.get(entry.symbol)?.exchange,
      };
      // A one-word generic name inside a longer capitalised name ("Sunwin Stevia International Inc.").
      // A sentence-initial word before it ("When Apple reported") does not count.
      if (entry.tier > 0) {
        const pm = /(^|\S)\s*\b[A-Z][A-Za-z]*\s$/.exec(this.before(s, 20));
        if (pm && pm[1] && !/[.!?:;\n"“(]/.test(pm[1])) return realEnd;
      }
      const cue = this.nameCue(s, end);
      if (!cue && !this.isCompanySense(s, end, !entry.rest)) return realEnd;
      if (entry.tier === 0 || cue || this.explicit.has(entry.symbol)) {
        m.reason = cue
          ? 'company named with a cue'
          : this.explicit.has(entry.symbol)
            ? 'company named; symbol on page'
            : 'company named';
        this.emit(m);
      } else if (entry.tier === 1 && (this.lineAt(s), !this.lineTitle && !this.lineCaps)) {
        // A name that is also a word ("Visa", "Target", "Carnival") needs a page about markets.
        m.reason = 'company named, page about markets';
        if (this.finance > 0) this.emit(m);
        else this.deferred.push({ segment: this.segment, mention: m, density: 0, finance: true });
      } else {
        m.reason = 'company named; symbol on page';
        this.deferred.push({ segment: this.segment, mention: m, density: 0 });
      }
      return realEnd;
    }
    return -1;
  }

  /**
   * False when a name at [s, end) is something else than the company: a photo credit or platform
   * ("/Getty Images", "follow us on Facebook") or the first word of a product, unit, outlet or
   * person ("Apple Watch", "Google Cloud", "Yahoo Finance", "Ross Gerber"). Title Case and
   * ALL-CAPS lines capitalise every word, so the next-word test does not apply there.
   */
  private isCompanySense(s: number, end: number, oneWord: boolean): boolean {
    const before = this.before(s, 60);
    if (NAME_CREDIT_PREFIX.test(before)) return false;
    const next = NAME_NEXT_WORD.exec(this.text.slice(end, end + 32));
    const nextSplits = !!next && next[1] !== undefined && !NAME_NEXT_KEEPS.has(next[1]);
    // "Kylie Jenner", "Bristol Myers": a one-word name after a capitalised word in mid-sentence is
    // the end of another name.
    const prev = oneWord ? NAME_PREV_WORD.exec(before) : null;
    const prevSplits = !!prev && !!prev[1] && !/[.!?:;\n"“(]/.test(prev[1]);
    if (!nextSplits && !prevSplits) return true;
    this.lineAt(s);
    return this.lineTitle || this.lineCaps;
  }

  private nameCue(s: number, end: number): boolean {
    return NAME_SUFFIX_CUE.test(this.text.slice(end, end + 30)) || NAME_PREFIX_CUE.test(this.before(s, 30));
  }

  /**
   * "AMZN, NFLX and TSLA": runs of ≥3 capitalised tokens, mostly unambiguous listed symbols, are
   * accepted; a pair ("AMAT and LRCX") marks its members for the density rule of finish().
   */
  private acceptTickerLists(text: string, notes: TokenNote[], out: Mention[]): void {
    if (notes.length < 2) return;
    let i = 0;
    while (i < notes.length) {
      let j = i;
      while (j + 1 < notes.length) {
        const gap = text.slice((notes[j] as TokenNote).end, (notes[j + 1] as TokenNote).start);
        if (!LIST_GAP.test(gap) || gap.length > 24) break;
        j++;
      }
      const run = notes.slice(i, j + 1);
      const good = run.filter((n) => n.symbol && !n.ambiguous);
      const withExplicit = run.length >= 2 && good.length === run.length && run.some((n) => n.explicit);
      if (run.length >= 2 && good.length === run.length) {
        for (const n of good) {
          const d = n.deferred === undefined ? undefined : this.deferred[n.deferred];
          if (d && d.mention.kind === 'bare') d.density = 1;
        }
      }
      if ((run.length >= 3 && good.length * 3 >= run.length * 2) || withExplicit) {
        for (const n of good) {
          if (n.accepted || !n.symbol) continue;
          n.accepted = true;
          const d = n.deferred === undefined ? undefined : this.deferred[n.deferred];
          if (d) d.done = true;
          if (this.opts.blocklist?.has(n.symbol)) continue;
          const info = this.universe.get(n.symbol);
          out.push({
            symbol: n.symbol,
            kind: 'bare',
            start: n.start,
            end: n.end,
            text: text.slice(n.start, n.end),
            inUniverse: true,
            ...(info ? { exchange: info.exchange } : {}),
            reason: 'in a list of symbols',
          });
          // The list itself is evidence for later bare mentions.
          this.explicit.add(n.symbol);
        }
      }
      i = j + 1;
    }
  }
}

/** `\s` of a JS regex, as a char code test. */
function isJsSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Letter-case shape of a line: mostly capitals (a heading / legend) or Title Case (a headline).
 * One pass over the characters (no split): words are runs between `\s` characters; a word counts
 * for Title Case when it has ≥4 characters and starts with a letter.
 */
function lineShape(line: string): { caps: boolean; title: boolean } {
  let upper = 0;
  let lower = 0;
  let words = 0;
  let capd = 0;
  let wordStart = -1;
  let first = 0;
  const n = line.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? line.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (isJsSpace(c)) {
      if (wordStart >= 0) {
        if (i - wordStart >= 4 && ((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) {
          words++;
          if (first <= 90) capd++;
        }
        wordStart = -1;
      }
      continue;
    }
    if (wordStart < 0) {
      wordStart = i;
      first = c;
    }
  }
  const caps = upper + lower >= 12 && upper > 2.5 * lower;
  const title = !caps && n < 200 && words >= 3 && capd >= 0.75 * words;
  return { caps, title };
}
