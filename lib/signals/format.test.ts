import { describe, expect, it } from 'vitest';
import { formatBp, formatDate, formatPct, formatProbability, formatUsdCompact } from './format';

describe('format helpers', () => {
  it('money', () => {
    expect(formatUsdCompact(5_420_181_244.85)).toBe('+$5.42B');
    expect(formatUsdCompact(-5_666_617_673.5)).toBe('\u2212$5.67B');
    expect(formatUsdCompact(-12_340_000)).toBe('\u2212$12.3M');
    expect(formatUsdCompact(950, false)).toBe('$950');
    expect(formatUsdCompact(0)).toBe('$0');
    expect(formatUsdCompact(NaN)).toBe('n/a');
  });
  it('percent, probability, bp, dates', () => {
    expect(formatPct(12.345)).toBe('12.3%');
    expect(formatPct(-41.13, 1, true)).toBe('\u221241.1%');
    expect(formatPct(-0.01, 1, true)).toBe('0.0%');
    expect(formatProbability(0.574)).toBe('57.4%');
    expect(formatBp(-9)).toBe('\u22129 bp');
    expect(formatBp(12.4)).toBe('+12 bp');
    expect(formatDate('2026-09-16')).toBe('Sep 16, 2026');
    expect(formatDate('2026-09-16', true)).toBe('Sep 16');
  });
});
