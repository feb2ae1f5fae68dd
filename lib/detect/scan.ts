/**
 * The ticker scanner. One global regex finds trigger points (cashtags, "(", "ticker"/"symbol", and
 * capitalised words); everything else is a few sticky regexes and Map lookups at those points, so a
 * text node without triggers costs one failed regex search. Each kind of trigger has its stage:
 * cashtags.ts, paren-forms.ts, exchange-forms.ts (labels and "ticker XYZ"), company-names.ts,
 * bare-symbols.ts, then ticker-lists.ts over the node's tokens; page-hold.ts decides at the end.
 *
 * A DocumentContext carries state across the text nodes of one page (scan-state.ts): symbols seen
 * in explicit forms (cashtag, exchange-qualified, paren, link), a pending "(NASDAQ:" whose symbol
 * is in the next node, the tail of the previous node (for "shares of" cues split across nodes), and
 * deferred bare/name candidates that become mentions if the page confirms them (`finish()`).
 */
import { scanBare } from './bare-symbols';
import { scanCashtag } from './cashtags';
import { tryName } from './company-names';
import { EXCH_STARTERS, WS } from './exchange-labels';
import { readExchangeList, tryExchange, tryTickerWord } from './exchange-forms';
import type { DeferredMention, DetectOptions, Mention } from './mention';
import { confirmDeferred, noteFinanceWords } from './page-hold';
import { tryParen, tryParenSymbols } from './paren-forms';
import { symbolFromQuoteUrl } from './quote-url';
import { ScanState } from './scan-state';
import { acceptTickerLists } from './ticker-lists';
import type { Universe } from './universe';

// Trigger points. Groups: 1 cashtag body; 2 "(" ; 3 lower-case ticker/symbol word; 4 word token.
const TRIGGER =
  /(?<![A-Za-z0-9$])\$([A-Za-z][A-Za-z0-9]{0,5}(?:[./-][A-Za-z]{1,2})?)(?![A-Za-z0-9])|(\()|(?<![A-Za-z0-9])(ticker|symbol)(?![a-z])|(?<![A-Za-z0-9])((?:[A-Z]|[a-z]{1,2}(?=[A-Z]))[A-Za-z0-9]*(?:[.&'’-][A-Za-z0-9]+)*)/g;
/** Anything TRIGGER can match starts with one of these (a node without any is skipped at once). */
const MAY_TRIGGER = /[A-Z$(]|ticker|symbol/;

export class DocumentContext {
  private readonly st: ScanState;

  constructor(
    readonly universe: Universe,
    readonly opts: DetectOptions = {},
  ) {
    this.st = new ScanState(universe, opts);
  }

  /** Symbols seen in explicit forms anywhere in the document so far. */
  get explicit(): ReadonlySet<string> {
    return this.st.explicit;
  }

  /** True once the document has shown it is about markets. */
  get financeContext(): boolean {
    return this.st.finance > 0;
  }

  /** Registers a link; returns its mention (spanning `text`) when the href is a quote page. */
  scanLink(href: string, text = ''): Mention | null {
    const s = symbolFromQuoteUrl(href, this.universe);
    if (!s || this.opts.blocklist?.has(s)) return null;
    const info = this.universe.get(s);
    this.st.explicit.add(s);
    this.st.finance = 2;
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

  /** Deferred bare/name/cashtag candidates the page has since confirmed. */
  finish(): DeferredMention[] {
    return confirmDeferred(this.st);
  }

  scanSegment(text: string): Mention[] {
    const st = this.st;
    st.segment++;
    noteFinanceWords(st, text);
    // Fast exit: nothing TRIGGER can match (no capital, "$", "(" or "ticker"/"symbol"). Most text
    // nodes of a real page are short labels or lower-case prose fragments.
    if (!st.pendingExchange && !st.pendingParen && !MAY_TRIGGER.test(text)) {
      st.keepTail(text);
      return [];
    }
    const out: Mention[] = [];
    st.open(text, out);
    TRIGGER.lastIndex = this.continuePending();
    let m: RegExpExecArray | null;
    while ((m = TRIGGER.exec(text))) {
      const s = m.index;
      if (m[1] !== undefined) {
        scanCashtag(st, m[1], s, TRIGGER.lastIndex);
        continue;
      }
      if (m[2] !== undefined) {
        const end = tryParen(st, s);
        if (end > s) TRIGGER.lastIndex = end;
        continue;
      }
      if (m[3] !== undefined) {
        const end = tryTickerWord(st, TRIGGER.lastIndex);
        if (end >= 0) TRIGGER.lastIndex = end;
        continue;
      }
      const tok = m[4] ?? '';
      const e = TRIGGER.lastIndex;
      // Exchange labels: NYSE, NASDAQ, Nasdaq, Cboe, OTCQX, TSX, Ticker…
      if (EXCH_STARTERS.has(tok)) {
        const ex = tryExchange(st, s, false);
        if (ex >= 0) {
          TRIGGER.lastIndex = Math.max(ex, e);
          continue;
        }
      }
      const nameEnd = tryName(st, tok, s, e);
      if (nameEnd >= 0) {
        TRIGGER.lastIndex = Math.max(nameEnd, e);
        continue;
      }
      scanBare(st, tok, s, e);
    }
    acceptTickerLists(st, out);
    st.close();
    if (out.length > 1) out.sort((a, b) => a.start - b.start);
    return out;
  }

  /** A label or "(" that ended the previous node: reads its symbols here; returns where to go on. */
  private continuePending(): number {
    const st = this.st;
    if (!st.pendingExchange && !st.pendingParen) return 0;
    const exch = st.pendingExchange;
    const paren = st.pendingParen;
    st.pendingExchange = null;
    st.pendingParen = false;
    WS.lastIndex = 0;
    WS.exec(st.text);
    const p = WS.lastIndex;
    if (exch) return readExchangeList(st, p, exch, true);
    if (!paren) return 0;
    const ex = tryExchange(st, p, true);
    return ex >= 0 ? ex : Math.max(0, tryParenSymbols(st, p, 0));
  }
}
