import { describe, expect, it } from 'vitest';
import { unwrap } from '../result';
import type { FuturesQuote, MarketOdds } from '../types';
import { readReal } from '../../test/shared-fixtures';
import { parseFuturesCsv } from '../sources/futures-csv';
import {
  compareWithMarkets,
  computeFedWatch,
  probabilityOf,
  summarizeFedWatch,
  zqContract,
  type FedWatchInput,
} from './fedwatch';

interface CheckCases {
  case_2023_03_10: {
    prices_close_2023_03_10: Record<string, number>;
    fomc_meetings_decision_day: string[];
    cme_published_for_meeting_2023_05_03: { as_of_2023_03_10: Record<string, number> };
  };
  case_cme_methodology_example_2015_09_17: {
    FFQ5: number;
    FFU5: number;
    FFER_start: number;
    implied_rate_Sep: number;
    FFER_end: number;
    P_hike_pct: number;
  };
}

const pct = (p: number) => p * 100;

function q(contract: string, month: string, date: string, close: number): FuturesQuote {
  return { contract, month, date, close };
}

describe('FedWatch reproduces CME (fedwatch_check_cases.json)', () => {
  const cases = () => JSON.parse(readReal('fedwatch_check_cases.json')) as CheckCases;
  const futures = () => unwrap(parseFuturesCsv(readReal('zq_contracts_daily_2023-02-01_to_2023-04-14.csv')));
  const input = (): FedWatchInput => ({
    watchDate: '2023-03-10',
    futures: futures(),
    targetRange: { lower: 4.5, upper: 4.75 },
    meetings: cases().case_2023_03_10.fomc_meetings_decision_day,
  });

  it('the CSV closes of 2023-03-10 are the ones in the check file', () => {
    const c = cases().case_2023_03_10.prices_close_2023_03_10;
    const day = futures().filter((f) => f.date === '2023-03-10');
    expect(Object.fromEntries(day.map((f) => [f.contract, f.close]))).toEqual(c);
  });

  it('3 May 2023 meeting as of 10 Mar 2023: 0.0 / 57.4 / 41.0 / 1.6 % (CME published)', () => {
    const fw = unwrap(computeFedWatch(input()));
    const may = fw.meetings.find((m) => m.date === '2023-05-03');
    expect(may).toBeDefined();
    if (!may) return;
    const published = cases().case_2023_03_10.cme_published_for_meeting_2023_05_03.as_of_2023_03_10;
    for (const [label, value] of Object.entries(published)) {
      expect(Math.abs(pct(probabilityOf(may, label)) - value)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
    expect(may.probabilities.map((r) => [r.label, Number(pct(r.probability).toFixed(1))])).toEqual([
      ['500-525', 57.4],
      ['525-550', 41.0],
      ['550-575', 1.6],
    ]);
    // May's start is April's average (meeting-free), its end June's start solved back from August.
    expect(may.move.startFrom).toBe('previous-month');
    expect(may.move.start).toBeCloseTo(100 - 95.1, 10);
    expect(may.move.endFrom).toBe('next-month');
    expect(may.move.end).toBeCloseTo(5.1599, 4);
  });

  it('the whole 2023-03-10 table (values from an independent Python run of the same method)', () => {
    const fw = unwrap(computeFedWatch(input()));
    expect(fw.meetings.map((m) => m.date)).toEqual(cases().case_2023_03_10.fomc_meetings_decision_day);
    expect(fw.dropped).toEqual([]);
    const table = Object.fromEntries(
      fw.meetings.map((m) => [
        m.date,
        Object.fromEntries(m.probabilities.map((r) => [r.label, Number(pct(r.probability).toFixed(1))])),
      ]),
    );
    expect(table['2023-03-22']).toEqual({ '475-500': 59.8, '500-525': 40.2 });
    expect(table['2023-06-14']).toEqual({
      '500-525': 31.0,
      '525-550': 48.5,
      '550-575': 19.7,
      '575-600': 0.7,
    });
    expect(table['2023-09-20']).toMatchObject({
      '450-475': 1.0,
      '475-500': 13.2,
      '500-525': 37.1,
      '525-550': 36.2,
    });
    // Jan 31, 2024 is the last day of its month (m = 1): solved backward from February, stable.
    const jan = fw.meetings.find((m) => m.date === '2024-01-31');
    expect(jan?.move.startFrom).toBe('solved-backward');
    expect(jan?.move.start).toBeCloseTo(4.8757, 4);
    expect(jan?.move.end).toBeCloseTo(100 - 95.3, 10);
    expect(table['2024-01-31']).toMatchObject({ '450-475': 28.7, '475-500': 29.7 });
    for (const m of fw.meetings) {
      expect(m.probabilities.reduce((a, r) => a + r.probability, 0)).toBeCloseTo(1, 12);
      expect(m.pBelowCurrent + m.pAtCurrent + m.pAboveCurrent).toBeCloseTo(1, 12);
    }
  });

  it('derived figures: next-meeting cut odds, year-end horizon', () => {
    const fw = unwrap(computeFedWatch(input()));
    const s = summarizeFedWatch(fw);
    expect(s?.nextMeeting).toBe('2023-03-22');
    expect(s?.pCutNext).toBe(0);
    expect(s?.pHikeNext).toBeCloseTo(1, 12);
    // 2023 meetings: per-meeting cut odds Jul 0.0992, Sep 0.34, Nov 0.4926, Dec 0.6648 (k < 0 → P(cut) = −k).
    const h = s?.horizon;
    expect(h).toMatchObject({ year: 2023, through: '2023-12-13', meetings: 7, complete: true });
    const pNoCut = (1 - 0.0992) * (1 - 0.34) * (1 - 0.4926) * (1 - 0.6648);
    expect(h?.pAtLeastOneCut).toBeCloseTo(1 - pNoCut, 3);
    expect(h?.expectedCuts).toBeCloseTo(0.0992 + 0.34 + 0.4926 + 0.6648, 3);
    const fwJuly = fw.meetings.find((m) => m.date === '2023-07-26');
    expect(fwJuly?.move.pCut).toBeCloseTo(0.0992, 3);
    expect(fwJuly?.move.pHold).toBeCloseTo(0.9008, 3);
  });

  it('a missing middle contract (ZQV23): September solved forward, November on dropped with a note', () => {
    const full = unwrap(computeFedWatch(input()));
    const fw = unwrap(
      computeFedWatch({ ...input(), futures: futures().filter((f) => f.contract !== 'ZQV23') }),
    );
    expect(fw.meetings.map((m) => m.date)).toEqual([
      '2023-03-22',
      '2023-05-03',
      '2023-06-14',
      '2023-07-26',
      '2023-09-20',
    ]);
    expect(fw.dropped).toEqual(['2023-11-01', '2023-12-13', '2024-01-31', '2024-03-20']);
    const sep = fw.meetings.at(-1);
    expect(sep?.move.endFrom).toBe('solved-forward');
    // The forward solution is close to (not equal to) the chained one.
    expect(Math.abs((sep?.move.end ?? 0) - (full.meetings[4]?.move.end ?? 0))).toBeLessThan(0.03);
    expect(fw.notes.join(' ')).toMatch(/2023-11-01.*ZQV23/);
    expect(summarizeFedWatch(fw)?.horizon?.complete).toBe(false);
  });

  it('a missing contract with no rule to bridge it (ZQJ23) is a clear error', () => {
    const r = computeFedWatch({ ...input(), futures: futures().filter((f) => f.contract !== 'ZQJ23') });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('unavailable');
      expect(r.error.message).toMatch(/ZQJ23/);
    }
  });

  it('meetings beyond the available contracts are dropped with a note', () => {
    const r = computeFedWatch({
      ...input(),
      meetings: [...input().meetings, '2024-05-01', '2024-06-12', '2024-07-31', '2024-09-18'],
    });
    const fw = unwrap(r);
    // ZQM24 (June 2024) is the last contract. May 1 (n = 0) ends at May's own average; June 12 has
    // no July price, so it is solved forward (19 days at the new rate). July on cannot be priced.
    expect(fw.meetings.slice(-2).map((m) => [m.date, m.move.endFrom])).toEqual([
      ['2024-05-01', 'solved-forward'],
      ['2024-06-12', 'solved-forward'],
    ]);
    expect(fw.meetings.at(-2)?.move.end).toBeCloseTo(100 - 95.68, 10);
    expect(fw.dropped).toEqual(['2024-07-31', '2024-09-18']);
    expect(fw.notes.join(' ')).toMatch(/2024-07-31 on are beyond the last futures contract \(ZQM24\)/);
  });

  it('other watch dates of the recorded file give sane tables', () => {
    for (const watchDate of ['2023-04-03', '2023-04-06']) {
      const fw = unwrap(computeFedWatch({ ...input(), watchDate, targetRange: { lower: 4.75, upper: 5 } }));
      const may = fw.meetings[0];
      expect(may?.date).toBe('2023-05-03');
      expect(may?.probabilities.reduce((a, r) => a + r.probability, 0)).toBeCloseTo(1, 12);
    }
  });
});

describe('FedWatch: white paper example and edge cases', () => {
  it('Sep 17, 2015 (CME white paper, type 2): P(hike) = 53.6 %', () => {
    const fw = unwrap(
      computeFedWatch({
        watchDate: '2015-08-20',
        futures: [q('ZQQ15', '2015-08', '2015-08-20', 99.8675), q('ZQU15', '2015-09', '2015-08-20', 99.805)],
        targetRange: { lower: 0, upper: 0.25 },
        meetings: ['2015-07-29', '2015-09-17', '2015-10-28', '2015-12-16'],
      }),
    );
    const sep = fw.meetings[0];
    expect(sep?.date).toBe('2015-09-17');
    expect(sep?.move.start).toBeCloseTo(0.1325, 10);
    expect(sep?.move.end).toBeCloseTo(0.26643, 5);
    expect(sep?.move.endFrom).toBe('solved-forward');
    expect(Number(pct(sep?.move.pHike ?? 0).toFixed(1))).toBe(53.6);
    expect(Number(pct(probabilityOf(sep!, '25-50')).toFixed(1))).toBe(53.6);
    expect(Number(pct(probabilityOf(sep!, '0-25')).toFixed(1))).toBe(46.4);
    expect(fw.dropped).toEqual(['2015-10-28', '2015-12-16']);
    expect(fw.notes.join(' ')).toMatch(/beyond the last futures contract \(ZQU15\)/);
  });

  it('no futures → unavailable', () => {
    const r = computeFedWatch({
      watchDate: '2026-09-15',
      futures: [],
      targetRange: { lower: 4, upper: 4.25 },
      meetings: ['2026-09-16'],
    });
    expect(r.ok ? null : r.error.kind).toBe('unavailable');
    expect(r.ok ? '' : r.error.message).toMatch(/Fed funds futures unavailable/);
  });

  it('futures of another day → unavailable, naming the latest day', () => {
    const r = computeFedWatch({
      watchDate: '2026-09-15',
      futures: [q('ZQU26', '2026-09', '2026-09-11', 96)],
      targetRange: { lower: 4, upper: 4.25 },
      meetings: ['2026-09-16'],
    });
    expect(r.ok ? '' : r.error.message).toMatch(/2026-09-11/);
  });

  it('a meeting on the last day of a month without the next contract is not solved forward', () => {
    // Jan 31: one day at the new rate; forward solving would multiply price noise by 31.
    const futures = [q('ZQZ23', '2023-12', '2023-12-01', 94.67), q('ZQF24', '2024-01', '2023-12-01', 94.66)];
    const r = computeFedWatch({
      watchDate: '2023-12-01',
      futures,
      targetRange: { lower: 5.25, upper: 5.5 },
      meetings: ['2023-11-01', '2024-01-31'],
    });
    expect(r.ok).toBe(false);
    // With February the same meeting is priced from its neighbours.
    const fw = unwrap(
      computeFedWatch({
        watchDate: '2023-12-01',
        futures: [...futures, q('ZQG24', '2024-02', '2023-12-01', 94.77)],
        targetRange: { lower: 5.25, upper: 5.5 },
        meetings: ['2023-11-01', '2024-01-31'],
      }),
    );
    const jan = fw.meetings[0];
    expect(jan?.move.start).toBeCloseTo(5.33, 10); // December, meeting-free
    expect(jan?.move.end).toBeCloseTo(5.23, 10); // February
    expect(jan?.move.pCut).toBeCloseTo(0.4, 10);
  });

  it('rejects bad ranges and empty calendars', () => {
    const base = {
      watchDate: '2023-03-10',
      futures: [q('ZQJ23', '2023-04', '2023-03-10', 95.1)],
      meetings: ['2023-05-03'],
    };
    expect(computeFedWatch({ ...base, targetRange: { lower: 4.5, upper: 5 } }).ok).toBe(false);
    expect(
      computeFedWatch({ ...base, targetRange: { lower: 4.5, upper: 4.75 }, meetings: ['2023-01-01'] }).ok,
    ).toBe(false);
  });

  it('zqContract', () => {
    expect(zqContract('2023-05')).toBe('ZQK23');
    expect(zqContract('2024-01')).toBe('ZQF24');
  });
});

describe('compareWithMarkets', () => {
  const fw = unwrap(
    computeFedWatch({
      watchDate: '2015-08-20',
      futures: [q('ZQQ15', '2015-08', '2015-08-20', 99.8675), q('ZQU15', '2015-09', '2015-08-20', 99.805)],
      targetRange: { lower: 0, upper: 0.25 },
      meetings: ['2015-09-17'],
    }),
  );
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
