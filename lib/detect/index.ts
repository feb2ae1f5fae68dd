/**
 * Ticker detector: pure functions over text (no DOM).
 *
 * - `loadUniverse(data)` once, from the bundled lib/data/universe.json.
 * - `detectMentions(text, universe, opts)` for one string.
 * - For a page: a `DocumentContext` fed text nodes one by one (`scanSegment`, `scanLink`), then
 *   `finish()` for bare/name candidates confirmed by an explicit mention later in the page; or
 *   `detectInDocument(segments, universe)` which does both passes.
 */
import { isUsListing, withLinkMention, type DetectOptions, type Mention } from './mention';
import { DocumentContext } from './scan';
import type { Universe } from './universe';

export { loadUniverse, type NameEntry, type NameTier, type SymbolInfo, type Universe } from './universe';
export { DocumentContext } from './scan';
export {
  isImplicit,
  isUsListing,
  withLinkMention,
  type DeferredMention,
  type DetectOptions,
  type Mention,
  type MentionKind,
} from './mention';
export { symbolFromQuoteUrl } from './quote-url';
export { canonicalSymbol, resolveSymbol } from '../core/symbols';
export { buildUniverseData, EXCHANGE_CODES, type UniverseData, type UniverseInputs } from './build';
export { cleanCompanyName, nameAliases, securityType, type SecurityType } from './names';

export function detectMentions(text: string, universe: Universe, opts: DetectOptions = {}): Mention[] {
  const ctx = new DocumentContext(universe, opts);
  const found = ctx.scanSegment(text);
  const late = ctx.finish();
  if (late.length === 0) return found;
  return [...found, ...late.map((d) => d.mention)].sort((a, b) => a.start - b.start);
}

/** A text node; `href` when it is (inside) a link. */
export type Segment = string | { text: string; href?: string };

export interface DocumentResult {
  /** Mentions per segment, offsets into that segment's text. */
  segments: Mention[][];
  /** Unique US-listed symbols (OTC left out), in order of first appearance. */
  tickers: string[];
}

export function detectInDocument(
  segments: Segment[],
  universe: Universe,
  opts: DetectOptions = {},
): DocumentResult {
  const ctx = new DocumentContext(universe, opts);
  const per: Mention[][] = segments.map((seg) => {
    const text = typeof seg === 'string' ? seg : seg.text;
    const found = ctx.scanSegment(text);
    if (typeof seg !== 'string' && seg.href) {
      const link = ctx.scanLink(seg.href, text);
      // The text's own mention of the same symbol is more precise than the whole-link span.
      if (link) return withLinkMention(found, link);
    }
    return found;
  });
  for (const d of ctx.finish()) {
    const list = per[d.segment];
    if (list && !list.some((m) => m.start < d.mention.end && d.mention.start < m.end)) {
      list.push(d.mention);
      list.sort((a, b) => a.start - b.start);
    }
  }
  const seen = new Set<string>();
  const tickers: string[] = [];
  for (const list of per) {
    for (const m of list) {
      if (!isUsListing(m) || seen.has(m.symbol)) continue;
      seen.add(m.symbol);
      tickers.push(m.symbol);
    }
  }
  return { segments: per, tickers };
}
