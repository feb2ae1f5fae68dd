/**
 * Alerts replayed day by day on REAL recorded history: each day's reading is what the extension
 * would have read that day (data up to that date only), evaluated against the readings stored
 * before it. Expected events are checked against independent computations written here, not
 * taken from the code under test.
 */
import { describe, expect, it } from 'vitest';
import { unwrap } from '../result';
import { readReal } from '../../test/shared-fixtures';
import { parseIsharesFundHistoryCsv } from '../sources/ishares-fund';
import { parseFredCsv } from '../sources/fred';
import { parseStooqCsv } from '../sources/stooq';
import { parseYahooChart } from '../sources/yahoo-chart';
import { parseIsharesHoldings } from '../sources/ishares-holdings';
import { parseReconstitutionCsv } from '../sources/reconstitution';
import { parseFuturesCsv } from '../sources/futures-csv';
import { parseKalshiEvents } from '../sources/kalshi';
import { computeFedWatch } from '../signals/fedwatch';
import { computeFlowSignal } from '../signals/flows';
import type { Provenance } from '../source-data';
import { bundledCalendars } from '../sources/calendars';
import {
  dayMoveSeries,
  drawdownSeries,
  flowSeries,
  meetingOdds,
  membershipOf,
  oddsGapPts,
  yieldMoveSeries,
  type MembershipInputs,
} from './rules';
import { calendarDrafts, evaluate, MemoryPrior } from './evaluate';
import { membershipReading, pointReading, ratesReading } from './readings';
import { DEFAULT_ALERT_SETTINGS, normalizeAlertSettings } from './settings';
import type { AlertRecord, AlertSettings, Reading } from './types';

const prov = (source: string, label: string, asOf = ''): Provenance => ({ source, label, asOf });
const at = (date: string) => new Date(`${date}T21:00:00Z`);

/** Feeds one reading per day (or several signals per day) through evaluate with a stored history. */
function replay(days: Reading[][], settings: AlertSettings = DEFAULT_ALERT_SETTINGS) {
  const prior = new MemoryPrior();
  const alerts: AlertRecord[] = [];
  for (const readings of days) {
    const e = evaluate(readings, prior, settings, at(readings[0]?.date ?? '2026-01-01'));
    prior.commit(e);
    alerts.push(...e.alerts);
  }
  return { alerts, prior };
}

const of = (alerts: AlertRecord[], rule: string) => alerts.filter((a) => a.rule === rule);

// ---------------------------------------------------------------------------------------------
// Independent computations (plain loops over the raw files, no project code).

const MONTHS: Record<string, string> = {
  Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06',
  Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12',
}; // prettier-ignore

/** Confirmed-level state machine: a new level counts once two consecutive days agree on it. */
function confirmedChanges(days: Array<{ date: string; level: string | null }>): string[] {
  const out: string[] = [];
  let confirmed: string | null = null;
  for (let i = 0; i < days.length; i++) {
    const cur = days[i]!.level;
    if (i === 0) {
      confirmed = cur;
      continue;
    }
    const prevLevel = days[i - 1]!.level;
    const next: string | null = cur !== null && prevLevel === cur ? cur : confirmed;
    if (confirmed !== null && next !== null && next !== confirmed)
      out.push(`${days[i]!.date} ${confirmed}→${next}`);
    confirmed = next;
  }
  return out;
}

