/**
 * Shared by the lens parts' unit tests (happy-dom): a small universe, a mention index built by
 * hand, the user's (trusted) events, and a real WXT content-script context.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadUniverse } from '../../lib/detect';
import { MentionIndex, type Hit } from './lookup';

export const universe = loadUniverse({
  v: 1,
  asOf: {},
  rows: ['NVDA|Q1sn|NVIDIA|Nvidia', 'CRDO|Q2|Credo Technology', 'HWC|Q2|Hancock Whitney', 'KO|N1s|Coca-Cola'],
});

/** A real context (what WXT hands the content script): its timers and listeners end with it. */
export const newContext = () => new ContentScriptContext('lens-test');

/** A paragraph in the page with `text`; the mentions of `symbols` in it as the scanner records them. */
export function mentions(index: MentionIndex<Text>, text: string, symbols: string[]): Array<Hit<Text>> {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  const node = p.firstChild as Text;
  const hits = symbols.map((symbol) => {
    const start = text.indexOf(symbol);
    const u = universe.get(symbol);
    return { node, start, end: start + symbol.length, symbol, r2000: !!u?.r2000, name: u?.name ?? '' };
  });
  index.set(node, hits.slice());
  return hits;
}

export const emptyIndex = () => new MentionIndex<Text>();

/** The event as the user's input makes it (a page's dispatchEvent gives isTrusted false). */
export function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}
