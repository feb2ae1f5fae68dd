import { describe, expect, it } from 'vitest';
import { unwrap } from '../result';
import type { FuturesQuote } from '../source-data';
import { readReal } from '../../test/shared-fixtures';
import { parseFuturesCsv } from '../sources/futures-csv';
import {
  calendarWarnings,
  computeFedWatch,
  defaultDayCount,
  meetingMonthSplit,
  zqContract,
  type FedWatchInput,
} from './fedwatch';
import { probabilityOf, summarizeFedWatch } from './fedwatch-summary';

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

  it('3 May 2023 as of 3 Apr and 7 Apr 2023 (CME published, after the 22 Mar hike) within 0.1 pt', () => {
    const published = JSON.parse(readReal('fedwatch_check_cases.json')) as {
      case_2023_03_10: { cme_published_for_meeting_2023_05_03: Record<string, Record<string, number>> };
    };
    for (const [watchDate, key] of [
      ['2023-04-03', 'as_of_2023_04_03'],
      ['2023-04-07', 'as_of_2023_04_07'], // Good Friday: CME traded a short session (jobs report)
    ] as const) {
      const fw = unwrap(computeFedWatch({ ...input(), watchDate, targetRange: { lower: 4.75, upper: 5 } }));
      const may = fw.meetings.find((m) => m.date === '2023-05-03')!;
      expect(fw.dayCount).toBe('decision-day');
      for (const [label, value] of Object.entries(
        published.case_2023_03_10.cme_published_for_meeting_2023_05_03[key] ?? {},
      )) {
        expect(Math.abs(pct(probabilityOf(may, label)) - value), `${watchDate} ${label}`).toBeLessThanOrEqual(
          0.1,
        );
      }
    }
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

interface CheckCases2026 {
  fomc_meetings_decision_day: string[];
  cme_published: Record<string, { tables: Record<string, Record<string, number>> }>;
}

describe('FedWatch reproduces CME of Sep 2026 (fedwatch_check_cases_2026-09.json)', () => {
  const cases = () => JSON.parse(readReal('fedwatch_check_cases_2026-09.json')) as CheckCases2026;
  const futures = () => unwrap(parseFuturesCsv(readReal('cme_zq_settlements_2026-09-17_to_2026-09-18.csv')));
  const run = (watchDate: string, extra: Partial<FedWatchInput> = {}) =>
    unwrap(
      computeFedWatch({
        watchDate,
        futures: futures(),
        targetRange: { lower: 3.75, upper: 4 },
        meetings: cases().fomc_meetings_decision_day,
        ...extra,
      }),
    );
  /** Largest |ours − CME| in points over every cell CME shows for that watch date. */
  const maxDiff = (watchDate: string, extra: Partial<FedWatchInput> = {}) => {
    const fw = run(watchDate, extra);
    let worst = 0;
    let cells = 0;
    for (const [date, table] of Object.entries(cases().cme_published[watchDate]?.tables ?? {})) {
      const m = fw.meetings.find((x) => x.date === date);
      if (!m) return Infinity;
      for (const [label, value] of Object.entries(table)) {
        worst = Math.max(worst, Math.abs(pct(probabilityOf(m, label)) - value));
        cells++;
      }
    }
    return cells > 0 ? worst : Infinity;
  };

  it('every cell of the 18 Sep and 17 Sep 2026 tables within 0.1 pt (hikes priced like cuts)', () => {
    expect(maxDiff('2026-09-18')).toBeLessThanOrEqual(0.1 + 1e-6);
    expect(maxDiff('2026-09-17')).toBeLessThanOrEqual(0.1 + 1e-6);
    const oct = run('2026-09-18').meetings[0];
    expect(oct?.date).toBe('2026-10-28');
    expect(Number(pct(oct?.move.pHike ?? 0).toFixed(1))).toBe(57.6);
    expect(Number(pct(oct?.move.pHold ?? 0).toFixed(1))).toBe(42.4);
    expect(oct?.move.pCut).toBe(0);
    expect(run('2026-09-18').dayCount).toBe('day-after-decision');
    const h = summarizeFedWatch(run('2026-09-18'))?.horizon;
    expect(h).toMatchObject({ year: 2026, through: '2026-12-09', meetings: 2, pAtLeastOneCut: 0 });
    // Each meeting's move is independent in CME's tree: P(≥ 1 hike) = 1 − Π(1 − P(hike at i)).
    const [o, d] = run('2026-09-18').meetings.map((m) => m.move.pHike);
    expect(o).toBeCloseTo(0.576, 3);
    expect(h?.pAtLeastOneHike).toBeCloseTo(1 - (1 - (o ?? 0)) * (1 - (d ?? 0)), 12);
    expect(h?.expectedHikes).toBeCloseTo((o ?? 0) + (d ?? 0), 12);
    expect(h?.expectedChangeBp).toBeGreaterThan(25);
  });

  it('priceThrough: a later known meeting marks its month without being priced', () => {
    const fw = run('2026-09-18', { priceThrough: '2027-12-08' });
    expect(fw.meetings.at(-1)?.date).toBe('2027-12-08');
    expect(fw.meetings).toHaveLength(10);
    expect(maxDiff('2026-09-18', { priceThrough: '2027-12-08' })).toBeLessThanOrEqual(0.1);
    // Without the January 2028 meeting, January counts as meeting-free and 8 Dec 2027 moves.
    const noJan = run('2026-09-18', {
      meetings: cases().fomc_meetings_decision_day.filter((d) => d !== '2028-01-26'),
    });
    const dec27 = (x: typeof noJan) =>
      probabilityOf(
        x.meetings.find((m) => m.date === '2027-12-08')!,
        '450-475',
      );
    expect(Math.abs(dec27(noJan) - dec27(fw))).toBeGreaterThan(0.0005);
  });

  it("counting the decision day at the new rate (CME's 2023 convention) misses 2026 by 2 pt", () => {
    expect(maxDiff('2026-09-18', { dayCount: 'decision-day' })).toBeGreaterThan(2);
  });

  it('the 16 Sep decision is past on the 17th; leaving it out of the calendar is warned about', () => {
    const fw = run('2026-09-17');
    expect(fw.meetings[0]?.date).toBe('2026-10-28');
    expect(fw.warnings).toEqual([]);
    const short = run('2026-09-17', { meetings: ['2026-10-28', '2026-12-09', '2027-01-27'] });
    expect(short.warnings.join(' ')).toMatch(/No FOMC decision given in the 63 days before 2026-09-17/);
    expect(short.notes).toEqual(expect.arrayContaining(short.warnings));
  });
});

describe('FedWatch day count (which day the new rate is first counted)', () => {
  it('one split for both branches: n days at the old rate, m = N − n at the new one', () => {
    // 29 Jul 2026 (late in a 31-day month): CME 2026 counts 29 days at the old rate, 2 at the new.
    expect(meetingMonthSplit(29, 31, 'day-after-decision')).toEqual({ n: 29, m: 2 });
    expect(meetingMonthSplit(29, 31, 'decision-day')).toEqual({ n: 28, m: 3 });
    // The white paper's 17 Sep 2015: N = 30, 16 days at the old rate.
    expect(meetingMonthSplit(17, 30, 'decision-day')).toEqual({ n: 16, m: 14 });
    // A decision on the last day leaves no day at the new rate in that month.
    expect(meetingMonthSplit(31, 31, 'day-after-decision')).toEqual({ n: 31, m: 0 });
  });

  it('default by watch date: CME 2023 and earlier vs CME 2026', () => {
    expect(defaultDayCount('2015-08-20')).toBe('decision-day');
    expect(defaultDayCount('2023-04-10')).toBe('decision-day');
    expect(defaultDayCount('2026-07-13')).toBe('day-after-decision');
    expect(defaultDayCount('2026-12-06')).toBe('day-after-decision');
  });

  it('backward and forward solutions agree on the same month (same split both ways)', () => {
    // Constructed: old rate 3.63 to the decision of 29 Jul, 3.88 after (a full hike). The July
    // average under the day-after count is (29·3.63 + 2·3.88)/31. Backward (start solved from
    // August) and forward (end solved from June) must both recover the full step.
    const jul = (29 * 3.63 + 2 * 3.88) / 31;
    const mk = (months: Array<[string, string, number]>) =>
      months.map(([c, mo, rate]) => q(c, mo, '2026-07-13', 100 - rate));
    const base = {
      watchDate: '2026-07-13',
      targetRange: { lower: 3.5, upper: 3.75 },
      meetings: ['2026-06-17', '2026-07-29', '2026-09-16'],
    };
    const backward = unwrap(
      computeFedWatch({
        ...base,
        futures: mk([
          ['ZQN26', '2026-07', jul],
          ['ZQQ26', '2026-08', 3.88],
        ]),
      }),
    ).meetings[0];
    expect(backward?.move.startFrom).toBe('solved-backward');
    expect(backward?.move.start).toBeCloseTo(3.63, 10);
    expect(backward?.move.pHike).toBeCloseTo(1, 8);
    // Forward: June meeting-free here (calendar without 17 Jun → warned), August missing.
    const forward = computeFedWatch({
      ...base,
      meetings: ['2026-07-29'],
      futures: mk([
        ['ZQM26', '2026-06', 3.63],
        ['ZQN26', '2026-07', jul],
      ]),
    });
    // m = 2 < 7 days: the forward solution is refused rather than amplified ×15.
    expect(forward.ok).toBe(false);
  });

  it("CME's July 2026 tables satisfy the day-after identity, not the decision-day one", () => {
    // The recorded daily CME tables give, per meeting, the expected step k (from the cumulative
    // table) and the meeting month's contract price. CME's method implies two exact routes to the
    // August 2026 average: from July (A8 = A7 + 0.25·k7·n7/31) and from the October chain
    // (A11 = A10 + 0.25·k10·m10'/31 … A8 = s10 − 0.25·k9). They agree only with the right split.
    const rows = readReal('cme_fedwatch_scrape_history_2026-07-12_to_2026-08-22.csv')
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(','))
      .filter((c) => c.length >= 11 && c[8] !== '' && (c[0] ?? '') < '2026-07-29');
    const snaps = new Map<string, Map<string, { price: number; cells: Map<number, number> }>>();
    const current = new Map<string, number>();
    for (const c of rows) {
      const [snap = '', meeting = '', range = '', now = ''] = c;
      const lo = Number(range.split(' ')[0]?.split('-')[0]);
      const bySnap = snaps.get(snap) ?? new Map();
      snaps.set(snap, bySnap);
      // Some days hold several scrapes in a row; the last one wins for every field (one scrape).
      const m = bySnap.get(meeting) ?? { price: NaN, cells: new Map<number, number>() };
      bySnap.set(meeting, m);
      m.price = Number(c[9]);
      m.cells.set(lo, Number(now));
      current.set(snap, Number((c[10] ?? '').split('-')[0])); // '350-37565': a probability is glued on
    }
    const worst = { 'day-after-decision': 0, 'decision-day': 0 };
    let checked = 0;
    for (const [snap, meetings] of snaps) {
      const k = new Map<string, number>();
      let prev = current.get(snap) ?? NaN;
      for (const d of [...meetings.keys()].sort()) {
        const cells = meetings.get(d)?.cells ?? new Map<number, number>();
        const total = [...cells.values()].reduce((a, b) => a + b, 0);
        const mean = [...cells].reduce((a, [lo, p]) => a + lo * p, 0) / total;
        k.set(d, (mean - prev) / 25);
        prev = mean;
      }
      const a7 = 100 - (meetings.get('2026-07-29')?.price ?? NaN);
      const a10 = 100 - (meetings.get('2026-10-28')?.price ?? NaN);
      const [k7, k9, k10] = ['2026-07-29', '2026-09-16', '2026-10-28'].map((d) => k.get(d) ?? NaN);
      for (const dc of ['day-after-decision', 'decision-day'] as const) {
        const jul = meetingMonthSplit(29, 31, dc);
        const oct = meetingMonthSplit(28, 31, dc);
        const a8FromJuly = a7 + 0.25 * (k7 ?? NaN) * (jul.n / 31);
        const a11 = a10 + 0.25 * (k10 ?? NaN) * (oct.n / 31);
        const a8FromOctober = a11 - 0.25 * (k10 ?? NaN) - 0.25 * (k9 ?? NaN);
        worst[dc] = Math.max(worst[dc], Math.abs(a8FromJuly - a8FromOctober) * 100); // bp
      }
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    // Table rounding (0.1 %) allows ~0.03 bp; the wrong split is off by up to 0.12 bp.
    expect(worst['day-after-decision']).toBeLessThan(0.03);
    expect(worst['decision-day']).toBeGreaterThan(0.08);
  });

  it('a decision on the watch date is not priced (announced before the settlement)', () => {
    const fw = unwrap(
      computeFedWatch({
        watchDate: '2023-03-22',
        futures: unwrap(parseFuturesCsv(readReal('zq_contracts_daily_2023-02-01_to_2023-04-14.csv'))),
        targetRange: { lower: 4.75, upper: 5 },
        meetings: ['2023-02-01', '2023-03-22', '2023-05-03', '2023-06-14', '2023-07-26', '2023-09-20'],
      }),
    );
    expect(fw.meetings[0]?.date).toBe('2023-05-03');
    expect(fw.notes.join(' ')).toMatch(/decision of 2023-03-22 was announced before these prices settled/);
  });
});

describe('calendarWarnings', () => {
  const y2023 = ['2023-02-01', '2023-03-22', '2023-05-03', '2023-06-14', '2023-07-26', '2023-09-20'];
  it('none for a complete calendar', () => {
    expect(calendarWarnings(y2023, '2023-03-10')).toEqual([]);
  });
  it('the latest past meeting left out', () => {
    expect(calendarWarnings(y2023.slice(1), '2023-03-10')).toEqual([
      expect.stringMatching(/No FOMC decision given in the 63 days before 2023-03-10/),
    ]);
  });
  it('a meeting left out in the middle', () => {
    const w = calendarWarnings(
      y2023.filter((d) => d !== '2023-06-14'),
      '2023-03-10',
    );
    expect(w).toEqual([expect.stringMatching(/84 days between the decisions of 2023-05-03 and 2023-07-26/)]);
  });
});
