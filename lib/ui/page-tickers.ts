import type { PageTicker } from '../view-models';

/** Russell 2000 members first, then the most mentioned, then A→Z. */
export function sortPageTickers(list: PageTicker[]): PageTicker[] {
  return list
    .slice()
    .sort(
      (a, b) =>
        Number(b.russell2000) - Number(a.russell2000) ||
        b.count - a.count ||
        a.symbol.localeCompare(b.symbol),
    );
}

export const mentionsText = (n: number) => (n === 1 ? '1 mention' : `${n} mentions`);
