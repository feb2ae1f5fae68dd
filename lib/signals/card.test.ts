import { describe, expect, it } from 'vitest';
import { unwrap } from '../result';
import type { Calendars, Provenance } from '../source-data';
import { readReal } from '../../test/shared-fixtures';
import { bundledCalendars } from '../sources/calendars';
import { parseFredCsv } from '../sources/fred';
import { parseFuturesCsv } from '../sources/futures-csv';
import { parseIsharesFundHistoryCsv } from '../sources/ishares-fund';
import { parseStooqCsv } from '../sources/stooq';
import { parseYahooChart } from '../sources/yahoo-chart';
import { buildSignalCard, buildStrip, targetRangeFromObservations, type SignalInputs } from './card';
import { formatCardText } from './card-text';

const prov = (source: string, asOf: string): Provenance => ({ source, label: source, asOf });

/** Words that would turn a reading into an instruction. */
const INSTRUCTION = /\b(buy|sell|you should|we recommend)\b/i;

describe('buildSignalCard with no inputs', () => {
  it('every factor is unknown with a reason, and no figure is invented', () => {
    const card = buildSignalCard({}, '2026-09-15T12:00:00Z');
    expect(card.factors.map((f) => f.id)).toEqual([
      'flows',
      'rates',
      'relative',
      'drawdown',
      'yields',
      'recon',
    ]);
    for (const f of card.factors) {
      expect(f.state).toBe('unknown');
      expect(f.headline).toBe('Unavailable');
      expect(f.headline).not.toMatch(/\d/);
      expect(f.details).toEqual([]);
      expect(f.chart).toBeNull();
    }
    expect(card.factors.find((f) => f.id === 'rates')?.reason).toMatch(/^No Fed data on hand/);
    expect(card.factors.find((f) => f.id === 'flows')?.reason).toBe(
      'IWM shares-outstanding history unavailable',
    );
    expect(card.summary).toBe(
      '0 of 6 factors have historically favoured small caps, 0 have not, 0 are neutral, 6 cannot be read (data unavailable).',
    );
    expect(card.favourCount).toBe(0);
    expect(card.againstCount).toBe(0);
    expect(card.disclaimer).toMatch(/not investment advice/);
    expect(card.generatedAt).toBe('2026-09-15T12:00:00.000Z');
  });
});

