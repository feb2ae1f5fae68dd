/** Where the hover card goes: below the ticker if it fits, else above; always inside the viewport. */
import type { Rect } from '../../lib/lens/card-contract';

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
  /** Set when the card is taller than the room on both sides (it then scrolls inside). */
  maxHeight: number | null;
}

export function placeCard(
  anchor: Rect,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 6,
  margin = 8,
): Placement {
  const below = viewport.height - anchor.bottom - gap - margin;
  const above = anchor.top - gap - margin;
  let side: Placement['side'] = 'below';
  let maxHeight: number | null = null;
  if (card.height > below) {
    if (card.height <= above || above > below) side = 'above';
    const room = side === 'below' ? below : above;
    if (card.height > room) maxHeight = Math.max(120, room);
  }
  const h = maxHeight ?? card.height;
  let top = side === 'below' ? anchor.bottom + gap : anchor.top - gap - h;
  // Clamp (a ticker half off-screen, or a viewport shorter than the card).
  top = Math.min(Math.max(margin, top), Math.max(margin, viewport.height - margin - h));
  const maxLeft = Math.max(margin, viewport.width - margin - card.width);
  const left = Math.min(Math.max(margin, anchor.left), maxLeft);
  return { left: Math.round(left), top: Math.round(top), side, maxHeight };
}