function independentFlowDays(csv: string) {
  const rows = csv
    .split(/\r?\n/)
    .slice(1)
    .map((l) => /^"(\w{3}) (\d{2}), (\d{4})",([\d.]+),[^,]*,(\d+|--)/.exec(l))
    .filter((m): m is RegExpExecArray => !!m && m[5] !== '--')
    .map((m) => ({ date: `${m[3]}-${MONTHS[m[1]!]}-${m[2]}`, nav: Number(m[4]), so: Number(m[5]) }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const flows: Array<{ date: string; flow: number; run: number }> = [];
  let run = 0;
  for (let i = 1; i < rows.length; i++) {
    const gapDays = (Date.parse(rows[i]!.date) - Date.parse(rows[i - 1]!.date)) / 864e5;
    if (gapDays > 7) {
      run++;
      continue; // a hole restarts the windows
    }
    flows.push({ date: rows[i]!.date, flow: (rows[i]!.so - rows[i - 1]!.so) * rows[i]!.nav, run });
  }
  const sums: Array<{ date: string; sum: number }> = [];
  for (let e = 64; e < flows.length; e++) {
    if (flows[e]!.run !== flows[e - 64]!.run) continue;
    let s = 0;
    for (let k = e - 64; k <= e; k++) s += flows[k]!.flow;
    sums.push({ date: flows[e]!.date, sum: s });
  }
  return sums.map((x, i) => {
    const from = `${Number(x.date.slice(0, 4)) - 3}${x.date.slice(4)}`;
    const pool = sums.slice(0, i + 1).filter((y) => y.date > from);
    if (pool.length < 250) return { ...x, pct: null as number | null };
    const below = pool.filter((y) => y.sum < x.sum).length;
    const eq = pool.filter((y) => y.sum === x.sum).length;
    return { ...x, pct: ((below + eq / 2) / pool.length) * 100 };
  });
}

// ---------------------------------------------------------------------------------------------

describe('flows: IWM fund history 2000 – Feb 2025, replayed day by day', () => {
  const csv = readReal('ishares_IWM_fund_historical_2025-02-04.csv');
  const history = unwrap(parseIsharesFundHistoryCsv(csv)).history;
  const points = flowSeries(history);
  const fund = prov('ishares-fund', 'iShares IWM fund history');
  const { alerts } = replay(points.map((p) => [pointReading('flows:IWM', fund, p, 'x')]));
  const independent = independentFlowDays(csv);

  it('the one-pass series equals the card’s flow math on sampled days', () => {
    for (const date of ['2008-10-10', '2016-11-30', '2020-03-23', '2024-04-11']) {
      const p = points.filter((x) => x.date <= date).at(-1)!;
      const s = computeFlowSignal(history.filter((r) => r.date <= date));
      expect(p.date).toBe(s.current?.date);
      expect(p.sum).toBeCloseTo(s.current!.sum, 2);
      expect(p.percentile).toBeCloseTo(s.percentile!, 9);
      // The live pass ranks only the newest window: the same point.
      const live = flowSeries(
        history.filter((r) => r.date <= date),
        { lastOnly: true },
      );
      expect(live).toEqual([p]);
    }
  });

  it('decile entries and exits: the count and every date match an independent computation', () => {
    const band = (p: number | null) => (p === null ? null : p <= 10 ? 'bottom' : p >= 90 ? 'top' : 'middle');
    const expected = confirmedChanges(independent.map((x) => ({ date: x.date, level: band(x.pct) })));
    const got = of(alerts, 'flows-decile');
    expect(got.map((a) => a.dataDate)).toEqual(expected.map((e) => e.slice(0, 10)));
    expect(got.length).toBe(362);
    // The first real events (the one-day dip into the bottom decile on 24 Dec 2001 stays quiet).
    expect(expected.slice(0, 4)).toEqual([
      '2001-10-03 top→middle',
      '2002-05-16 middle→top',
      '2002-06-28 top→middle',
      '2002-07-03 middle→top',
    ]);
    const firstBottom = expected.findIndex((e) => e.endsWith('→bottom'));
    expect(got[firstBottom]!.title).toBe(
      'IWM 65-day flow entered the bottom 10 % of its 3-year range (heavy selling: the contrarian signal is on)',
    );
    expect(got[firstBottom + 1]!.title).toContain('left the bottom 10 %');
    expect(got[firstBottom + 1]!.title).toContain('the heavy-selling signal is off');
  });

  it('zero crossings: count and dates match the independent computation', () => {
    const sign = (s: number) => (s > 0 ? 'positive' : s < 0 ? 'negative' : null);
    const expected = confirmedChanges(independent.map((x) => ({ date: x.date, level: sign(x.sum) })));
    const got = of(alerts, 'flows-zero');
    expect(got.map((a) => a.dataDate)).toEqual(expected.map((e) => e.slice(0, 10)));
    expect(got.length).toBe(342);
  });

  it('April 2024: the record outflow is announced once, with both readings dated and sourced', () => {
    const apr = of(alerts, 'flows-decile').filter((a) => a.dataDate.startsWith('2024-0'));
    expect(apr.length).toBeGreaterThanOrEqual(1);
    const entry = apr.find((a) => a.title.includes('entered the bottom'))!;
    expect(entry.from?.source).toBe('iShares IWM fund history');
    expect(entry.from!.asOf < entry.to.asOf).toBe(true);
    expect(entry.to.text).toMatch(/^−\$\d/);
  });

  it('a narrower band (5 %) gives fewer events; the rule off gives none', () => {
    const narrow = normalizeAlertSettings({ rules: { 'flows-decile': { on: true, threshold: 5 } } });
    const n = replay(
      points.map((p) => [pointReading('flows:IWM', fund, p, 'x')]),
      narrow,
    ).alerts;
    expect(of(n, 'flows-decile').length).toBeLessThan(362);
    const off = normalizeAlertSettings({ rules: { 'flows-decile': { on: false } } });
    expect(
      of(
        replay(
          points.slice(0, 1500).map((p) => [pointReading('flows:IWM', fund, p, 'x')]),
          off,
        ).alerts,
        'flows-decile',
      ),
    ).toEqual([]);
  });
});

describe('yields: FRED DGS2, 25 bp months', () => {
  const fred = prov('fred', 'FRED DGS2');
  const series = (name: string) => unwrap(parseFredCsv(readReal(name), 'DGS2')).series.DGS2!;

  /** Independent: the largest move from any value of the trailing month. */
  function independentStates(obs: Array<{ date: string; value: number }>) {
    return obs.map((o, i) => {
      const d = new Date(`${o.date}T00:00:00Z`);
      const m = d.getUTCMonth() - 1;
      const y = d.getUTCFullYear() + (m < 0 ? -1 : 0);
      const mm = (m + 12) % 12;
      const dim = new Date(Date.UTC(y, mm + 1, 0)).getUTCDate();
      const from = `${y}-${String(mm + 1).padStart(2, '0')}-${String(Math.min(d.getUTCDate(), dim)).padStart(2, '0')}`;
      const win = obs.slice(0, i).filter((x) => x.date >= from);
      const up = Math.round((o.value - Math.min(o.value, ...win.map((x) => x.value))) * 10000) / 100;
      const down = Math.round((Math.max(o.value, ...win.map((x) => x.value)) - o.value) * 10000) / 100;
      return { date: o.date, level: up >= 25 && up >= down ? 'up' : down >= 25 ? 'down' : 'calm' };
    });
  }

  it('Feb 2021 – Feb 2026: every 25 bp month matches the independent computation', () => {
    const obs = series('fred_DGS2_2021-02-12_to_2026-02-12.csv');
    const { alerts } = replay(yieldMoveSeries(obs).map((p) => [pointReading('yield:DGS2', fred, p, 'x')]));
    const expected = confirmedChanges(independentStates(obs)).filter((e) => !e.endsWith('calm'));
    const got = of(alerts, 'yields-2y');
    expect(got.map((a) => a.dataDate)).toEqual(expected.map((e) => e.slice(0, 10)));
    expect(got.length).toBe(41);
    expect(got[0]!.title).toMatch(/^2-year Treasury yield rose \d+ bp within a month$/);
    // "from" is the month's low with its own date, "to" today's value.
    expect(got[0]!.from!.asOf < got[0]!.to.asOf).toBe(true);
  });

  it('2026 (Jan – Sep): the newest recording gives its own 25 bp months', () => {
    const obs = series('fred_DGS2_2026-01-02_to_2026-09-10.csv');
    const { alerts } = replay(yieldMoveSeries(obs).map((p) => [pointReading('yield:DGS2', fred, p, 'x')]));
    const expected = confirmedChanges(independentStates(obs)).filter((e) => !e.endsWith('calm'));
    expect(of(alerts, 'yields-2y').map((a) => a.dataDate)).toEqual(expected.map((e) => e.slice(0, 10)));
    expect(expected.length).toBeGreaterThan(2);
  });
});

describe('drawdown: IWM daily closes (Stooq) 2005 – May 2026', () => {
  const bars = unwrap(parseStooqCsv(readReal('stooq_iwm_us_d_2026-05-05.csv'), 'IWM')).bars;
  const stooq = prov('prices', 'IWM daily closes (Stooq)');
  const { alerts } = replay(drawdownSeries(bars).map((p) => [pointReading('drawdown:IWM', stooq, p, 'x')]));

  it('10 % / 20 % crossings match an independent running-high computation', () => {
    let high = 0;
    const days = bars.map((b) => {
      high = Math.max(high, b.close);
      const dd = (b.close / high - 1) * 100;
      return { date: b.date, level: dd <= -20 ? '2' : dd <= -10 ? '1' : '0' };
    });
    const expected = confirmedChanges(days);
    const got = of(alerts, 'drawdown');
    expect(got.map((a) => a.dataDate)).toEqual(expected.map((e) => e.slice(0, 10)));
    // 2008: IWM closed 20 % below its high in the summer/autumn of the crisis.
    const crisis = expected.filter((e) => e.startsWith('2008') && e.endsWith('1→2'));
    expect(crisis.length).toBeGreaterThanOrEqual(1);
    const covid = expected.filter((e) => e.startsWith('2020-03') && e.endsWith('→2'));
    expect(covid.length).toBe(1);
  });

  it('new highs after a 5 % pullback: independent count, first ones dated', () => {
    let high = -Infinity;
    let deepest = 0;
    const expected: string[] = [];
    bars.forEach((b, i) => {
      if (b.close > high) {
        if (i > 0 && deepest <= -5) expected.push(b.date);
        high = b.close;
        deepest = 0;
      }
      deepest = Math.min(deepest, (b.close / high - 1) * 100);
    });
    const got = of(alerts, 'new-high');
    expect(got.map((a) => a.dataDate)).toEqual(expected);
    expect(got.length).toBe(23);
  });
});

describe('watchlist: May IWM, June 2026 addition/deletion lists, July IWB', () => {
  const iwm = unwrap(parseIsharesHoldings(readReal('IWM_holdings_2026-05-05.csv')));
  const iwb = unwrap(parseIsharesHoldings(readReal('IWB_holdings_2026-07-17.csv')));
  const added = unwrap(
    parseReconstitutionCsv(
      readReal('ftserussell_ru3000_additions_final_2026-06-26.derived.csv'),
      'added',
      '2026-06-29',
    ),
  );
  const deleted = unwrap(
    parseReconstitutionCsv(
      readReal('ftserussell_ru3000_deletions_final_2026-06-26.derived.csv'),
      'deleted',
      '2026-06-29',
    ),
  );
  const WATCH = ['BE', 'ARAY', 'DIBS', 'CRWV', 'HWC'];
  const r2000 = {
    symbols: new Set(iwm.constituents.map((c) => c.ticker)),
    asOf: iwm.asOf,
    label: 'iShares IWM holdings',
  };
  const r1000 = {
    symbols: new Set(iwb.constituents.map((c) => c.ticker)),
    asOf: iwb.asOf,
    label: 'iShares IWB holdings',
  };
  const recon = { changes: [...added, ...deleted], label: 'FTSE Russell June 2026 lists' };
  const day = (inputs: MembershipInputs) =>
    WATCH.map((s) => membershipReading(s, membershipOf(s, inputs)!, 'x'));

  it('each chosen name changes as the files say, once, on the right date', () => {
    // The files themselves, read independently of the rule:
    expect(r2000.symbols.has('BE') && r1000.symbols.has('BE')).toBe(true);
    expect(r2000.symbols.has('ARAY') && deleted.some((d) => d.symbol === 'ARAY')).toBe(true);
    expect(added.some((d) => d.symbol === 'DIBS') && !r1000.symbols.has('DIBS')).toBe(true);
    expect(added.some((d) => d.symbol === 'CRWV') && r1000.symbols.has('CRWV')).toBe(true);
    const { alerts } = replay([day({ r2000 }), day({ r2000, recon }), day({ r2000, r1000, recon })]);
    const got = of(alerts, 'watch-membership').map((a) => `${a.dataDate} ${a.title}`);
    expect(got).toEqual([
      '2026-06-29 ARAY left the Russell 2000',
      '2026-06-29 DIBS was added to the Russell 3000 (the next holdings file will say which index)',
      '2026-06-29 CRWV was added to the Russell 3000 (the next holdings file will say which index)',
      '2026-07-17 BE moved from the Russell 2000 to the Russell 1000',
      '2026-07-17 DIBS joined the Russell 2000',
      '2026-07-17 CRWV joined the Russell 1000',
    ]);
    const be = alerts.find((a) => a.subject === 'BE')!;
    expect(be.from).toEqual({
      text: 'Russell 2000 (iShares IWM holdings)',
      asOf: '2026-05-05',
      source: 'iShares IWM holdings',
    });
    expect(be.to.asOf).toBe('2026-07-17');
    expect(be.target).toBe('watchlist');
  });

  it('all 114 May members on the deletion list leave; none of the 40 names in both files is lost', () => {
    const all = [...r2000.symbols];
    const d = (inputs: MembershipInputs) =>
      all.map((s) => membershipReading(s, membershipOf(s, inputs)!, 'x'));
    const { alerts } = replay([d({ r2000 }), d({ r2000, recon })]);
    const left = of(alerts, 'watch-membership').filter((a) => a.title.endsWith('left the Russell 2000'));
    expect(left.length).toBe(deleted.filter((x) => r2000.symbols.has(x.symbol)).length);
    expect(left.length).toBe(114);
  });

  it('daily moves ≥ 5 %: AAPL Sep – Nov 2020 (Yahoo chart) against the closes', () => {
    const env = JSON.parse(readReal('yahoo_chart_recorded_AAPL-2020-08-31-to-2020-11-07.json')) as {
      response: { bodyJson: unknown };
    };
    const bars = unwrap(parseYahooChart(JSON.stringify(env.response.bodyJson))).bars;
    const yahoo = prov('prices', 'Yahoo Finance daily closes');
    const { alerts } = replay(dayMoveSeries(bars).map((p) => [pointReading('price:AAPL', yahoo, p, 'x')]));
    const expected = bars
      .slice(1)
      .filter((b, i) => Math.abs(b.close / bars[i]!.close - 1) >= 0.05)
      .map((b) => b.date)
      .filter((d) => d !== bars[1]!.date); // the first day is the baseline reading
    const got = of(alerts, 'watch-move');
    expect(got.map((a) => a.dataDate)).toEqual(expected);
    expect(got.length).toBeGreaterThanOrEqual(3);
    expect(got[0]!.title).toMatch(/^AAPL (fell|rose) \d+\.\d% on /);
  });
});

describe('rates: real odds histories', () => {
  it('CME FedWatch as published Jul – Aug 2026: next-meeting move odds, ≥ 10 pts since the last alert', () => {
    const rows = readReal('cme_fedwatch_scrape_history_2026-07-12_to_2026-08-22.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .map(([snap, meeting, range, prob]) => ({
        snap: snap!,
        meeting: meeting!,
        range: range!,
        p: Number(prob),
      }));
    const byDay = new Map<string, typeof rows>();
    for (const r of rows) byDay.set(r.snap, [...(byDay.get(r.snap) ?? []), r]);
    const cme = prov('cme-fedwatch', 'CME FedWatch (published page)');
    const days: Reading[][] = [];
    const independent: Array<{ date: string; meeting: string; move: number; top: string }> = [];
    for (const [snap, list] of [...byDay].sort()) {
      const next = list
        .map((r) => r.meeting)
        .filter((m) => m >= snap)
        .sort()[0];
      if (!next) continue;
      const seen = new Set<string>();
      const rowsNext = list.filter((r) => r.meeting === next && !seen.has(r.range) && seen.add(r.range));
      const cur = rowsNext.find((r) => r.range.includes('(Current)'));
      if (!cur) continue; // a capture without the current range cannot say cut or hike
      const lower = (r: string) => Number(r.slice(0, 3));
      const odds = meetingOdds(
        next,
        rowsNext.map((r) => ({ changeBp: lower(r.range) - lower(cur.range), p: r.p })),
      )!;
      days.push([ratesReading('cme-fedwatch', cme, snap, odds, 'x')]);
      const top = [...rowsNext].sort((a, b) => b.p - a.p)[0]!;
      independent.push({ date: snap, meeting: next, move: 100 - cur.p, top: top.range });
    }
    const { alerts } = replay(days);
    const got = of(alerts, 'rates-move');
    // Independent: per meeting, the baseline is the first reading, then the reading at each alert;
    // an alert when the move odds are ≥ 10 pts away or the most likely range differs.
    const expected: string[] = [];
    const base = new Map<string, { move: number; top: string }>();
    for (const d of independent) {
      const b = base.get(d.meeting);
      if (!b) base.set(d.meeting, d);
      else if (Math.abs(d.move - b.move) >= 10 || d.top !== b.top) {
        expected.push(`${d.meeting} ${d.date}`);
        base.set(d.meeting, d);
      }
    }
    expect(got.map((a) => `${a.subject.split(':')[1]} ${a.dataDate}`)).toEqual(expected);
    expect(got.length).toBeGreaterThan(2);
    expect(got[0]!.from?.source).toBe('CME FedWatch (published page)');
  });

  it('fed funds futures Feb – Apr 2023 (SVB): the most likely March decision flipped and is announced', () => {
    const futures = unwrap(parseFuturesCsv(readReal('zq_contracts_daily_2023-02-01_to_2023-04-14.csv')));
    const meetings = (
      JSON.parse(readReal('fedwatch_check_cases.json')) as {
        case_2023_03_10: { fomc_meetings_decision_day: string[] };
      }
    ).case_2023_03_10.fomc_meetings_decision_day;
    const dates = [...new Set(futures.map((f) => f.date))]
      .sort()
      .filter((d) => d >= '2023-02-02' && d <= '2023-03-21');
    const zq = prov('fed-futures', 'CBOT 30-day fed funds futures');
    const days = dates.flatMap((d) => {
      const fw = computeFedWatch({
        watchDate: d,
        futures: futures.filter((f) => f.date <= d),
        targetRange: { lower: 4.5, upper: 4.75 },
        meetings,
      });
      const m = fw.ok ? fw.value.meetings.find((x) => x.date === '2023-03-22') : undefined;
      const odds = m
        ? meetingOdds(
            m.date,
            m.move.distribution.map((x) => ({ changeBp: x.steps * 25, p: x.probability })),
          )
        : null;
      return odds ? [[ratesReading('fed-futures', zq, d, odds, 'x')]] : [];
    });
    expect(days.length).toBeGreaterThan(25);
    const { alerts } = replay(days);
    const flips = of(alerts, 'rates-move').filter((a) => a.title.startsWith('Most likely'));
    expect(flips.length).toBeGreaterThan(0);
    // Around 7–13 March 2023 the market swung between 25 and 50 bp hikes, then hold/25 after SVB.
    expect(flips.some((a) => a.dataDate >= '2023-03-07' && a.dataDate <= '2023-03-15')).toBe(true);
  });
});