describe('buildSignalCard from real recorded data', () => {
  const inputs = (): SignalInputs => {
    const cases = JSON.parse(readReal('fedwatch_check_cases.json')) as {
      case_2023_03_10: { fomc_meetings_decision_day: string[] };
    };
    const fomc2023: Calendars = {
      ...bundledCalendars(),
      fomc: cases.case_2023_03_10.fomc_meetings_decision_day.map((end) => ({
        start: end,
        end,
        sep: false,
        tentative: false,
      })),
    };
    const fred = (file: string, id: string) => unwrap(parseFredCsv(readReal(file), id)).series[id] ?? [];
    return {
      fundHistory: {
        data: unwrap(parseIsharesFundHistoryCsv(readReal('ishares_IWM_fund_historical_2025-02-04.csv')))
          .history,
        provenance: prov('ishares-fund', '2025-02-04'),
      },
      futures: {
        data: unwrap(parseFuturesCsv(readReal('zq_contracts_daily_2023-02-01_to_2023-04-14.csv'))).filter(
          (q) => q.date <= '2023-03-10',
        ),
        provenance: prov('futures-csv', '2023-03-10'),
      },
      targetRange: { data: { lower: 4.5, upper: 4.75 }, provenance: prov('fred', '2023-03-10') },
      calendars: { data: fomc2023, provenance: prov('bundled', fomc2023.asOf) },
      iwm: {
        data: unwrap(parseStooqCsv(readReal('stooq_iwm_us_d_2026-05-05.csv'), 'IWM')),
        provenance: prov('stooq', '2026-05-05'),
      },
      spy: {
        data: unwrap(parseYahooChart(readReal('yahoo_chart_SPY_5d_2026-02-20.json'))),
        provenance: prov('yahoo-chart', '2026-02-20'),
      },
      dgs2: {
        data: fred('fred_DGS2_2021-02-12_to_2026-02-12.csv', 'DGS2'),
        provenance: prov('fred', '2026-02-12'),
      },
      dgs10: {
        data: fred('fred_DGS10_2021-02-12_to_2026-02-12.csv', 'DGS10'),
        provenance: prov('fred', '2026-02-12'),
      },
    };
  };

  it('reads each factor from its data', () => {
    const card = buildSignalCard(inputs(), '2026-05-06T20:00:00Z');
    const f = Object.fromEntries(card.factors.map((x) => [x.id, x]));
    // Flows: +$3.77B over 65 days to Feb 4 2025, 83rd percentile → neutral.
    expect(f.flows?.state).toBe('neutral');
    expect(f.flows?.headline).toBe('+$3.77B (65 days)');
    expect(f.flows?.chart?.kind).toBe('bar');
    expect(f.flows?.chart?.x).toHaveLength(65);
    expect(f.flows?.stale).toBe(true);
    // Rates (Mar 2023): hikes priced → against.
    expect(f.rates?.state).toBe('against');
    expect(f.rates?.headline).toBe('Hike 100% · 22 Mar');
    expect(f.rates?.details.find((d) => d.label.startsWith('Futures, '))?.value).toBe(
      'hike 100.0%, hold 0.0%, cut 0.0%',
    );
    // Relative: the SPY file holds 5 days → no trend reading.
    expect(f.relative?.state).toBe('unknown');
    expect(f.relative?.reason).toMatch(/Fewer than 200/);
    // Drawdown: the 5 May 2026 row is intraday (a third of a normal day's volume), so the last
    // close is 4 May, 0.5 % under the closing high.
    expect(f.drawdown?.state).toBe('neutral');
    expect(f.drawdown?.headline).toBe('\u22120.5% from high');
    expect(f.drawdown?.asOf).toBe('2026-05-04');
    expect(f.drawdown?.stale).toBe(false);
    // Yields: 2y 3.47 %, −9 bp over 3 months → neutral.
    expect(f.yields?.state).toBe('neutral');
    expect(f.yields?.headline).toBe('3.47% (\u22129 bp in 3 months)');
    expect(f.yields?.details.map((d) => d.label)).toEqual(['2-year', '10-year', '10y − 2y spread']);
    expect(f.yields?.chart?.series).toHaveLength(2);
    // Recon (bundled calendar, May 6 2026): June 2026 recon, preliminary lists not yet out.
    expect(f.recon?.state).toBe('neutral');
    expect(f.recon?.headline).toBe('In 51 days');
    expect(f.recon?.reason).toMatch(/June 2026/);

    expect(card.summary).toBe(
      '0 of 6 factors have historically favoured small caps, 1 has not, 4 are neutral, 1 cannot be read (data unavailable).',
    );
    for (const x of card.factors) {
      expect(x.reason).not.toMatch(INSTRUCTION);
      expect(x.provenance.length).toBeGreaterThan(0);
      if (x.chart) expect(x.chart.x.length).toBe(x.chart.series[0]?.values.length);
    }
  });

  it('heavy outflows (Apr 2024) read as historically favourable, deep drawdown too', () => {
    const base = inputs();
    const card = buildSignalCard(
      {
        ...base,
        fundHistory: {
          data: base.fundHistory!.data.filter((r) => r.date <= '2024-04-11'),
          provenance: prov('ishares-fund', '2024-04-11'),
        },
        iwm: {
          data: { ...base.iwm!.data, bars: base.iwm!.data.bars.filter((b) => b.date <= '2020-03-23') },
          provenance: prov('stooq', '2020-03-23'),
        },
      },
      '2024-04-12T00:00:00Z',
    );
    const flows = card.factors.find((x) => x.id === 'flows');
    expect(flows?.state).toBe('favours');
    expect(flows?.headline).toBe('\u2212$5.67B (65 days)');
    expect(flows?.reason).toMatch(/contrarian/);
    const dd = card.factors.find((x) => x.id === 'drawdown');
    expect(dd?.state).toBe('favours');
    expect(dd?.headline).toBe('\u221241.1% from high');
    expect(card.favourCount).toBe(2);
  });

  it('strip and text rendering', () => {
    const card = buildSignalCard(inputs(), '2026-05-06T20:00:00Z');
    const strip = buildStrip(card);
    expect(strip.items.map((i) => i.id)).toEqual([
      'flows',
      'rates',
      'relative',
      'drawdown',
      'yields',
      'recon',
    ]);
    expect(strip.items[0]).toEqual({
      id: 'flows',
      label: 'IWM flows',
      value: '+$3.77B (65 days)',
      state: 'neutral',
      asOf: '2025-02-04',
      source: 'ishares-fund',
      stale: true,
    });
    const text = formatCardText(card);
    expect(text).toContain(card.summary);
    expect(text).toContain('IWM fund flows: +$3.77B (65 days)');
    expect(text).toContain('Source: stooq, as of 2026-05-05');
    expect(text).toContain(card.disclaimer);
  });

  it('missing single inputs name what is missing', () => {
    const { targetRange: _t, spy: _s, ...rest } = inputs();
    const card = buildSignalCard(rest, '2026-05-06T20:00:00Z');
    expect(card.factors.find((x) => x.id === 'rates')?.reason).toMatch(
      /futures not used: the target range in force is unknown/,
    );
    expect(card.factors.find((x) => x.id === 'relative')?.reason).toBe('SPY prices unavailable');
  });
});

describe('helpers', () => {
  it('target range from FRED observations', () => {
    const lo = [
      { date: '2023-02-02', value: 4.5 },
      { date: '2023-03-23', value: 4.75 },
    ];
    const hi = [
      { date: '2023-02-02', value: 4.75 },
      { date: '2023-03-23', value: 5 },
    ];
    expect(targetRangeFromObservations(lo, hi, '2023-03-10')).toEqual({ lower: 4.5, upper: 4.75 });
    expect(targetRangeFromObservations(lo, hi, '2023-04-01')).toEqual({ lower: 4.75, upper: 5 });
    expect(targetRangeFromObservations([], hi, '2023-04-01')).toBeNull();
  });
});
