import { send, unwrapReply } from '../../lib/messaging';
import type { SignalCard } from '../../lib/model';

/**
 * The signal card is requested before the UI modules evaluate and render: by popup-early.js in
 * the page's <head> (see entrypoints/popup-early.ts), or, if that did not run, here (this module is
 * the first import of main.tsx), so the worker computes it while the popup paints.
 */
function earlyRequest(): Promise<SignalCard> {
  const sent = globalThis.__sclEarlyCard;
  globalThis.__sclEarlyCard = undefined;
  return sent ? sent.then(unwrapReply) : send('getSignalCard', {});
}

let early: Promise<SignalCard> | null = earlyRequest();
early.catch(() => {}); // the App reports errors when it consumes it

/** The early request, once; later loads (Refresh) ask again. */
export function takeEarlyCard(): Promise<SignalCard> | null {
  const p = early;
  early = null;
  return p;
}
