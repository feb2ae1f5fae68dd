import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { Envelope, Reply } from '../../lib/messaging';
import type { SignalCard } from '../../lib/view-models';

/**
 * The popup's first request (built as popup-early.js, loaded by a classic <script> in
 * entrypoints/popup/index.html's <head>). It runs while the HTML is still parsing, before the UI
 * modules are fetched, linked and evaluated (~60 ms on the benchmark machine), so the worker
 * answers while the popup loads; entrypoints/popup/early-card.ts takes the answer. A folder of its
 * own because WXT builds each unlisted script under the folder's name. No polyfill here (it would
 * double this file): both APIs return a promise from runtime.sendMessage.
 */
export type EarlyCardReply = Promise<Reply<SignalCard> | undefined>;

declare global {
  var __sclEarlyCard: EarlyCardReply | undefined;
  /** The reply, once it has arrived (read synchronously by the popup's first render). */
  var __sclEarlyCardReply: Reply<SignalCard> | undefined;
}

export default defineUnlistedScript(() => {
  type Runtime = { sendMessage(message: unknown): Promise<unknown> };
  const g = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  if (!runtime?.sendMessage) return;
  const envelope: Envelope<'getSignalCard'> = { scl: 1, type: 'getSignalCard', payload: {} };
  try {
    const p = runtime.sendMessage(envelope) as EarlyCardReply;
    p.then(
      (reply) => (globalThis.__sclEarlyCardReply = reply),
      () => {}, // the popup reports errors when it consumes the promise
    );
    globalThis.__sclEarlyCard = p;
  } catch {
    // The popup asks again the usual way.
  }
});
