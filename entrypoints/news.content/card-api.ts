/**
 * The card's requests to the background, cached per page: one page shows the same ticker many
 * times, and every hover must not cost a message. An error is never cached (the next hover asks
 * again); a quote is kept a minute, the small-cap strip five.
 */
import type { CardApi } from '../../lib/lens/card-contract';
import { send as sendMessage } from '../../lib/messaging';
import type { TickerInfo } from '../../lib/view-models';

export type LensCardApi = CardApi & {
  /** Infos for many symbols (the page report), in batches of 500; unknown symbols are left out. */
  infos(symbols: string[]): Promise<Map<string, TickerInfo>>;
};

const QUOTE_MS = 60_000;
const STRIP_MS = 5 * 60_000;

export function createCardApi(send: typeof sendMessage = sendMessage, now = Date.now): LensCardApi {
  const info = new Map<string, Promise<TickerInfo>>();
  const quotes = new Map<string, { at: number; p: ReturnType<CardApi['quote']> }>();
  let strip: { at: number; p: ReturnType<CardApi['strip']> } | null = null;
  const fresh = (at: number, ms: number) => now() - at < ms;
  const remember = <K, V>(m: Map<K, Promise<V>>, k: K, p: Promise<V>) => {
    m.set(k, p);
    p.catch(() => m.delete(k)); // an error is not cached: the next hover asks again
    return p;
  };
  return {
    info: (s) => info.get(s) ?? remember(info, s, send('getTickerInfo', { symbol: s })),
    quote: (s) => {
      const q = quotes.get(s);
      if (q && fresh(q.at, QUOTE_MS)) return q.p;
      const p = send('getQuote', { symbol: s });
      quotes.set(s, { at: now(), p });
      p.catch(() => quotes.delete(s));
      return p;
    },
    strip: () => {
      if (strip && fresh(strip.at, STRIP_MS)) return strip.p;
      const p = send('getStrip', {});
      strip = { at: now(), p };
      p.catch(() => (strip = null));
      return p;
    },
    pin: (s) => send('pinFromPage', { symbol: s }),
    openPanel: () => send('openSidePanel', {}),
    openEvidence: (factor) => send('openEvidence', { factor }),
    openPopup: () => send('openPopup', {}),
    async infos(symbols) {
      const out = new Map<string, TickerInfo>();
      const missing = symbols.filter((s) => !info.has(s));
      for (let i = 0; i < missing.length; i += 500) {
        const batch = missing.slice(i, i + 500);
        const list = await send('getTickerInfos', { symbols: batch });
        for (const t of list) remember(info, t.symbol, Promise.resolve(t));
      }
      for (const s of symbols) {
        const p = info.get(s);
        if (p) out.set(s, await p.catch(() => null as unknown as TickerInfo));
      }
      for (const [k, v] of out) if (!v) out.delete(k);
      return out;
    },
  };
}
