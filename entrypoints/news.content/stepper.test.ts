// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CardControl } from '../../lib/lens/card-contract';
import type { Hover } from './hover';
import { emptyIndex, mentions, newContext, trusted } from './lens-testing';
import type { Hit } from './lookup';
import { createStepper } from './stepper';

function setup(symbols = ['CRDO', 'HWC']) {
  const index = emptyIndex();
  const hits = symbols.length ? mentions(index, `${symbols.join(' and ')} moved`, symbols) : [];
  const said: string[] = [];
  const opened: string[] = [];
  let open = false;
  const host = document.createElement('div');
  const card = {
    get isOpen() {
      return open;
    },
    host,
    hovered: false,
    open: () => undefined,
    reposition: () => undefined,
    close: vi.fn(() => void (open = false)),
    announce: (t: string) => void said.push(t),
  } satisfies CardControl;
  const hover: Pick<Hover, 'card' | 'open'> = {
    card: card as unknown as Hover['card'],
    open: (hit: Hit<Text>, via) => {
      open = true;
      opened.push(`${hit.symbol} ${via}`);
    },
  };
  const rings: Array<string | null> = [];
  const keys = createStepper(newContext(), { index }, hover, {
    focus: (h: Hit<Text> | null) => void rings.push(h?.symbol ?? null),
  });
  return { keys, hits, said, opened, rings, card, setOpen: (o: boolean) => (open = o) };
}

const key = (init: KeyboardEventInit, target: EventTarget = document.body) =>
  target.dispatchEvent(trusted(new KeyboardEvent('keydown', { bubbles: true, composed: true, ...init })));
const stepKey = { key: 'K', code: 'KeyK', altKey: true, shiftKey: true };

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(window, 'scrollBy').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('createStepper', () => {
  it('steps through the tickers with Alt+Shift+K and says where it is', () => {
    const { said, rings } = setup();
    key(stepKey);
    key(stepKey);
    key(stepKey); // wraps around
    expect(rings).toEqual(['CRDO', 'HWC', 'CRDO']);
    expect(said).toEqual([
      'CRDO, Credo Technology. Ticker 1 of 2. Press Enter for details.',
      'HWC, Hancock Whitney. Ticker 2 of 2. Press Enter for details.',
      'CRDO, Credo Technology. Ticker 1 of 2. Press Enter for details.',
    ]);
  });

  it('says so on a page without tickers', () => {
    const { said } = setup([]);
    key(stepKey);
    expect(said).toEqual(['No tickers found on this page.']);
  });

  it("ignores the page's synthetic keys and keys typed into a field", () => {
    const { said, opened } = setup();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...stepKey }));
    const input = document.createElement('input');
    document.body.append(input);
    key(stepKey, input);
    expect(said).toEqual([]);
    key(stepKey);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Enter' }));
    expect(opened).toEqual([]);
  });

  it('opens the card on Enter at the focused ticker; Escape closes it, then ends stepping', () => {
    const { opened, rings, card } = setup();
    key({ key: 'Enter' });
    expect(opened).toEqual([]); // nothing focused yet: Enter is the page's
    key(stepKey);
    key({ key: 'Enter' });
    expect(opened).toEqual(['CRDO keyboard']);
    key({ key: 'Escape' });
    expect(card.close).toHaveBeenCalledWith();
    expect(rings.at(-1)).toBe('CRDO');
    key({ key: 'Escape' });
    expect(rings.at(-1)).toBeNull();
  });

  it('leaves keys inside the card to the card', () => {
    const { opened, card } = setup();
    key(stepKey);
    key({ key: 'Enter' }, card.host);
    expect(opened).toEqual([]);
  });

  it('ends stepping on Tab, when the focused ticker leaves the page, and on clear()', () => {
    const s = setup();
    key(stepKey);
    key({ key: 'Tab' });
    expect(s.rings).toEqual(['CRDO', null]);
    key(stepKey);
    s.hits[0]!.node.remove();
    s.keys.passComplete();
    expect(s.rings.at(-1)).toBeNull();
    const t = setup();
    key(stepKey);
    t.keys.clear();
    expect(t.rings).toEqual(['CRDO', null]);
  });

  it('steps on the command the background forwards, until stopped', async () => {
    const { keys, said } = setup();
    await fakeBrowser.runtime.onMessage.trigger({ scl: 1, type: 'nextTicker' }, {}, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger({ scl: 1, type: 'getStrip' }, {}, () => undefined);
    expect(said).toHaveLength(1);
    keys.stop();
    await fakeBrowser.runtime.onMessage.trigger({ scl: 1, type: 'nextTicker' }, {}, () => undefined);
    key(stepKey);
    expect(said).toHaveLength(1);
  });
});
