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
};
