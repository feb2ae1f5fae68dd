/**
 * What the two bundles share: the news content script (entrypoints/news.content) and the hover
 * card it loads on first need (entrypoints/hover-card, built as hover-card.js). Types only, plus
 * two constants. Nothing here may import Preact or the card UI, or the card would be back in the
 * content script.
 */
import type { SmallCapStrip, TickerInfo, TickerQuote } from '../view-models';

/** A box in the top document's viewport coordinates (a ticker's line box, the card's anchor). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The card follows the page: a dark page gets a dark card (hover-card/theme.ts decides). */
export type CardTheme = 'light' | 'dark';

/**
 * The attribute on the card's shadow host (the scanner skips the host; the lens ignores its
 * mutations). The host is a plain <div>, not a custom element: a page can neither
 * `customElements.define` its name first nor attach a shadow root to it before we do, and a
 * `:not(:defined)` rule never matches it. Its shadow root is closed.
 */
export const CARD_HOST_ATTR = 'data-scl';

/**
 * Key on the isolated world's globalThis where hover-card.js registers its module (an IIFE has
 * no exports). The page's own world never sees it.
 */
export const CARD_MODULE_KEY = '__smallCapLensCard';

export interface CardTarget {
  symbol: string;
  /** From the bundled universe, shown until TickerInfo arrives. */
  name: string;
  exchange: string;
}

/** The card's requests (cached by the lens: one page shows the same ticker many times). */
export interface CardApi {
  info(symbol: string): Promise<TickerInfo>;
  quote(symbol: string): Promise<TickerQuote | null>;
  strip(): Promise<SmallCapStrip>;
  /** Resolves when the symbol is in the watchlist; the answer never says whether it already was. */
  pin(symbol: string): Promise<unknown>;
  openPanel(): Promise<unknown>;
  /** Opens the popup (or the side panel) on a factor's "What happened next"; absent in old hosts. */
  openEvidence?(factor: 'flows' | 'drawdown' | 'relative' | 'yields'): Promise<unknown>;
  /** The toolbar popup (the full backdrop); the side panel where a browser cannot open it. */
  openPopup(): Promise<unknown>;
}

export interface OpenOptions {
  target: CardTarget;
  anchor: Rect;
  /** The user's setting; 'auto' follows the page's painted background around `themeFrom`. */
  theme: 'auto' | CardTheme;
  /** The ticker's element (the card reads the page's theme there only when it opens). */
  themeFrom: Element | null;
  via: 'pointer' | 'keyboard';
}

export interface CardEvents {
  onPointerEnter(): void;
  onPointerLeave(): void;
  onClosed(): void;
}

/** The part of WXT's ContentScriptContext the card uses. */
export interface CardContext {
  readonly isInvalid: boolean;
  onInvalidated(cb: () => void): unknown;
}

/** The card as the lens drives it (CardHost in hover-card.js, or the LazyCard proxy before it). */
export interface CardControl {
  readonly isOpen: boolean;
  readonly host: HTMLElement | null;
  /** Pointer is over the card (the grace timer must not close it). */
  readonly hovered: boolean;
  open(opts: OpenOptions): void;
  /** Moves the open card (scroll, resize) without refetching. */
  reposition(anchor: Rect): void;
  close(restoreFocus?: boolean): void;
  /** Says something to screen readers (keyboard stepping) through a live region. */
  announce(text: string): void;
}

export interface CardModule {
  createCard(ctx: CardContext, api: CardApi, events: CardEvents): CardControl;
}
