import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { unwrap } from '../result';
import { meetingMonthSplit } from '../signals/fedwatch';
import { parseFedWatchCapture, parseGluedTarget, settlementDateOfScrape } from './cme-fedwatch-capture';

const capture = () => unwrap(parseFedWatchCapture(readReal('cme_fedwatch_cmegroupcn_daily_2026-10-10.json')));

describe('parseFedWatchCapture (recorded CME FedWatch page capture of 9 Oct 2026)', () => {
  it('reads the date CME describes, the current range and 10 meetings', () => {
    const c = capture();
    expect(c.asOf).toBe('2026-10-09'); // scraped 2026-10-10T00:54Z = 20:54 New York on the 9th
    expect(c.currentTarget).toEqual({ lower: 3.75, upper: 4 });
    expect(c.meetings.map((m) => m.date)).toEqual([
      '2026-10-28',
      '2026-12-09',
      '2027-01-27',
      '2027-03-17',
      '2027-04-28',
      '2027-06-09',
      '2027-07-28',
      '2027-09-15',
      '2027-10-27',
      '2027-12-08',
    ]);
  });

  it('9 Dec 2026: no change 18.7 %, 4.00–4.25 67.6 %, 4.25–4.50 13.7 % — a hike priced', () => {
    const dec = capture().meetings[1]!;
    expect(dec).toMatchObject({ contract: 'ZQZ6', midPrice: 95.935, ease: 0, noChange: 0.187, hike: 0.813 });
    expect(
      dec.ranges
        .filter((r) => r.probability > 0)
        .map((r) => [r.label, Math.round(r.probability * 1000) / 1000, r.isCurrent]),
    ).toEqual([
      ['375-400', 0.187, true],
      ['400-425', 0.676, false],
      ['425-450', 0.137, false],
    ]);
  });

  it("the meeting-month prices satisfy CME's 2026 day count (decision day at the old rate)", () => {
    // Two exact routes to the November 2026 average under CME's method: from October
    // (A11 = A10 + 0.25·k10·n10/31) and back from January 2027 (A11 = s1 − 0.25·k12 with
    // s1 = A1 − 0.25·k1·m1/31). k per meeting from the cumulative tables.
    const c = capture();
    const mean = (i: number) => {
      const rs = c.meetings[i]!.ranges;
      return (
        rs.reduce((a, r) => a + r.lowerBp * r.probability, 0) / rs.reduce((a, r) => a + r.probability, 0)
      );
    };
    const k10 = (mean(0) - 375) / 25;
    const k12 = (mean(1) - mean(0)) / 25;
    const k1 = (mean(2) - mean(1)) / 25;
    const a10 = 100 - c.meetings[0]!.midPrice!;
    const a1 = 100 - c.meetings[2]!.midPrice!;
    const gap = (dc: 'day-after-decision' | 'decision-day') => {
      const fromOct = a10 + 0.25 * k10 * (meetingMonthSplit(28, 31, dc).n / 31);
      const fromJan = a1 - 0.25 * k1 * (meetingMonthSplit(27, 31, dc).m / 31) - 0.25 * k12;
      return Math.abs(fromOct - fromJan) * 100; // bp
    };
    expect(gap('day-after-decision')).toBeLessThan(0.03);
    expect(gap('decision-day')).toBeGreaterThan(0.05);
  });
});

describe('capture quirks', () => {
  it("current_target with the probability glued on: '375-40082' is 375-400 + 82", () => {
    expect(parseGluedTarget('375-40082')).toEqual({ lowerBp: 375, upperBp: 400, glued: '82' });
    expect(parseGluedTarget('375-4000')).toEqual({ lowerBp: 375, upperBp: 400, glued: '0' });
    expect(parseGluedTarget('375-400')).toEqual({ lowerBp: 375, upperBp: 400, glued: '' });
    expect(parseGluedTarget('0-25100')).toEqual({ lowerBp: 0, upperBp: 25, glued: '100' });
    expect(parseGluedTarget('375-39982')).toBeNull();
  });

  it('the settlement shown: after 6 p.m. New York that weekday, else the weekday before', () => {
    expect(settlementDateOfScrape('2026-10-10T00:54:20.452045+00:00')).toBe('2026-10-09');
    expect(settlementDateOfScrape('2026-09-19T07:13:10+00:00')).toBe('2026-09-18'); // Saturday
    expect(settlementDateOfScrape('2026-09-21T14:00:00Z')).toBe('2026-09-18'); // Monday morning
    expect(settlementDateOfScrape('nope')).toBeNull();
  });

  it('rejects what is not a capture', () => {
    expect(parseFedWatchCapture('').ok).toBe(false);
    expect(parseFedWatchCapture('{"meetings": 3}').ok).toBe(false);
    expect(parseFedWatchCapture('<html>').ok).toBe(false);
    expect(parseFedWatchCapture('{"scrape_time":"2026-10-10T00:54:20Z","meetings":[]}').ok).toBe(false);
  });
});
