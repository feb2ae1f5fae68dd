import fc from 'fast-check';
import { unwrap } from '../result';
import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import type { FetchImpl } from './http';
import {
  fetchKalshiFedDecision,
  KALSHI_FED_DECISION_URL,
  kalshiEventMonth,
  kalshiMarketPrice,
  kalshiOutcome,
  parseKalshiEvents,
} from './kalshi';

const OCT = 'kalshi_event_KXFEDDECISION-25OCT.as_pasted.json';
const YEAR = 'kalshi_event_KXFEDFUNDSYEAR-37JAN01_2026-09-15.trimmed.json';
const AS_OF = '2026-09-15T12:00:00.000Z';

type Json = Record<string, unknown>;
const octFixture = () => JSON.parse(readReal(OCT)) as { event: Json; markets: Json[] };
const yearFixture = () => JSON.parse(readReal(YEAR)) as Json & { markets: Json[] };

/**
 * A full Oct-2025 decision event built from the real pasted one: the real C25 market is kept as
 * is; the other buckets are copies of it with ticker/strike/prices changed (Kalshi listed H0,
 * C25, C26, H25 for that meeting). The prices are illustrative, in the same dual cents/dollars form.
 */
function octWithAllBuckets(): Json {
  const { event, markets } = octFixture();
  const c25 = markets[0]!;
  const variant = (suffix: string, strike: Json, bid: number, ask: number, last: number): Json => ({
    ...c25,
    ticker: `KXFEDDECISION-25OCT-${suffix}`,
    custom_strike: strike,
    yes_bid: bid,
    yes_ask: ask,
    last_price: last,
    yes_bid_dollars: (bid / 100).toFixed(4),
    yes_ask_dollars: (ask / 100).toFixed(4),
    last_price_dollars: (last / 100).toFixed(4),
  });
  return {
    events: [
      {
        ...event,
        markets: [
          c25,
          variant('H0', { Hold: '0' }, 3, 4, 4),
          variant('C26', { Cut: '>25' }, 1, 2, 1),
          variant('H25', { Hike: '25' }, 0, 1, 1),
        ],
      },
    ],
    cursor: '',
  };
}

describe('parseKalshiEvents on real Kalshi bodies', () => {
  it('reads the single-event body of KXFEDDECISION-25OCT', () => {
    const r = parseKalshiEvents(readReal(OCT), { asOf: AS_OF });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toHaveLength(1);
    const o = r.value[0]!;
    expect(o).toMatchObject({
      venue: 'kalshi',
      eventId: 'KXFEDDECISION-25OCT',
      title: 'Fed decision in Oct 2025?',
      meetingDate: '2025-10-29', // bundled FOMC calendar; equals Kalshi's strike_date
      asOf: AS_OF,
    });
    // yes_bid_dollars 0.9500 / yes_ask_dollars 0.9600 -> mid 0.955; the only market, so normalised to 1.
    expect(o.outcomes).toEqual([
      { label: 'Cut 25 bp', changeBp: -25, rawPrice: 0.955, basis: 'mid', probability: 1 },
    ]);
    expect(o.rawSum).toBeCloseTo(0.955, 10);
    expect(r.warnings).toEqual([]);
  });

  it('ignores the KXFEDFUNDSYEAR series (not a decision event)', () => {
    const r = parseKalshiEvents(readReal(YEAR));
    expect(!r.ok && r.error.kind).toBe('empty');
    expect(!r.ok && r.error.message).toMatch(/1 event\(s\) of other series/);
    // In a list body next to a decision event it is skipped, not mixed in.
    const { event, markets } = octFixture();
    const list = JSON.stringify({ events: [yearFixture(), { ...event, markets }], cursor: '' });
    const r2 = parseKalshiEvents(list, { asOf: AS_OF });
    expect(r2.ok && r2.value.map((o) => o.eventId)).toEqual(['KXFEDDECISION-25OCT']);
  });

  it('normalises the mutually exclusive buckets and records the raw sum', () => {
    const r = parseKalshiEvents(JSON.stringify(octWithAllBuckets()), { asOf: AS_OF });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const o = r.value[0]!;
    expect(o.outcomes.map((x) => [x.label, x.changeBp, x.rawPrice, x.basis])).toEqual([
      ['Cut 50+ bp', -50, 0.015, 'mid'],
      ['Cut 25 bp', -25, 0.955, 'mid'],
      ['No change', 0, 0.035, 'mid'],
      ['Hike 25 bp', 25, 0.01, 'last'], // bid 0 = empty book side -> last price
    ]);
    expect(o.rawSum).toBeCloseTo(1.015, 10);
    expect(o.outcomes.reduce((s, x) => s + x.probability, 0)).toBeCloseTo(1, 12);
    expect(o.outcomes[1]!.probability).toBeCloseTo(0.955 / 1.015, 12);
  });

  it('reads 2026 dollar-string-only prices (integer cents absent)', () => {
    const m = yearFixture().markets[0]!; // real: bid 0.4600, ask 0.9500, last 0.6800
    expect(kalshiMarketPrice(m)).toEqual({ price: 0.68, basis: 'last' }); // 49 ¢ spread: not sane
    expect(kalshiMarketPrice({ ...m, yes_ask_dollars: '0.5000' })).toEqual({ price: 0.48, basis: 'mid' });
  });

  it('uses a passed-in calendar lookup and falls back to strike_date', () => {
    const r = parseKalshiEvents(readReal(OCT), { asOf: AS_OF, decisionDay: () => null });
    expect(r.ok && r.value[0]!.meetingDate).toBe('2025-10-29');
    expect(r.ok && r.warnings.join()).toMatch(/strike date/);
    const r2 = parseKalshiEvents(readReal(OCT), { asOf: AS_OF, decisionDay: (y, m) => `${y}-${m}-30` });
    expect(r2.ok && r2.value[0]!.meetingDate).toBe('2025-10-30');
    expect(r2.ok && r2.warnings.join()).toMatch(/differs/);
  });
});

