import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { unwrap } from '../result';
import { parseStooqCsv } from './stooq';
import { parseAlphaVantageDailyCsv } from './alphavantage';

describe('parseAlphaVantageDailyCsv (recorded, newest first, unadjusted)', () => {
  it('SPY: 100 sessions 2026-05-13 … 2026-10-05, oldest first, no adjusted close', () => {
    const s = unwrap(
      parseAlphaVantageDailyCsv(readReal('alphavantage_SPY_daily_compact_2026-10-05.csv'), 'SPY'),
    );
    expect(s.bars).toHaveLength(100);
    expect(s.bars[0]?.date).toBe('2026-05-13');
    expect(s.bars.at(-1)).toEqual({
      date: '2026-10-05',
      open: 769.69,
      high: 776.605,
      low: 769.63,
      close: 774.83,
      adjClose: null,
      volume: 42530768,
    });
    expect(s.previousClose).toBe(769.64);
    for (let i = 1; i < s.bars.length; i++) expect(s.bars[i]!.date > s.bars[i - 1]!.date).toBe(true);
  });

  it('IWM joins the Stooq history after its gap (2026-05-06 … 05-12 are in neither file)', () => {
    const av = unwrap(
      parseAlphaVantageDailyCsv(readReal('alphavantage_IWM_daily_compact_2026-10-05.csv'), 'IWM'),
    );
    const stooq = unwrap(parseStooqCsv(readReal('stooq_iwm_us_d_2026-05-05.csv'), 'IWM'));
    expect(stooq.bars.at(-1)?.date).toBe('2026-05-05');
    expect(av.bars[0]?.date).toBe('2026-05-13');
    // Same instrument, a week apart: the levels are close (unadjusted vs adjusted differ by dividends only).
    expect(Math.abs(av.bars[0]!.close / stooq.bars.at(-2)!.close - 1)).toBeLessThan(0.05);
  });

  it('rate-limit notes, JSON errors and foreign CSVs are errors, not prices', () => {
    const note =
      '{\n "Note": "Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute"\n}';
    expect(parseAlphaVantageDailyCsv(note, 'SPY')).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited' },
    });
    expect(parseAlphaVantageDailyCsv('{"Error Message": "Invalid API call"}', 'SPY').ok).toBe(false);
    expect(
      parseAlphaVantageDailyCsv('Date,Open,High,Low,Close,Volume\n2026-01-02,1,1,1,1,1\n', 'SPY').ok,
    ).toBe(false);
    expect(parseAlphaVantageDailyCsv('', 'SPY')).toMatchObject({ ok: false, error: { kind: 'empty' } });
  });
});
