import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEvidence } from './evidence';
import { cleanFundHistory, totalReturnIndex } from './evidence-history';
import { episodeStarts, FEW_EPISODES, median, roundStats, stats, verdictOf } from './evidence-stats';
import { fundRows } from './evidence-testing';

describe('episodes', () => {
  it('never overlap, start on signal days, and leave no signal day uncovered', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 3000 }), { maxLength: 300 }),
        fc.constantFrom(21, 63, 126, 252),
        (raw, h) => {
          const days = raw.sort((a, b) => a - b);
          const starts = episodeStarts(days, h);
          for (let i = 1; i < starts.length; i++)
            expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(h);
          expect(starts.every((s) => days.includes(s))).toBe(true);
          // Every signal day lies inside one episode's window [start, start + h).
          for (const d of days) expect(starts.some((s) => d >= s && d < s + h)).toBe(true);
        },
      ),
    );
  });

  it('in the recorded evidence every listed episode window ends before the next starts', () => {
    const ev = computeEvidence({ fundHistory: fundRows() });
    const c = cleanFundHistory(fundRows());
    const tr = totalReturnIndex(c.rows, c.bridged);
    for (const f of ev.factors)
      for (const c of f.conditions)
        for (const h of c.horizons) {
          expect(h.episodes).toBe(h.episodeDates.length);
          const idx = h.episodeDates.map((d) => tr.dates.indexOf(d));
          for (let i = 1; i < idx.length; i++)
            expect(idx[i]! - idx[i - 1]!).toBeGreaterThanOrEqual(h.horizon);
          expect(h.episodes).toBeLessThanOrEqual(h.signalDays);
        }
  });
});

describe('stats', () => {
  it('median, mean, share positive and worst', () => {
    expect(stats([3, -1, 2, 10])).toEqual({ n: 4, median: 2.5, mean: 3.5, sharePositive: 75, worst: -1 });
    expect(stats([])).toBeNull();
  });
});

describe('verdicts against the all-days baseline', () => {
  const s = (median: number, sharePositive: number) => ({
    n: 50,
    median,
    mean: median,
    sharePositive,
    worst: -9,
  });
  it('better or worse only by more than the horizon’s margin, with the share positive agreeing', () => {
    const base = s(2, 60);
    expect(verdictOf(63, s(3.1, 61), base, 10)).toBe('better');
    expect(verdictOf(63, s(3.1, 59), base, 10)).toBe('similar');
    expect(verdictOf(252, s(4, 70), base, 10)).toBe('similar');
    expect(verdictOf(63, s(0.9, 55), base, 10)).toBe('worse');
    expect(verdictOf(63, s(9, 90), base, FEW_EPISODES - 1)).toBe('too-few');
    expect(verdictOf(63, null, base, 10)).toBe('too-few');
  });

  it('median of an even and odd count; stats rounded to hundredths', () => {
    expect(median([1, 2, 3])).toBe(2);
    expect(Number.isNaN(median([]))).toBe(true);
    expect(roundStats({ n: 3, median: 1.234, mean: 1.235, sharePositive: 66.666, worst: -0.004 })).toEqual({
      n: 3,
      median: 1.23,
      mean: 1.24,
      sharePositive: 66.67,
      worst: -0,
    });
    expect(roundStats(null)).toBeNull();
  });
});
