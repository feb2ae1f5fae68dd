/**
 * The page's tickers for the popup ("on this page"): after each pass, debounced, the counts of
 * the last completed pass (never a half-built rescan), named from the background's ticker infos
 * or, when the worker cannot answer, the bundled universe. An unchanged list is not sent again;
 * a failed send is retried after the next pass.
 */
import type { Universe } from '../../lib/detect';
import type { PageTicker, TickerInfo } from '../../lib/view-models';
import { ctxTimers, type LensContext } from './lens-context';
import type { ScanSession } from './scan-session';
import { debounceWithMax } from './scheduler';

const REPORT_DELAY_MS = 800;
const MAX_REPORTED = 2000;

export interface PageReport {
  /** Reports after the debounce (at most 5 s after the first call of a burst). */
  soon(): void;
  /** Forget what was sent (a new page under an SPA navigation reports even the same list). */
  reset(): void;
  stop(): void;
}

export function createPageReport(
  ctx: LensContext,
  scan: Pick<ScanSession, 'index' | 'rescanning'>,
  universe: Universe,
  infos: (symbols: string[]) => Promise<Map<string, TickerInfo>>,
  deliver: (tickers: PageTicker[]) => Promise<unknown>,
): PageReport {
  let stopped = false;
  let lastReport = '';

  async function report(): Promise<void> {
    if (stopped || scan.rescanning) return;
    const counts = [...scan.index.counts()].slice(0, MAX_REPORTED);
    const key = counts.map(([s, n]) => `${s}:${n}`).join(',');
    if (key === lastReport) return;
    lastReport = key;
    let known = new Map<string, TickerInfo>();
    try {
      known = await infos(counts.map(([s]) => s));
    } catch {
      // The bundled universe still knows names and Russell 2000 membership.
    }
    const tickers: PageTicker[] = counts.map(([symbol, count]) => {
      const i = known.get(symbol);
      const u = universe.get(symbol);
      return {
        symbol,
        name: i?.name ?? (u?.name || null),
        count,
        russell2000: i ? !!i.russell2000 : !!u?.r2000,
        listed: i ? i.listed : !!u,
      };
    });
    if (stopped) return;
    try {
      await deliver(tickers);
    } catch {
      lastReport = ''; // try again after the next pass
    }
  }

  const debounced = debounceWithMax(() => void report(), REPORT_DELAY_MS, 5000, ctxTimers(ctx));
  return {
    soon: () => debounced.call(),
    reset() {
      lastReport = '';
    },
    stop() {
      stopped = true;
      debounced.cancel();
    },
  };
}
