/**
 * Ticker lists: "AMZN, NFLX and TSLA", "SOFI 4.21% | PLTR", "$AAPL, MSFT and $GOOGL". A run of
 * capitalised tokens noted in one segment that is mostly unambiguous listed symbols is a list of
 * symbols, and its members are taken even without other context.
 */
import type { Mention } from './mention';
import type { ScanState, TokenNote } from './scan-state';

/** Between two symbols of a list: separators, maybe a price-change chip ("SOFI 4.21% | PLTR"). */
const LIST_GAP = /^\s*(?:[+\-−–]?\$?\d+(?:[.,]\d+)*%?\s*)?(?:[,;/|•·]\s*|and\s+|&\s*)?$/;

/** The end of the run of notes from i whose gaps are list separators. */
function runEnd(text: string, notes: readonly TokenNote[], i: number): number {
  let j = i;
  while (j + 1 < notes.length) {
    const gap = text.slice((notes[j] as TokenNote).end, (notes[j + 1] as TokenNote).start);
    if (!LIST_GAP.test(gap) || gap.length > 24) break;
    j++;
  }
  return j;
}

/**
 * Runs of ≥3 tokens, two thirds of them unambiguous listed symbols, or runs of listed symbols with
 * a cashtag among them, are accepted into `out`; a pair of listed symbols ("AMAT and LRCX") marks
 * its held members for the density rule of finish().
 */
export function acceptTickerLists(st: ScanState, out: Mention[]): void {
  const { text, notes } = st;
  if (notes.length < 2) return;
  let i = 0;
  while (i < notes.length) {
    const j = runEnd(text, notes, i);
    const run = notes.slice(i, j + 1);
    const good = run.filter((n) => n.symbol && !n.ambiguous);
    const allGood = run.length >= 2 && good.length === run.length;
    if (allGood) {
      for (const n of good) {
        const d = n.deferred === undefined ? undefined : st.deferred[n.deferred];
        if (d && d.mention.kind === 'bare') d.density = 1;
      }
    }
    if ((run.length >= 3 && good.length * 3 >= run.length * 2) || (allGood && run.some((n) => n.explicit))) {
      for (const n of good) acceptListed(st, n, out);
    }
    i = j + 1;
  }
}

function acceptListed(st: ScanState, n: TokenNote, out: Mention[]): void {
  if (n.accepted || !n.symbol) return;
  n.accepted = true;
  const d = n.deferred === undefined ? undefined : st.deferred[n.deferred];
  if (d) d.done = true;
  if (st.opts.blocklist?.has(n.symbol)) return;
  const info = st.universe.get(n.symbol);
  out.push({
    symbol: n.symbol,
    kind: 'bare',
    start: n.start,
    end: n.end,
    text: st.text.slice(n.start, n.end),
    inUniverse: true,
    ...(info ? { exchange: info.exchange } : {}),
    reason: 'in a list of symbols',
  });
  // The list itself is evidence for later bare mentions.
  st.explicit.add(n.symbol);
}