describe('rates: the CME FedWatch capture of 10 Oct 2026 and Kalshi of 6 Oct 2026', () => {
  interface CmeMeeting {
    meeting_date: string;
    rate_probabilities: Array<{ range: string; now: number; day1: number; week1: number; month1: number }>;
  }
  const cme = (
    JSON.parse(readReal('cme_fedwatch_cmegroupcn_daily_2026-10-10.json')) as { meetings: CmeMeeting[] }
  ).meetings;
  const CME = prov('cme-fedwatch', 'CME FedWatch (published page)');
  // The capture's columns are the published odds now, a day, a week and a month earlier.
  const COLUMNS = [
    ['month1', '2026-09-10'],
    ['week1', '2026-10-03'],
    ['day1', '2026-10-09'],
    ['now', '2026-10-10'],
  ] as const;
  const oddsOf = (m: CmeMeeting, col: (typeof COLUMNS)[number][0]) => {
    const cur = m.rate_probabilities.find((r) => r.range.includes('(Current)'))!;
    const lower = (r: string) => Number(r.slice(0, 3));
    return meetingOdds(
      m.meeting_date,
      m.rate_probabilities.map((r) => ({ changeBp: lower(r.range) - lower(cur.range), p: r[col] })),
    )!;
  };

  it('replaying the four published columns: the 28 Oct odds fell 23 pts, the 9 Dec most likely turned to a hike', () => {
    const meetings = cme.filter((m) => m.meeting_date === '2026-10-28' || m.meeting_date === '2026-12-09');
    const days = COLUMNS.map(([col, date]) =>
      meetings.map((m) => ratesReading('cme-fedwatch', CME, date, oddsOf(m, col), 'x')),
    );
    const got = of(replay(days).alerts, 'rates-move').map((a) => `${a.dataDate} ${a.title}`);
    // By hand from the capture: 28 Oct move odds 100 − 54.8 = 45.2 % a month ago → 100 − 77.9 =
    // 22.1 % a week ago (−23 pts), then 17.7 % (−4.4 pts since that alert: quiet). 9 Dec: most
    // likely 375-400 (hold, 39.4 %) a month ago → 400-425 (+25 bp, 67.3 %) a week ago.
    expect(got).toEqual([
      '2026-10-03 Odds of a move at the 28 Oct 2026 FOMC meeting fell 23 pts (CME FedWatch (published page))',
      '2026-10-03 Most likely decision at the 9 Dec 2026 FOMC meeting changed: hold → hike 25 bp (CME FedWatch (published page))',
    ]);
  });

  it('futures vs Kalshi for 9 Dec: gaps of 13.5 and 9.6 pts stay under the 15-pt rule', () => {
    const kalshi = unwrap(
      parseKalshiEvents(readReal('kalshi_KXFEDDECISION_26OCT_26DEC_27JAN_2026-10-06.trimmed.json'), {
        asOf: '2026-10-06',
      }),
    ).find((o) => o.meetingDate === '2026-12-09')!;
    const k = meetingOdds(
      '2026-12-09',
      kalshi.outcomes.flatMap((o) =>
        o.changeBp === null ? [] : [{ changeBp: o.changeBp, p: o.probability }],
      ),
    )!;
    const dec = cme.find((m) => m.meeting_date === '2026-12-09')!;
    const gapAt = (col: 'week1' | 'now') => oddsGapPts(oddsOf(dec, col), k);
    // Independent: the largest |CME − Kalshi| over cut / hold / hike, from the raw numbers.
    const raw = (col: 'week1' | 'now') => {
      const p = (r: string) => dec.rate_probabilities.find((x) => x.range.startsWith(r))?.[col] ?? 0;
      const hold = p('375-400');
      const hike = p('400-425') + p('425-450');
      const kp = (f: (bp: number) => boolean) =>
        kalshi.outcomes
          .filter((o) => o.changeBp !== null && f(o.changeBp))
          .reduce((a, o) => a + o.probability, 0) /
        kalshi.outcomes.filter((o) => o.changeBp !== null).reduce((a, o) => a + o.probability, 0);
      return Math.max(
        Math.abs(hold - kp((b) => b === 0) * 100),
        Math.abs(hike - kp((b) => b > 0) * 100),
        Math.abs(0 - kp((b) => b < 0) * 100),
      );
    };
    expect(gapAt('week1')).toBeCloseTo(raw('week1'), 6);
    expect(gapAt('now')).toBeCloseTo(raw('now'), 6);
    expect(gapAt('week1')).toBeCloseTo(13.5, 0);
    expect(gapAt('now')).toBeCloseTo(9.6, 0);
    const gapReading = (date: string, g: number): Reading => ({
      signal: 'ratesgap:kalshi:2026-12-09',
      date,
      source: 'kalshi',
      sourceLabel: 'Kalshi vs CME FedWatch',
      values: { meeting: '2026-12-09', venue: 'Kalshi', gapPts: g },
      recordedAt: 'x',
    });
    const days = [[gapReading('2026-10-06', gapAt('week1'))], [gapReading('2026-10-10', gapAt('now'))]];
    expect(of(replay(days).alerts, 'rates-gap')).toEqual([]);
    // With a 10-pt threshold the week-old gap is already above it: still no crossing, no alert;
    // crossing upward (9.6 → 13.5) does fire.
    const ten = normalizeAlertSettings({ rules: { 'rates-gap': { on: true, threshold: 10 } } });
    const up = [[gapReading('2026-10-06', gapAt('now'))], [gapReading('2026-10-10', gapAt('week1'))]];
    expect(of(replay(up, ten).alerts, 'rates-gap').map((a) => a.title)).toEqual([
      'Futures and Kalshi odds for the 9 Dec 2026 FOMC meeting disagree by 13 pts',
    ]);
  });
});

