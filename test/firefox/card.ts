/**
 * Reading the hover card on Firefox. The card lives in a CLOSED shadow root, which page code and
 * puppeteer's selectors cannot enter (the Chromium suite opens it in the content script's world
 * over CDP: test/e2e/card-probe.ts). WebDriver BiDi serializes an element's shadow root whether
 * open or closed (`includeShadowTree: 'all'`); the root's reference is then handed to a function
 * that reads the card. Clicks go through puppeteer's mouse (trusted input, as a user's would).
 *
 * No test hook is compiled into the extension: the stories run against the production build.
 */
import type { Page } from 'puppeteer-core';
import { CLOSED_CARD, READ_CARD_FROM_ROOT, type CardState } from '../card-state';
import { until } from './firefox';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}
interface BidiResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown; sharedId?: string };
  exceptionDetails?: { text: string };
}

/** Runs in the page with the closed root passed in: the same reading as the Chromium probe. */
const READ_CARD = `(root) => JSON.stringify((${READ_CARD_FROM_ROOT})(root))`;

function bidi(page: Page): { connection: BidiConnection; context: string } {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  return { connection, context };
}

/** The card's state now (closed when there is no card yet). */
export async function readCard(page: Page): Promise<CardState> {
  const { connection, context } = bidi(page);
  // The card host: a direct child of <html> marked data-scl="card".
  const host = await connection.send('script.callFunction', {
    functionDeclaration:
      "() => [...document.documentElement.children].find((e) => e.getAttribute('data-scl') === 'card') ?? null",
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const value = host.result.result?.value as { shadowRoot?: { sharedId?: string } | null } | undefined;
  const rootId = value?.shadowRoot?.sharedId;
  if (!rootId) return CLOSED_CARD;
  const read = await connection.send('script.callFunction', {
    functionDeclaration: READ_CARD,
    target: { context },
    arguments: [{ sharedId: rootId }],
    awaitPromise: false,
    resultOwnership: 'none',
  });
  if (read.result.type !== 'success')
    throw new Error(`reading the card failed: ${read.result.exceptionDetails?.text}`);
  return JSON.parse(String(read.result.result?.value)) as CardState;
}

/** Waits until the card satisfies `ok`; returns that state. */
export function waitForCard(
  page: Page,
  ok: (c: CardState) => boolean = (c) => c.open,
  what = 'the card is open',
  timeoutMs = 10_000,
): Promise<CardState> {
  let last: CardState = CLOSED_CARD;
  return until(
    async () => {
      last = await readCard(page);
      return ok(last) ? last : null;
    },
    what,
    timeoutMs,
  ).catch((e: unknown) => {
    // Say what the card showed instead, so a failure in CI can be read without a rerun.
    const seen = last.open ? `open on ${last.symbol}, status "${last.status}"` : 'no card';
    throw new Error(`${(e as Error).message}; the card: ${seen}`);
  });
}

/** Clicks the card's button named `name` with the mouse. */
export async function clickCardButton(page: Page, name: string): Promise<void> {
  const card = await waitForCard(page, (c) => !!c.buttons[name], `the card has a "${name}" button`);
  const b = card.buttons[name]!;
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
}
