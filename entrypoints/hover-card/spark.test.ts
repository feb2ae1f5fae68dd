import { describe, expect, it } from 'vitest';
import { sparkShape } from './spark';

describe('sparkShape', () => {
  const day = 86_400;
  it('keeps the last three months and describes them in words', () => {
    const x = Array.from({ length: 200 }, (_, i) => 1_700_000_000 + i * day);
    const close = x.map((_, i) => 10 + i * 0.1);
    const s = sparkShape(x, close, 96, 28)!;
    expect(s.points.split(' ').length).toBe(93); // 92 days back + the last day
    expect(s.summary).toMatch(/^Up [\d.]+% over 3 months, from \$\d+\.\d\d to \$\d+\.\d\d/);
    for (const pt of s.points.split(' ')) {
      const [px, py] = pt.split(',').map(Number);
      expect(px).toBeGreaterThanOrEqual(0);
      expect(px).toBeLessThanOrEqual(96);
      expect(py).toBeGreaterThanOrEqual(0);
      expect(py).toBeLessThanOrEqual(28);
    }
  });
  it('gives no line (never a made-up one) for under two points', () => {
    expect(sparkShape([1], [5], 96, 28)).toBeNull();
    expect(sparkShape([], [], 96, 28)).toBeNull();
  });
});
