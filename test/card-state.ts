/**
 * What a test reads off the hover card, shared by the Chromium probe (test/e2e/card-probe.ts,
 * over CDP) and the Firefox reader (test/firefox/card.ts, over WebDriver BiDi). No imports: both
 * runners load it.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CardState {
  /** The card element exists and has a size. */
  open: boolean;
  /** The heading (the symbol). */
  symbol: string;
  text: string;
  membership: string;
  theme: string;
  /** The pin / open-panel status line. */
  status: string;
  /** The screen-reader live region (keyboard stepping). */
  announce: string;
  box: Box | null;
  /** The card's content height and the height it shows: more content than room means it scrolls. */
  scrollHeight: number;
  clientHeight: number;
  /** Buttons by accessible name (text or aria-label). */
  buttons: Record<string, Box>;
  /** Focus is inside the card. */
  focused: boolean;
  /** What has focus inside the card: 'card' (the dialog itself), a button's name, or ''. */
  focus: string;
  /** The backdrop's factors in the card's sources footnote: per factor, its date text and stale mark. */
  stripItems: Array<{ id: string; asOf: string; stale: boolean }>;
  /** The card's small-cap backdrop line (one). */
  strip: string[];
  /** Computed background of the card's primary button (its styles applied). */
  primaryBackground: string;
}

/** The reading when no card is open. */
export const CLOSED_CARD: CardState = {
  open: false,
  symbol: '',
  text: '',
  membership: '',
  theme: '',
  status: '',
  announce: '',
  box: null,
  scrollHeight: 0,
  clientHeight: 0,
  buttons: {},
  focused: false,
  focus: '',
  stripItems: [],
  strip: [],
  primaryBackground: '',
};

/**
 * The reading itself, as JavaScript source of a function of the card's (closed) shadow root or
 * null: each runner evaluates it where it can hold the root (Chromium in the content script's
 * world, Firefox with the root handed over BiDi), so both suites read the same fields the same way.
 */
export const READ_CARD_FROM_ROOT = `(root) => {
  const card = root?.querySelector('[data-testid="scl-card"]') ?? null;
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  };
  const b = card ? box(card) : null;
  const buttons = {};
  for (const el of card ? card.querySelectorAll('button') : []) {
    buttons[(el.getAttribute('aria-label') || el.textContent || '').trim()] = box(el);
  }
  const primary = card?.querySelector('button.primary');
  return {
    open: !!b && b.width > 0 && b.height > 0,
    symbol: card?.querySelector('h2')?.textContent ?? '',
    text: card?.textContent ?? '',
    membership: card?.querySelector('[data-testid="scl-membership"]')?.textContent ?? '',
    theme: card?.getAttribute('data-theme') ?? '',
    status: card?.querySelector('.status')?.textContent ?? '',
    announce: root?.querySelector('[data-testid="scl-announce"]')?.textContent ?? '',
    box: b,
    scrollHeight: card?.scrollHeight ?? 0,
    clientHeight: card?.clientHeight ?? 0,
    buttons,
    focused: !!root?.activeElement,
    focus: !root?.activeElement ? '' : root.activeElement === card ? 'card'
      : (root.activeElement.getAttribute('aria-label') || root.activeElement.textContent || '').trim(),
    stripItems: [...(card ? card.querySelectorAll('.sources li[data-factor]') : [])].map((li) => ({
      id: li.getAttribute('data-factor') ?? '',
      asOf: li.querySelector('.asof')?.textContent ?? '',
      stale: !!li.querySelector('.stale'),
    })),
    strip: card ? [...card.querySelectorAll('[data-testid="scl-backdrop"]')].map((e) => e.textContent ?? '') : [],
    primaryBackground: primary ? getComputedStyle(primary).backgroundColor : '',
  };
}`;
