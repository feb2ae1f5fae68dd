/**
 * Reading the hover card from a test. The card lives in a CLOSED shadow root, so neither page
 * code nor Playwright's locators (which run in a page world) can reach it. Tests read it the way
 * only the extension can: in the content script's isolated world (found over CDP), where
 * `chrome.dom.openOrClosedShadowRoot` opens the root. Clicks on the card go through
 * Playwright's mouse, i.e. trusted input, as a user's would.
 *
 * No test hook is compiled into the extension: the stories run against the production build.
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { CLOSED_CARD, READ_CARD_FROM_ROOT, type CardState } from '../card-state';
import { waitForUnderlined } from './underlines';

export type { Box, CardState } from '../card-state';

interface ExecutionContext {
  id: number;
  name: string;
  auxData?: { frameId?: string; type?: string };
}

/** Runs in the content script's world: chrome.dom opens the closed root. */
const READ_CARD = `(() => {
  const host = [...document.documentElement.children].find((e) => e.getAttribute('data-scl') === 'card')
    ?? document.querySelector('small-cap-lens-card');
  const root = host ? (host.shadowRoot ?? chrome.dom.openOrClosedShadowRoot(host)) : null;
  return (${READ_CARD_FROM_ROOT})(root);
})()`;

const probes = new WeakMap<Page, Promise<LensCard>>();

export class LensCard {
  private contexts = new Map<number, ExecutionContext>();

  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {
    cdp.on('Runtime.executionContextCreated', (e: { context: ExecutionContext }) =>
      this.contexts.set(e.context.id, e.context),
    );
    cdp.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) =>
      this.contexts.delete(e.executionContextId),
    );
    cdp.on('Runtime.executionContextsCleared', () => this.contexts.clear());
  }

  /** The probe for `page` (one CDP session per page). */
  static of(page: Page): Promise<LensCard> {
    let p = probes.get(page);
    if (!p) {
      p = (async () => {
        const cdp = await page.context().newCDPSession(page);
        const probe = new LensCard(page, cdp);
        await cdp.send('Runtime.enable'); // reports every existing context first
        return probe;
      })();
      probes.set(page, p);
    }
    return p;
  }

  /** Waits for `text` to be underlined, rests the mouse on it, and waits for the card (on `symbol`). */
  static async hover(page: Page, text: string, symbol?: string): Promise<LensCard> {
    const p = await waitForUnderlined(page, text, { timeoutMs: 15_000 });
    await page.mouse.move(p.x, p.y);
    const card = await LensCard.of(page);
    await card.expectOpen(symbol);
    return card;
  }

  /** Evaluates `expression` in the extension's isolated world of the top frame. */
  async evaluate<T>(expression: string): Promise<T | null> {
    const { frameTree } = (await this.cdp.send('Page.getFrameTree')) as {
      frameTree: { frame: { id: string } };
    };
    const top = frameTree.frame.id;
    const ctx = [...this.contexts.values()]
      .filter(
        (c) => c.auxData?.frameId === top && c.auxData?.type === 'isolated' && c.name === 'Small-Cap Lens',
      )
      .at(-1);
    if (!ctx) return null; // the content script has not run yet
    try {
      const r = (await this.cdp.send('Runtime.evaluate', {
        expression,
        contextId: ctx.id,
        returnByValue: true,
        awaitPromise: true,
      })) as { result: { value?: T }; exceptionDetails?: { text: string } };
      if (r.exceptionDetails) throw new Error(`in the content script world: ${r.exceptionDetails.text}`);
      return r.result.value ?? null;
    } catch (e) {
      if (/Cannot find context|context was destroyed/i.test(String(e))) return null; // navigating
      throw e;
    }
  }

  async state(): Promise<CardState> {
    return (await this.evaluate<CardState>(READ_CARD)) ?? CLOSED_CARD;
  }

  /** Waits for the card to be open (on `symbol` when given). */
  async expectOpen(symbol?: string, timeout = 10_000): Promise<CardState> {
    let last = CLOSED_CARD;
    await expect
      .poll(
        async () => {
          last = await this.state();
          return last.open && (symbol === undefined || last.symbol === symbol);
        },
        { message: `the card opens${symbol ? ` on ${symbol}` : ''}`, timeout },
      )
      .toBe(true);
    return last;
  }

  async expectClosed(timeout = 10_000): Promise<void> {
    await expect
      .poll(async () => (await this.state()).open, { message: 'the card is closed', timeout })
      .toBe(false);
  }

  /** Polls until `pick(state)` matches `expected` (a string: contained; a RegExp: matched). */
  async expectText(
    pick: (s: CardState) => string,
    expected: string | RegExp,
    timeout = 10_000,
  ): Promise<void> {
    await expect
      .poll(async () => pick(await this.state()), { timeout })
      .toMatch(typeof expected === 'string' ? new RegExp(escapeRe(expected)) : expected);
  }

  /** Clicks the card's button named `name` with the mouse (trusted input). */
  async click(name: string): Promise<void> {
    const s = await this.expectOpen();
    const b = s.buttons[name];
    if (!b) throw new Error(`the card has no "${name}" button (has: ${Object.keys(s.buttons).join(', ')})`);
    await this.page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