describe('Kalshi helpers', () => {
  it('reads the meeting month from the event ticker', () => {
    expect(kalshiEventMonth('KXFEDDECISION-25OCT')).toEqual({ year: 2025, month: 10 });
    expect(kalshiEventMonth('KXFEDDECISION-27JAN')).toEqual({ year: 2027, month: 1 });
    expect(kalshiEventMonth('KXFEDDECISION-25XYZ')).toBeNull();
    expect(kalshiEventMonth('KXFEDFUNDSYEAR-37JAN01')).toBeNull();
  });
  it('maps ticker suffixes, custom_strike and subtitles to changes', () => {
    expect(kalshiOutcome({ ticker: 'KXFEDDECISION-26DEC-H0' })).toEqual({ changeBp: 0, label: 'No change' });
    expect(kalshiOutcome({ ticker: 'KXFEDDECISION-26DEC-C25' })).toEqual({
      changeBp: -25,
      label: 'Cut 25 bp',
    });
    expect(kalshiOutcome({ ticker: 'KXFEDDECISION-26DEC-C26' })).toEqual({
      changeBp: -50,
      label: 'Cut 50+ bp',
    });
    expect(kalshiOutcome({ ticker: 'KXFEDDECISION-26DEC-H25' })).toEqual({
      changeBp: 25,
      label: 'Hike 25 bp',
    });
    expect(kalshiOutcome({ ticker: 'KXFEDDECISION-26DEC-H26' })).toEqual({
      changeBp: 50,
      label: 'Hike 50+ bp',
    });
    expect(kalshiOutcome({ ticker: 'X', custom_strike: { Cut: '25' } })).toEqual({
      changeBp: -25,
      label: 'Cut 25 bp',
    });
    expect(kalshiOutcome({ ticker: 'X', yes_sub_title: 'Fed maintains rate' })).toEqual({
      changeBp: 0,
      label: 'No change',
    });
    expect(kalshiOutcome({ ticker: 'X', yes_sub_title: 'Cut >25bps' })).toEqual({
      changeBp: -50,
      label: 'Cut 50+ bp',
    });
    expect(kalshiOutcome({ ticker: 'X', yes_sub_title: 'Emergency' })).toEqual({
      changeBp: null,
      label: 'Emergency',
    });
  });
  it('prices: integer cents when no dollar strings; null when unpriced', () => {
    expect(kalshiMarketPrice({ yes_bid: 40, yes_ask: 44, last_price: 41 })).toEqual({
      price: 0.42,
      basis: 'mid',
    });
    expect(kalshiMarketPrice({ yes_bid: 0, yes_ask: 100, last_price: 3 })).toEqual({
      price: 0.03,
      basis: 'last',
    });
    expect(kalshiMarketPrice({ yes_bid_dollars: 'n/a' })).toBeNull();
    expect(kalshiMarketPrice({ yes_bid: 0, yes_ask: 100 })).toBeNull();
  });
});

