import { describe, expect, it } from 'vitest';
import type { ChartSeries } from '../view-models';
import {
  axisDateLabels,
  barColors,
  formatChartValue,
  hasDrawableData,
  readoutAt,
  toAlignedData,
  yRange,
} from './chart-data';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000;
const yields: ChartSeries = {
  kind: 'line',
  x: [day('2025-12-22'), day('2025-12-23'), day('2025-12-24')],
  series: [
    { label: '2y', values: [3.5, 3.52, null], unit: '%' },
    { label: '10y', values: [4.1, 4.11, null], unit: '%' },
  ],
  summary: '2-year 3.52%, 10-year 4.11% on 23 Dec 2025.',
};

describe('chart helpers', () => {
  it('formats values by unit', () => {
    expect(formatChartValue(-1.2e9, '$')).toBe('−$1.2B');
    expect(formatChartValue(3.5, '%')).toBe('3.50%');
    expect(formatChartValue(-25, 'bp')).toBe('−25 bp');
    expect(formatChartValue(0.4123, 'ratio')).toBe('0.412');
    expect(formatChartValue(null, '%')).toBe('—');
    expect(formatChartValue(0, '$')).toBe('$0');
  });
  it('only draws charts with real data', () => {
    expect(hasDrawableData(yields)).toBe(true);
    expect(hasDrawableData(null)).toBe(false);
    expect(
      hasDrawableData({ ...yields, series: [{ label: 'a', values: [null, null, null], unit: '' }] }),
    ).toBe(false);
    expect(hasDrawableData({ ...yields, x: [1] })).toBe(false);
  });
  it('aligns series to x, turning NaN into gaps', () => {
    const d = toAlignedData({ ...yields, series: [{ label: 'a', values: [1, Number.NaN], unit: '' }] });
    expect(d).toEqual([yields.x, [1, null, null]]);
  });
  it('colours outflow bars differently', () => {
    expect(barColors([1, -2, null], 'up', 'down')).toEqual(['up', 'down', 'up']);
  });
  it('reads out the last point with data', () => {
    expect(readoutAt(yields, null)).toBe('23 Dec 2025 · 2y 3.52% · 10y 4.11%');
    expect(readoutAt(yields, 0)).toBe('22 Dec 2025 · 2y 3.50% · 10y 4.10%');
  });
  it('labels the x axis on one line', () => {
    expect(axisDateLabels([day('2025-10-01'), day('2026-01-01')], 120)).toEqual(['Oct', 'Jan ’26']);
    expect(axisDateLabels([day('2025-12-24')], 20)).toEqual(['24 Dec']);
  });
  it('pads ranges and keeps zero for bars', () => {
    expect(yRange([5, 5], false)).toEqual([4.75, 5.25]);
    const [lo, hi] = yRange([2, 4], true);
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(4);
    expect(yRange([], false)).toEqual([0, 1]);
  });
});
