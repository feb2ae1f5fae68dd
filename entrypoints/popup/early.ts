import { send } from '../../lib/messaging';
import type { SignalCard } from '../../lib/model';

/**
 * The signal card is requested before the UI modules evaluate and render (this module is the
 * first import of main.tsx), so the worker computes it while the popup paints.
 */
let early: Promise<SignalCard> | null = send('getSignalCard', {});
early.catch(() => {}); // the App reports errors when it consumes it

/** The early request, once; later loads (Refresh) ask again. */
export function takeEarlyCard(): Promise<SignalCard> | null {
  const p = early;
  early = null;
  return p;
}
