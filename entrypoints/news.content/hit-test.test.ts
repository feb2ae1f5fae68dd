import { describe, expect, it } from 'vitest';
import { pointInRects } from './hit-test';

const at = (left: number, top: number, w = 40, h = 20) => ({ left, top, right: left + w, bottom: top + h });

describe('pointInRects', () => {
  it('hits any line of a wrapped ticker', () => {
    const rects = [at(500, 100, 30, 18), at(0, 120, 20, 18)];
    expect(pointInRects(510, 110, rects)).toBe(true);
    expect(pointInRects(10, 130, rects)).toBe(true);
    expect(pointInRects(300, 110, rects)).toBe(false);
  });
});
