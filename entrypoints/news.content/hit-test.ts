/** Pointer → ticker: the geometry the lens checks a caret hit against. */
import type { Rect } from '../../lib/lens/card-contract';

/** True when the point lies in one of the rects (a ticker wrapped over two lines has two). */
export function pointInRects(x: number, y: number, rects: Iterable<Rect>, slop = 1): boolean {
  for (const r of rects) {
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}
