/**
 * Pointer → ticker, and where a ticker is on screen. The pointer is mapped with
 * caretPositionFromPoint → (text node, offset) → binary search in that node's sorted mentions
 * (MentionIndex.at), then confirmed against the mention's client rects: the caret snaps to the
 * nearest text, so a pointer beside a ticker must not count as on it.
 */
import type { Rect } from '../../lib/lens/card-contract';
import { rangeOf } from './highlight';
import type { Hit, MentionIndex } from './lookup';

/** True when the point lies in one of the rects (a ticker wrapped over two lines has two). */
export function pointInRects(x: number, y: number, rects: Iterable<Rect>, slop = 1): boolean {
  for (const r of rects) {
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}

/** Offset of a (same-origin iframe) document's viewport inside the top viewport. */
export function docOffset(doc: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let d: Document | null = doc;
  while (d && d !== document) {
    const frame = d.defaultView?.frameElement as HTMLElement | null | undefined;
    if (!frame) break;
    const r = frame.getBoundingClientRect();
    x += r.left + frame.clientLeft;
    y += r.top + frame.clientTop;
    d = frame.ownerDocument;
  }
  return { x, y };
}

/**
 * The mention under the point (`doc`'s viewport coordinates), or null. Open shadow roots are
 * passed so the caret can land in their text (caretPositionFromPoint stops at their hosts
 * otherwise).
 */
export function hitAt(
  index: MentionIndex<Text>,
  shadowRoots: Iterable<ShadowRoot>,
  doc: Document,
  x: number,
  y: number,
): Hit<Text> | null {
  let node: Node | null = null;
  let offset = 0;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] });
    node = p?.offsetNode ?? null;
    offset = p?.offset ?? 0;
  } else if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    node = r?.startContainer ?? null;
    offset = r?.startOffset ?? 0;
  }
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  const hit = index.at(node as Text, offset);
  if (!hit) return null;
  const range = rangeOf(hit);
  return range && pointInRects(x, y, range.getClientRects()) ? hit : null;
}

/**
 * Where the card anchors, in the top viewport: the line box of the mention under `near` (a
 * ticker wrapped over two lines), else its first line box; null once the mention is gone.
 */
export function anchorRect(hit: Hit<Text>, near?: { x: number; y: number }): Rect | null {
  const range = rangeOf(hit);
  if (!range) return null;
  const off = docOffset(hit.node.ownerDocument);
  const rects = [...range.getClientRects()];
  const r =
    (near && rects.find((q) => pointInRects(near.x, near.y, [q]))) ??
    rects[0] ??
    range.getBoundingClientRect();
  return { left: r.left + off.x, top: r.top + off.y, right: r.right + off.x, bottom: r.bottom + off.y };
}
