// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CardApi, OpenOptions } from '../../lib/lens/card-contract';
import { CardHost } from './card-host';

const never = () => new Promise<never>(() => undefined);
const api: CardApi = {
  info: never,
  quote: never,
  strip: never,
  pin: never,
  openPanel: never,
  openPopup: never,
};
const events = {
  onPointerEnter: () => undefined,
  onPointerLeave: () => undefined,
  onClosed: () => undefined,
};

/** The card's theme as drawn (the root is closed to the page; the test reads it through the host). */
const drawnTheme = (host: CardHost) =>
  (host as unknown as { ui: { shadow: ShadowRoot } }).ui.shadow
    .querySelector('[data-testid="scl-card"]')
    ?.getAttribute('data-theme');

function tickerIn(background: string): HTMLElement {
  const section = document.createElement('section');
  section.style.backgroundColor = background;
  const span = document.createElement('span');
  span.style.backgroundColor = 'rgba(0, 0, 0, 0)';
  span.textContent = 'HWC';
  section.append(span);
  document.body.append(section);
  return span;
}

const open = (theme: OpenOptions['theme'], themeFrom: Element | null): OpenOptions => ({
  target: { symbol: 'HWC', name: 'Hancock Whitney', exchange: 'NASDAQ' },
  anchor: { left: 10, top: 10, right: 40, bottom: 28 },
  theme,
  themeFrom,
  via: 'pointer',
});

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.querySelectorAll('[data-scl]').forEach((e) => e.remove());
});

describe('CardHost theme', () => {
  it("follows the page around the ticker on 'auto', read when the card opens", () => {
    const host = new CardHost({ isInvalid: false, onInvalidated: () => undefined }, api, events);
    host.open(open('auto', tickerIn('rgb(18, 18, 22)')));
    expect(drawnTheme(host)).toBe('dark');
    host.open(open('auto', tickerIn('rgb(255, 255, 255)')));
    expect(drawnTheme(host)).toBe('light');
  });

  it("takes the user's choice over the page", () => {
    const host = new CardHost({ isInvalid: false, onInvalidated: () => undefined }, api, events);
    host.open(open('light', tickerIn('rgb(18, 18, 22)')));
    expect(drawnTheme(host)).toBe('light');
    host.open(open('dark', null));
    expect(drawnTheme(host)).toBe('dark');
  });
});
