/**
 * Issue 12: every figure on the card is dated by what it describes, flagged stale by the one
 * freshness rule, and never calls a partial day a close. Inputs are the real recorded files the
 * bundled snapshot is built from.
 */
import { describe, expect, it } from 'vitest';
import { unwrap } from '../result';
import type { Provenance } from '../source-data';
import { readReal } from '../../test/shared-fixtures';
import { bundledCalendars } from '../sources/calendars';
import { parseIsharesFundHistory, parseIsharesFundHistoryCsv } from '../sources/ishares-fund';
import { parseStooqCsv } from '../sources/stooq';
import { parseYahooChart } from '../sources/yahoo-chart';
import { mergeFundHistory } from '../engine/refresh';
import { buildSignalCard, buildStrip, type SignalInputs } from './card';

const prov = (feed: Provenance['feed'], label: string, asOf: string): Provenance => ({
  source: 'bundled',
  feed,
  label,
  asOf,
});

function recordedInputs(): SignalInputs {
  const long = unwrap(parseIsharesFundHistoryCsv(readReal('ishares_IWM_fund_historical_2025-02-04.csv')));
  const recent = unwrap(
    parseIsharesFundHistory(readReal('ishares_IWM_fund_2025-12-24.excerpt.spreadsheetml.xls')),
  );
  const fund = mergeFundHistory(long.history, recent.history).filter((r) => r.date >= '2021-06-01');
  const iwm = unwrap(parseStooqCsv(readReal('stooq_iwm_us_d_2026-05-05.csv'), 'IWM'));
  const spy = unwrap(parseYahooChart(readReal('yahoo_chart_SPY_5d_2026-02-20.json')));
  return {
    fundHistory: { data: fund, provenance: prov('ishares-fund', 'iShares IWM fund history', '2025-12-24') },
    iwm: { data: iwm, provenance: prov('prices', 'IWM daily closes (Stooq)', '2026-05-05') },
    spy: { data: spy, provenance: prov('prices', 'SPY daily closes (Yahoo Finance)', '2026-02-20') },
    calendars: {
      data: bundledCalendars(),
      provenance: prov('occasional', 'FOMC and Russell calendars', '2026-09-15'),
    },
  };
}

const NOW = '2026-12-06T12:00:00Z';

describe('finding 1: the hover strip marks stale data like the popup', () => {
  it('the flows item from the Dec 2025 history is stale, as its factor is', () => {
    const card = buildSignalCard(recordedInputs(), NOW);
    const strip = buildStrip(card);
    const flows = strip.items.find((i) => i.id === 'flows')!;
    expect(card.factors.find((f) => f.id === 'flows')!.stale).toBe(true);
    expect(flows.stale).toBe(true);
    expect(flows.asOf).toBe('2025-12-24');
    for (const item of strip.items) {
      const factor = card.factors.find((f) => f.id === item.id)!;
      expect(item.stale).toBe(factor.stale);
      expect(item.asOf).toBe(factor.asOf ?? '');
    }
  });
  it('fresh data is not marked', () => {
    const card = buildSignalCard(recordedInputs(), '2026-05-06T12:00:00Z');
    expect(buildStrip(card).items.find((i) => i.id === 'drawdown')!.stale).toBe(false);
  });
  it('each source line carries its own stale flag from the same rule', () => {
    const card = buildSignalCard(recordedInputs(), '2026-05-06T12:00:00Z');
    const rel = card.factors.find((f) => f.id === 'relative')!;
    expect(rel.provenance.map((p) => [p.asOf, p.stale])).toEqual([
      ['2026-05-05', false],
      ['2026-02-20', true],
    ]);
  });
});

describe('finding 2: a figure from several series is dated by the last day all have', () => {
  it('the IWM/SPY ratio is dated 20 Feb 2026, not by the IWM prices', () => {
    const card = buildSignalCard(recordedInputs(), '2026-05-06T12:00:00Z');
    const rel = card.factors.find((f) => f.id === 'relative')!;
    expect(rel.asOf).toBe('2026-02-20');
    expect(rel.stale).toBe(true);
    const item = buildStrip(card).items.find((i) => i.id === 'relative')!;
    expect(item.asOf).toBe('2026-02-20');
    expect(item.stale).toBe(true);
  });
});

describe('finding 3: the flows percentile states its real window, count and hole', () => {
  it('no "– now"; the lookback end, the number of windows and the gap are said', () => {
    const card = buildSignalCard(recordedInputs(), NOW);
    const flows = card.factors.find((f) => f.id === 'flows')!;
    const text = [flows.reason, ...flows.details.map((d) => `${d.label}: ${d.value}`)].join('\n');
    expect(text).not.toMatch(/now\)/);
    const pct = flows.details.find((d) => d.label.startsWith('Percentile'))!;
    expect(pct.label).toMatch(/24 Dec 2025/);
    expect(pct.value).toMatch(/of 572 windows/);
    expect(pct.value).toMatch(/no window ends between 5 Feb 2025 and 22 Oct 2025/);
    expect(flows.reason).toMatch(/of the 572 windows in the 3 years to 24 Dec 2025/);
  });
});

describe('finding 8: a partial-day row is never called a close', () => {
  it('the intraday 5 May 2026 row (a third of normal volume) is not the last close nor the high', () => {
    const card = buildSignalCard(recordedInputs(), '2026-05-06T12:00:00Z');
    const dd = card.factors.find((f) => f.id === 'drawdown')!;
    const text = [dd.headline, dd.reason, ...dd.details.map((d) => `${d.label}: ${d.value}`)].join('\n');
    expect(dd.details.find((d) => d.label === 'Last close')!.value).toMatch(/4 May 2026/);
    expect(dd.details.find((d) => d.label === 'Closing high')!.value).not.toMatch(/5 May 2026/);
    expect(text).toMatch(/5 May 2026.*(intraday|partial)|(intraday|partial).*5 May 2026/);
    expect(dd.asOf).toBe('2026-05-04');
  });
  it('a row for a session that has not closed when fetched is not a close either', () => {
    const inputs = recordedInputs();
    const bars = inputs.iwm!.data.bars.slice(0, -1); // full days only, to 4 May
    const last = bars.at(-1)!;
    const today = { ...last, date: '2026-05-05', close: last.close * 1.01, volume: last.volume };
    const card = buildSignalCard(
      {
        ...inputs,
        iwm: {
          data: { ...inputs.iwm!.data, bars: [...bars, today] },
          provenance: { ...inputs.iwm!.provenance, fetchedAt: '2026-05-05T17:00:00Z' }, // 13:00 New York
        },
      },
      '2026-05-05T18:00:00Z',
    );
    const dd = card.factors.find((f) => f.id === 'drawdown')!;
    expect(dd.details.find((d) => d.label === 'Last close')!.value).toMatch(/4 May 2026/);
  });
});

describe('finding 9: day counts use the New York date', () => {
  it('at 8 pm New York on 6 Dec the countdown counts from 6 Dec', () => {
    const cal = bundledCalendars();
    const effective = '2026-12-11';
    const calendars = {
      ...cal,
      russell: [
        {
          year: 2026,
          kind: 'december' as const,
          rankDay: null,
          preliminaryLists: null,
          lockDown: null,
          effective: { date: effective, confirmed: true },
        },
      ],
    };
    const card = buildSignalCard(
      { calendars: { data: calendars, provenance: prov('occasional', 'occasional', '2026-09-15') } },
      '2026-12-07T01:00:00Z',
    );
    expect(card.factors.find((f) => f.id === 'recon')!.headline).toBe('In 5 days');
  });
});
