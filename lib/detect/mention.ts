/**
 * What the scanner reports: a mention of a symbol in one text segment, and the small rules the
 * content script applies to a list of them (links, US listings).
 */

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

/** A mention held until the end of the page, with the index of the segment it was found in. */
export interface DeferredMention {
  segment: number;
  mention: Mention;
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
