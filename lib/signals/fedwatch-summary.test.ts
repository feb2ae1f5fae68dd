import { describe, expect, it } from 'vitest';
import { unwrap } from '../result';
import type { FuturesQuote, MarketOdds } from '../source-data';
import { computeFedWatch } from './fedwatch';
import { compareWithMarkets, probabilityOf, summarizeFedWatch } from './fedwatch-summary';

const q = (contract: string, month: string, date: string, close: number): FuturesQuote => ({
  contract,
  month,
  date,
  close,
});

/** 20 Aug 2015: one meeting (17 Sep) priced off the August and September contracts. */
const fw = unwrap(
  computeFedWatch({
    watchDate: '2015-08-20',
    futures: [q('ZQQ15', '2015-08', '2015-08-20', 99.8675), q('ZQU15', '2015-09', '2015-08-20', 99.805)],
    targetRange: { lower: 0, upper: 0.25 },
    meetings: ['2015-09-17'],
  }),
);

describe('compareWithMarkets', () => {
  it('gives the gap in points per meeting and venue, normalising market prices', () => {
    const odds: MarketOdds[] = [
      {
        venue: 'kalshi',
        eventId: 'KXFEDDECISION-15SEP',
        title: 'Fed decision in Sep 2015',
        meetingDate: '2015-09-17',
        outcomes: [
          { label: 'Hike 25bps', changeBp: 25, probability: 0.4 },
          { label: 'Hold', changeBp: 0, probability: 0.62 },
          { label: 'Other', changeBp: null, probability: 0.01 },
        ],
        asOf: '2015-08-20',
      },
      { venue: 'polymarket', eventId: 'x', title: 'y', meetingDate: null, outcomes: [], asOf: '2015-08-20' },
    ];
    const { gaps, unmatched } = compareWithMarkets(fw, odds);
    expect(gaps).toHaveLength(1);
    const g = gaps[0]!;
    expect(g.marketRawSum).toBeCloseTo(1.02, 10);
    expect(g.market.hike).toBeCloseTo(0.4 / 1.02, 10);
    expect(g.futures.hike).toBeCloseTo(0.5357, 3);
    expect(g.gapPts.hike).toBeCloseTo((0.53572 - 0.4 / 1.02) * 100, 1);
    expect(g.gapPts.cut).toBe(0);
    expect(unmatched).toEqual([{ venue: 'polymarket', eventId: 'x', reason: 'meeting date unknown' }]);
  });
});

describe('summary of a FedWatch result', () => {
  it('the next meeting’s odds add up, and a range the tree never reaches has probability 0', () => {
    const s = summarizeFedWatch(fw)!;
    expect(s.nextMeeting).toBe('2015-09-17');
    expect(s.pCutNext + s.pHoldNext + s.pHikeNext).toBeCloseTo(1, 10);
    expect(s.pHikeNext).toBeCloseTo(0.5357, 3);
    const sep = fw.meetings[0]!;
    expect(probabilityOf(sep, '25-50')).toBeCloseTo(s.pHikeNext, 10);
    expect(probabilityOf(sep, '500-525')).toBe(0);
  });
});
