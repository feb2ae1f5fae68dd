/**
 * Company names ("Home Depot", "Nvidia", "Apple's"). Tier 0 names count in any text; tier 1
 * names that are also words ("Visa", "Target") need prose on a page about markets or a cue; tier 2
 * only a cue or the symbol elsewhere on the page. A name that is really a credit, a platform, a
 * product, an outlet or the end of a person's name does not count.
 */
import type { Mention } from './mention';
import type { ScanState } from './scan-state';
import { isPossessive, matchRest } from './text-shape';
import type { NameEntry } from './universe';

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

/**
 * A name starting with the token `tok` at [s, e): reports or holds its mention and returns the end
 * of what it consumed, or -1 when no name starts there.
 */
export function tryName(st: ScanState, tok: string, s: number, e: number): number {
  const u = st.universe;
  let entries: readonly NameEntry[] | undefined = u.names.get(tok);
  let base = e;
  if (!entries && isPossessive(tok)) {
    entries = u.names.get(tok.slice(0, -2));
    base = e - 2;
  }
  if (!entries) return -1;
  const text = st.text;
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
      const pm = /(^|\S)\s*\b[A-Z][A-Za-z]*\s$/.exec(st.before(s, 20));
      if (pm && pm[1] && !/[.!?:;\n"“(]/.test(pm[1])) return realEnd;
    }
    const cue = nameCue(st, s, end);
    if (!cue && !isCompanySense(st, s, end, !entry.rest)) return realEnd;
    takeName(st, m, entry, cue);
    return realEnd;
  }
  return -1;
}

/** Reports, or holds until the page shows it is about markets or writes the symbol. */
function takeName(st: ScanState, m: Mention, entry: NameEntry, cue: boolean): void {
  if (entry.tier === 0 || cue || st.explicit.has(entry.symbol)) {
    m.reason = cue
      ? 'company named with a cue'
      : st.explicit.has(entry.symbol)
        ? 'company named; symbol on page'
        : 'company named';
    st.emit(m);
  } else if (entry.tier === 1 && (st.lineAt(m.start), !st.lineTitle && !st.lineCaps)) {
    // A name that is also a word ("Visa", "Target", "Carnival") needs a page about markets.
    m.reason = 'company named, page about markets';
    if (st.finance > 0) st.emit(m);
    else st.defer(m, 0, true);
  } else {
    m.reason = 'company named; symbol on page';
    st.defer(m, 0);
  }
}

/**
 * False when a name at [s, end) is something else than the company: a photo credit or platform
 * ("/Getty Images", "follow us on Facebook") or the first word of a product, unit, outlet or
 * person ("Apple Watch", "Google Cloud", "Yahoo Finance", "Ross Gerber"). Title Case and
 * ALL-CAPS lines capitalise every word, so the next-word test does not apply there.
 */
function isCompanySense(st: ScanState, s: number, end: number, oneWord: boolean): boolean {
  const before = st.before(s, 60);
  if (NAME_CREDIT_PREFIX.test(before)) return false;
  const next = NAME_NEXT_WORD.exec(st.text.slice(end, end + 32));
  const nextSplits = !!next && next[1] !== undefined && !NAME_NEXT_KEEPS.has(next[1]);
  // "Kylie Jenner", "Bristol Myers": a one-word name after a capitalised word in mid-sentence is
  // the end of another name.
  const prev = oneWord ? NAME_PREV_WORD.exec(before) : null;
  const prevSplits = !!prev && !!prev[1] && !/[.!?:;\n"“(]/.test(prev[1]);
  if (!nextSplits && !prevSplits) return true;
  st.lineAt(s);
  return st.lineTitle || st.lineCaps;
}

/** "Acme Inc.", "Acme's CEO", "shares of Acme", "NYSE-listed Acme". */
function nameCue(st: ScanState, s: number, end: number): boolean {
  return NAME_SUFFIX_CUE.test(st.text.slice(end, end + 30)) || NAME_PREFIX_CUE.test(st.before(s, 30));
}