describe('calendar: the day before each dated event', () => {
  // The calendars the extension ships (lib/data/calendars.json, from the Fed and FTSE Russell).
  const cal = bundledCalendars();

  it('fires the weekday before an FOMC decision and a reconstitution step, not on other days', () => {
    const fomc = cal.fomc.find((m) => m.end >= '2026-12-01')!;
    const before = new Date(`${fomc.end}T00:00:00Z`);
    before.setUTCDate(before.getUTCDate() - 1);
    const ids = calendarDrafts(cal, new Date(`${before.toISOString().slice(0, 10)}T15:00:00Z`)).map(
      (d) => d.id,
    );
    expect(ids).toContain(`calendar:fomc:${fomc.end}`);
    expect(calendarDrafts(cal, new Date(`${fomc.end}T15:00:00Z`)).map((d) => d.id)).not.toContain(
      `calendar:fomc:${fomc.end}`,
    );
    const eff = cal.russell.find((r) => r.year === 2026 && r.kind === 'june')!.effective.date; // a Friday
    const thu = new Date(`${eff}T15:00:00Z`);
    thu.setUTCDate(thu.getUTCDate() - 1);
    expect(calendarDrafts(cal, thu).map((d) => d.id)).toContain(`calendar:effective:${eff}`);
  });

  it('skips weekends and NYSE holidays: an event after Martin Luther King Day is announced the Friday before', () => {
    // Tue 20 Jan 2026 follows the Monday holiday (19 Jan): the trading day before is Fri 16 Jan.
    const event = {
      ...cal,
      fomc: [{ start: '2026-01-19', end: '2026-01-20', sep: false, tentative: false }],
      russell: [],
    };
    const on = (date: string) => calendarDrafts(event, new Date(`${date}T15:00:00Z`));
    expect(on('2026-01-19')).toEqual([]);
    expect(on('2026-01-18')).toEqual([]);
    const friday = on('2026-01-16');
    expect(friday.map((d) => d.id)).toEqual(['calendar:fomc:2026-01-20']);
    expect(friday[0]!.title).toMatch(/^Next trading day: /);
    // An ordinary weekday before: "Tomorrow".
    const wed = calendarDrafts(
      { ...event, fomc: [{ start: '2026-01-27', end: '2026-01-28', sep: false, tentative: false }] },
      new Date('2026-01-27T15:00:00Z'),
    );
    expect(wed[0]!.title).toMatch(/^Tomorrow: /);
  });
});
