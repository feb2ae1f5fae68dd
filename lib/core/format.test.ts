import { describe, expect, it } from 'vitest';
import {
  MINUS,
  formatAge,
  formatAgo,
  formatAsOf,
  formatBp,
  formatCountdown,
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPrice,
  formatProbability,
  formatSigned,
  formatWeight,
  ordinal,
} from './format';

const NOW = new Date('2025-12-27T15:00:00Z');

describe('money', () => {
  it('compacts with units and the real minus sign', () => {
    expect(formatMoney(5.42e9)).toBe('$5.42B');
    expect(formatMoney(-1.2e6)).toBe(`${MINUS}$1.2M`);
    expect(formatMoney(-5_420_000_000)).toBe('−$5.42B');
    expect(formatMoney(310_000, { signed: true })).toBe('+$310K');
    expect(formatMoney(1.5e12)).toBe('$1.5T');
    expect(formatMoney(12.3)).toBe('$12.30');
    expect(formatMoney(999_999)).toBe('$1M');
  });
  it('never prints a signed zero or NaN', () => {
    expect(formatMoney(-0.001)).toBe('$0.00');
    expect(formatMoney(Number.NaN)).toBe('n/a');
    expect(formatMoney(null)).toBe('n/a');
  });
});

describe('numbers and percents', () => {
  it('groups thousands and signs', () => {
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatSigned(-3.5, 1)).toBe('−3.5');
    expect(formatSigned(3.5, 1)).toBe('+3.5');
    expect(formatSigned(-0.004, 2)).toBe('0.00');
  });
  it('formats percent, probability, bp and weights', () => {
    expect(formatPercent(42)).toBe('42.0%');
    expect(formatPercent(-1.23, 1, true)).toBe('−1.2%');
    expect(formatPercent(1.26, 1, true)).toBe('+1.3%');
    expect(formatProbability(0.624)).toBe('62%');
    expect(formatProbability(0.001)).toBe('<1%');
    expect(formatProbability(0.999)).toBe('>99%');
    expect(formatProbability(0)).toBe('0%');
    expect(formatProbability(0.574, 1)).toBe('57.4%');
    expect(formatProbability(0.0004, 1)).toBe('<0.1%');
    expect(formatProbability(0.9996, 1)).toBe('>99.9%');
    expect(formatProbability(1, 1)).toBe('100.0%');
    expect(formatBp(-25)).toBe('−25 bp');
    expect(formatBp(50)).toBe('+50 bp');
    expect(formatWeight(0.4231)).toBe('0.42%');
    expect(formatWeight(0.001)).toBe('<0.01%');
  });
  it('formats prices', () => {
    expect(formatPrice(12.345)).toBe('$12.35');
    expect(formatPrice(0.5012)).toBe('$0.5012');
    expect(formatPrice(1234.5)).toBe('$1,234.50');
    expect(formatPrice(10, 'EUR')).toBe('10.00 EUR');
  });
});

describe('dates', () => {
  it('reads market dates as calendar days', () => {
    expect(formatDate('2025-12-24')).toBe('24 Dec 2025');
    expect(formatAsOf('2025-12-24')).toBe('as of 24 Dec 2025');
    expect(formatAsOf(null)).toBe('date unknown');
    expect(formatDate('garbage')).toBe('unknown date');
  });
  it('says how old data is', () => {
    expect(formatAge('2025-12-24', NOW)).toBe('3 days old');
    expect(formatAge('2025-12-26', NOW)).toBe('1 day old');
    expect(formatAge('2025-12-27', NOW)).toBe('today');
    expect(formatAge(null, NOW)).toBe('age unknown');
  });
  it('says how long ago an event was', () => {
    expect(formatAgo('2025-12-27T14:59:30Z', NOW)).toBe('just now');
    expect(formatAgo('2025-12-27T14:55:00Z', NOW)).toBe('5 min ago');
    expect(formatAgo('2025-12-27T12:00:00Z', NOW)).toBe('3 h ago');
    expect(formatAgo('2025-12-25T12:00:00Z', NOW)).toBe('2 days ago');
    expect(formatAgo(null, NOW)).toBe('never');
  });
  it('counts down to a future date', () => {
    expect(formatCountdown('2025-12-27', NOW)).toBe('today');
    expect(formatCountdown('2025-12-28', NOW)).toBe('in 1 day');
    expect(formatCountdown('2026-01-06', NOW)).toBe('in 10 days');
    expect(formatCountdown('2025-12-01', NOW)).toBeNull();
  });
});

describe('ordinals', () => {
  it('says 81st, 82nd, 83rd, never 81th', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 81, 100, 101, 111, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '81st',
      '100th',
      '101st',
      '111th',
      '112th',
    ]);
    expect(ordinal(80.6)).toBe('81st');
    expect(ordinal(Number.NaN)).toBe('n/a');
  });
});
