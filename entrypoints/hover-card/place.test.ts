import { describe, expect, it } from 'vitest';
import { placeCard } from './place';

const vp = { width: 1280, height: 900 };
const card = { width: 340, height: 300 };
const at = (left: number, top: number, w = 40, h = 20) => ({ left, top, right: left + w, bottom: top + h });

describe('placeCard', () => {
  it('goes below the ticker when there is room', () => {
    const p = placeCard(at(100, 100), card, vp);
    expect(p.side).toBe('below');
    expect(p.top).toBe(126);
    expect(p.left).toBe(100);
  });

  it('flips above near the bottom of the viewport', () => {
    const p = placeCard(at(100, 800), card, vp);
    expect(p.side).toBe('above');
    expect(p.top + card.height).toBeLessThanOrEqual(800);
  });

  it('clamps into the viewport at the right edge', () => {
    const p = placeCard(at(1260, 100), card, vp);
    expect(p.left + card.width).toBeLessThanOrEqual(vp.width - 8);
  });

  it('limits the height when neither side has room (it scrolls inside)', () => {
    const p = placeCard(at(100, 200), { width: 340, height: 800 }, { width: 800, height: 500 });
    expect(p.maxHeight).not.toBeNull();
    expect(p.top).toBeGreaterThanOrEqual(8);
    expect(p.top + (p.maxHeight ?? 0)).toBeLessThanOrEqual(500);
  });

  it('stays on screen for a ticker partly scrolled out of view', () => {
    const p = placeCard(at(-30, -10), card, vp);
    expect(p.left).toBeGreaterThanOrEqual(8);
    expect(p.top).toBeGreaterThanOrEqual(8);
  });

  it('never leaves the viewport for any anchor (property)', () => {
    for (let i = 0; i < 500; i++) {
      const a = at(Math.random() * 1400 - 60, Math.random() * 1000 - 50);
      const c = { width: 200 + Math.random() * 200, height: 100 + Math.random() * 500 };
      const p = placeCard(a, c, vp);
      const h = p.maxHeight ?? c.height;
      expect(p.left).toBeGreaterThanOrEqual(8);
      expect(p.left + c.width).toBeLessThanOrEqual(vp.width - 8 + 0.5);
      expect(p.top).toBeGreaterThanOrEqual(8);
      expect(p.top + h).toBeLessThanOrEqual(vp.height - 8 + 0.5);
    }
  });
});
