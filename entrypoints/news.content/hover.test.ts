// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardEvents, OpenOptions, Rect } from '../../lib/lens/card-contract';
import { createHover, type HoverCard, type HoverSettings } from './hover';
import { emptyIndex, mentions, newContext, trusted } from './lens-testing';

const TICKER: Rect = { left: 100, top: 50, right: 140, bottom: 68 };

/** A card that records what the hover asked of it. */
function fakeCard(events: CardEvents) {
  const calls: string[] = [];
  let open: OpenOptions | null = null;
  const host = document.createElement('div');
  const card: HoverCard & { calls: string[]; events: CardEvents; hovered: boolean } = {
    calls,
    events,
    hovered: false,
    get isOpen() {
      return open !== null;
    },
    get host() {
      return host;
    },
    open(o) {
      open = o;
      calls.push(`open ${o.target.symbol} ${o.target.name} ${o.target.exchange} ${o.via} ${o.theme}`);
    },
    reposition: (a) => void calls.push(`reposition ${a.top}`),
    close(restoreFocus = true) {
      open = null;
      calls.push(`close ${restoreFocus}`);
      events.onClosed();
    },
    announce: (t) => void calls.push(`announce ${t}`),
    preload: vi.fn(() => Promise.resolve()),
  };
  return card;
}

function setup(settings: Partial<HoverSettings> = {}) {
  const index = emptyIndex();
  const [hwc] = mentions(index, 'Shares of HWC rose', ['HWC']);
  // Layout: the ticker's box; the caret lands in it for a pointer inside the box.
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(() => [TICKER] as unknown as DOMRectList);
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(() => TICKER as DOMRect);
  Object.assign(document, {
    caretPositionFromPoint: (x: number) => ({ offsetNode: hwc!.node, offset: x < 300 ? 11 : 2 }),
  });
  let card!: ReturnType<typeof fakeCard>;
  const pressedOutside = vi.fn();
  const hover = createHover(
    newContext(),
    { index, shadowRoots: new Set() },
    { get: (s: string) => (s === 'HWC' ? { exchange: 'NASDAQ' } : undefined) } as never,
    { hoverDelayMs: 300, altToHover: false, theme: 'dark', underline: true, ...settings },
    pressedOutside,
    (events) => (card = fakeCard(events)),
  );
  return { hover, card, hwc: hwc!, pressedOutside };
}

const move = (x: number, y: number, init: PointerEventInit = {}) =>
  document.dispatchEvent(trusted(new PointerEvent('pointermove', { clientX: x, clientY: y, ...init })));

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('createHover', () => {
  it('opens the card after the pointer rests on a ticker for the hover delay', async () => {
    const { card } = setup();
    move(110, 60);
    await vi.advanceTimersByTimeAsync(20); // the next frame: hit-tested, the card script warms up
    expect(card.preload).toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(250);
    expect(card.isOpen).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(card.calls).toEqual(['open HWC Hancock Whitney NASDAQ pointer dark']);
  });

  it("does nothing for the page's synthetic pointer events", async () => {
    const { card } = setup();
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 110, clientY: 60 }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(card.preload).not.toHaveBeenCalled();
    expect(card.calls).toEqual([]);
  });

  it('closes the card after a grace period once the pointer left the ticker', async () => {
    const { card } = setup();
    move(110, 60);
    await vi.advanceTimersByTimeAsync(400);
    move(500, 60);
    await vi.advanceTimersByTimeAsync(200);
    expect(card.isOpen).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    expect(card.calls.at(-1)).toBe('close false');
  });

  it('keeps the card open while the pointer is over it', async () => {
    const { card } = setup();
    move(110, 60);
    await vi.advanceTimersByTimeAsync(400);
    card.hovered = true;
    card.events.onPointerEnter();
    move(500, 60);
    await vi.advanceTimersByTimeAsync(1000);
    expect(card.isOpen).toBe(true);
  });

  it('keeps a card that moved away from a still pointer (it grew as its data came in) until the pointer moves', async () => {
    const { card } = setup();
    document.body.append(card.host!);
    move(110, 60);
    await vi.advanceTimersByTimeAsync(400);
    // The reader moves onto the card (its Pin button, say).
    card.host!.dispatchEvent(
      trusted(new PointerEvent('pointermove', { clientX: 120, clientY: 90, bubbles: true, composed: true })),
    );
    card.hovered = true;
    card.events.onPointerEnter();
    await vi.advanceTimersByTimeAsync(50);
    // The card re-places itself (taller now, it flips above the ticker): pointerleave under a
    // pointer that did not move.
    card.hovered = false;
    card.events.onPointerLeave();
    await vi.advanceTimersByTimeAsync(1000);
    expect(card.isOpen).toBe(true);
    // Once the reader moves elsewhere, the usual grace period, then closed.
    move(500, 300);
    await vi.advanceTimersByTimeAsync(700);
    expect(card.calls.at(-1)).toBe('close false');
  });

  it('needs Alt with "Alt to hover", and nothing hovers with underlines off', async () => {
    const alt = setup({ altToHover: true });
    move(110, 60);
    await vi.advanceTimersByTimeAsync(400);
    expect(alt.card.isOpen).toBe(false);
    move(111, 60, { altKey: true });
    await vi.advanceTimersByTimeAsync(400);
    expect(alt.card.isOpen).toBe(true);
    alt.hover.stop();
    const off = setup({ underline: false });
    move(110, 60);
    await vi.advanceTimersByTimeAsync(400);
    expect(off.card.isOpen).toBe(false);
  });

  it("closes on the user's click elsewhere (and ends keyboard stepping), not on a synthetic one", async () => {
    const { card, pressedOutside } = setup();
    move(110, 60);
    await vi.advanceTimersByTimeAsync(400);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(card.isOpen).toBe(true);
    expect(pressedOutside).not.toHaveBeenCalled();
    card.host!.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true, composed: true })));
    expect(card.isOpen).toBe(true); // a click in the card is the card's
    document.body.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true })));
    expect(card.isOpen).toBe(false);
    expect(pressedOutside).toHaveBeenCalledTimes(1);
  });

  it('opens for the keyboard too, anchored on the ticker, and follows it on scroll', async () => {
    const { hover, card, hwc } = setup();
    hover.open(hwc, 'keyboard');
    expect(card.calls).toEqual(['open HWC Hancock Whitney NASDAQ keyboard dark']);
    document.dispatchEvent(new Event('scroll'));
    await vi.advanceTimersByTimeAsync(20);
    expect(card.calls.at(-1)).toBe('reposition 50');
    hover.close();
    expect(card.isOpen).toBe(false);
  });

  it('after a pass: warms the card script once when the page has tickers; drops a card whose ticker left', async () => {
    const { hover, card, hwc } = setup();
    hover.passComplete(0);
    await vi.advanceTimersByTimeAsync(2000);
    expect(card.preload).not.toHaveBeenCalled();
    hover.passComplete(3);
    hover.passComplete(3);
    await vi.advanceTimersByTimeAsync(2000);
    expect(card.preload).toHaveBeenCalledTimes(1);
    hover.open(hwc, 'keyboard');
    hwc.node.remove();
    hover.passComplete(3);
    expect(card.isOpen).toBe(false);
  });

  it('ignores the pointer once stopped', async () => {
    const { hover, card } = setup();
    hover.stop();
    move(110, 60);
    await vi.advanceTimersByTimeAsync(1000);
    expect(card.calls).toEqual(['close false']);
  });
});