describe('parseKalshiEvents on malformed input', () => {
  const validish =
    '{"events":[{"event_ticker":"KXFEDDECISION-26DEC","series_ticker":"KXFEDDECISION","markets":[{"ticker":"KXFEDDECISION-26DEC-H0","yes_bid_dollars":"0.5000","yes_ask_dollars":"0.5200"}]}]}';
  it.each([
    ['', 'empty'],
    [validish.slice(0, 60), 'format'],
    [
      '<!DOCTYPE html><html><head><title>Access denied</title></head><body>Cloudflare</body></html>',
      'challenge',
    ],
    ['{"markets":[]}', 'format'],
    ['{"events":[]}', 'empty'],
    [
      '{"events":[{"event_ticker":"KXFEDDECISION-26DEC","series_ticker":"KXFEDDECISION","markets":[]}]}',
      'empty',
    ],
    ['42', 'format'],
    ['\u0000\u00ff\u0013\u0089PNG\r\n', 'format'],
  ])('refuses %j as %s', (text, kind) => {
    const r = parseKalshiEvents(text, { asOf: AS_OF });
    expect(!r.ok && r.error.kind).toBe(kind);
  });
  it('accepts the minimal valid body used above', () => {
    const r = parseKalshiEvents(validish, { asOf: AS_OF });
    expect(r.ok && r.value[0]).toMatchObject({
      meetingDate: '2026-12-09',
      outcomes: [{ changeBp: 0, probability: 1 }],
    });
    expect(r.ok && r.value[0]!.outcomes[0]!.rawPrice).toBeCloseTo(0.51, 12);
  });
  it('refuses a huge body', () => {
    const r = parseKalshiEvents(validish + ' '.repeat(8_000_001));
    expect(!r.ok && r.error.kind).toBe('too-large');
  });
  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (s) => {
          expect(typeof parseKalshiEvents(s, { asOf: AS_OF }).ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const body = JSON.stringify({
          events: [{ event_ticker: 'KXFEDDECISION-26DEC', series_ticker: 'KXFEDDECISION', markets: [v, v] }],
        });
        expect(typeof parseKalshiEvents(body, { asOf: AS_OF }).ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});

describe('fetchKalshiFedDecision', () => {
  it('asks the series endpoint and parses the answer', async () => {
    const calls: string[] = [];
    const body = JSON.stringify(octWithAllBuckets());
    const impl: FetchImpl = async (url) => {
      calls.push(url);
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const r = await fetchKalshiFedDecision(impl, { asOf: AS_OF });
    expect(calls).toEqual([KALSHI_FED_DECISION_URL]);
    expect(r.ok && r.value[0]!.outcomes).toHaveLength(4);
  });
  it('passes on HTTP, rate-limit and challenge errors', async () => {
    const mk =
      (status: number, text: string, type = 'application/json'): FetchImpl =>
      async () =>
        new Response(text, { status, headers: { 'content-type': type } });
    expect(await fetchKalshiFedDecision(mk(503, 'down'))).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 503 },
    });
    expect(await fetchKalshiFedDecision(mk(429, ''))).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited' },
    });
    expect(await fetchKalshiFedDecision(mk(200, '<html><title>x</title></html>', 'text/html'))).toMatchObject(
      {
        ok: false,
        error: { kind: 'challenge' },
      },
    );
  });
  it('times out', async () => {
    const impl: FetchImpl = (_u, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    expect(await fetchKalshiFedDecision(impl, { timeoutMs: 30 })).toMatchObject({
      ok: false,
      error: { kind: 'timeout' },
    });
  });
});

describe('parseKalshiEvents on the Oct 2026 capture (26OCT, 26DEC, 27JAN)', () => {
  const odds = () =>
    unwrap(
      parseKalshiEvents(readReal('kalshi_KXFEDDECISION_26OCT_26DEC_27JAN_2026-10-06.trimmed.json'), {
        asOf: '2026-10-06',
      }),
    );
  it('a bare array of events, dated by the capture (not by the clock)', () => {
    const o = odds();
    expect(o.map((e) => [e.eventId, e.meetingDate, e.asOf])).toEqual([
      ['KXFEDDECISION-26OCT', '2026-10-28', '2026-10-06'],
      ['KXFEDDECISION-26DEC', '2026-12-09', '2026-10-06'],
      ['KXFEDDECISION-27JAN', '2027-01-27', '2026-10-06'],
    ]);
  });
  it('9 Dec 2026 prices a 25 bp hike (H25 bid 0.70 / ask 0.72) above a hold', () => {
    const dec = odds()[1]!;
    const p = (bp: number) => dec.outcomes.find((x) => x.changeBp === bp)?.probability ?? 0;
    expect(p(25)).toBeGreaterThan(0.65);
    expect(p(25)).toBeGreaterThan(p(0));
    expect(p(0)).toBeCloseTo(0.26, 1);
    expect(dec.outcomes.reduce((a, x) => a + x.probability, 0)).toBeCloseTo(1, 9);
    expect(dec.rawSum).toBeGreaterThan(0.95);
  });
});
