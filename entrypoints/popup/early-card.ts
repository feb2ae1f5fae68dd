import { send, unwrapReply, type Reply } from '../../lib/messaging';
import type { SignalCard } from '../../lib/view-models';
import { errorText, toLoad, type Load } from '../../lib/ui/load-state';

/**
 * Takes the popup's early card. The signal card is requested before the UI modules evaluate and
 * render: by popup-early.js in the page's <head> (entrypoints/popup-early/index.ts, the popup's
 * first request), or, if that did not run, here (this module is the first import of main.tsx), so
 * the worker computes it while the popup loads. When the answer is in before the first render
 * (the usual case), the popup paints the card at once.
 */
function earlyRequest(): Promise<SignalCard> {
  const sent = globalThis.__sclEarlyCard;
  globalThis.__sclEarlyCard = undefined;
  return sent ? sent.then(unwrapReply) : send('getSignalCard', {});
}

// A reply that arrived before this module ran (promise callbacks attached now would run only
// after the first render).
const arrived = globalThis.__sclEarlyCardReply;
globalThis.__sclEarlyCardReply = undefined;
let early: Promise<SignalCard> | null = earlyRequest();
let settled: Load<SignalCard> | null = arrived ? settle(arrived) : null;
if (!settled) void toLoad(early).then((l) => (settled = l)); // toLoad never rejects

function settle(reply: Reply<SignalCard>): Load<SignalCard> {
  try {
    return { status: 'ok', data: unwrapReply(reply) };
  } catch (e) {
    return { status: 'error', error: errorText(e) };
  }
}

/** The early request, once; later loads (Refresh) ask again. */
export function takeEarlyCard(): Promise<SignalCard> | null {
  const p = early;
  early = null;
  return p;
}

/** The early answer if it has already arrived (then the request is used up), else null. */
export function takeSettledCard(): Load<SignalCard> | null {
  if (!settled || !early) return null;
  early = null;
  return settled;
}
