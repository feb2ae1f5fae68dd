/**
 * The state one page's scan carries, shared by the stages (written forms, company names, bare
 * symbols, ticker lists, the page-level hold): what the page has shown so far (symbols written
 * explicitly, finance evidence, held candidates) and the text node being scanned (its text, the
 * tail of the previous node for cues split across nodes, the letter-case shape of the current line).
 * Fields, not closures: a page has thousands of text nodes.
 */
import type { ExchClass } from './exchange-labels';
import type { DeferredMention, DetectOptions, Mention, MentionKind } from './mention';
import { canonicalSymbol } from '../core/symbols';
import { lineShape } from './text-shape';
import type { Universe } from './universe';

/** A capitalised token of the current node, kept for the ticker-list rule. */
export interface TokenNote {
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

/** A held candidate and what would confirm it at the end of the page. */
export interface Deferred extends DeferredMention {
  /** Accepted at finish() if the document turns out ticker-dense: 1 = paired in a list, 2 = alone. */
  density: 0 | 1 | 2;
  /** Accepted at finish() if the document turns out to be about finance (weak evidence alone). */
  finance?: boolean;
  /** Already reported (accepted by a ticker list after being deferred). */
  done?: boolean;
}

const NO_MENTIONS: Mention[] = [];

export class ScanState {
  /** Symbols seen in explicit forms anywhere in the document so far. */
  readonly explicit = new Set<string>();
  readonly deferred: Deferred[] = [];
  segment = -1;
  prevTail = '';
  /** The previous segment ended with an exchange label + colon (symbol in this segment). */
  pendingExchange: ExchClass | null = null;
  /** The previous segment ended with "(" after a name (symbol in this segment). */
  pendingParen = false;
  /** Finance evidence seen so far (finance words, explicit symbol forms); 0: none yet. */
  finance = 0;
  /** The last cashtag's symbol (a second, different one makes a ticker stream). */
  lastCashtag = '';

  // The current segment.
  text = '';
  out: Mention[] = NO_MENTIONS;
  readonly notes: TokenNote[] = [];
  private lineFrom = -1;
  private lineTo = -1;
  lineCaps = false;
  lineTitle = false;

  constructor(
    readonly universe: Universe,
    readonly opts: DetectOptions,
  ) {}

  /** Starts a segment: its text, an empty output and no line shape yet. */
  open(text: string, out: Mention[]): void {
    this.text = text;
    this.out = out;
    this.notes.length = 0;
    this.lineFrom = -1;
    this.lineTo = -1;
  }

  /** Ends a segment: keeps its last 80 characters as the tail for the next one. */
  close(): void {
    this.keepTail(this.text);
    this.notes.length = 0;
    this.out = NO_MENTIONS;
    this.text = '';
  }

  keepTail(text: string): void {
    this.prevTail = text.length >= 80 ? text.slice(-80) : (this.prevTail + text).slice(-80);
  }

  /** The n characters before pos, reaching into the previous segment's tail. */
  before(pos: number, n = 60): string {
    const text = this.text;
    return pos >= n ? text.slice(pos - n, pos) : this.prevTail.slice(-(n - pos)) + text.slice(0, pos);
  }

  /** Letter-case shape of the line around pos into lineCaps / lineTitle (cached per line). */
  lineAt(pos: number): void {
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

  /** Holds a candidate until finish(); returns its index (for the ticker-list rule). */
  defer(mention: Mention, density: 0 | 1 | 2, finance = false): number {
    this.deferred.push({ segment: this.segment, mention, density, finance });
    return this.deferred.length - 1;
  }

  emit(m: Mention): void {
    if (this.opts.blocklist?.has(m.symbol)) return;
    this.out.push(m);
  }

  /** Reports a symbol written explicitly (cashtag, after an exchange or ticker label). */
  emitExplicit(kind: MentionKind, raw: string, start: number, end: number, exch?: ExchClass): void {
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
}
