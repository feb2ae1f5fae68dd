import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import type { FetchImpl } from './http';
import {
  fetchPolymarketFedDecision,
  parsePolymarketEvents,
  POLYMARKET_FED_URL,
  polymarketOutcome,
  polymarketTitleMonth,
  polymarketYesPrice,
} from './polymarket';

const SEPT = 'polymarket_gamma_event_fed-decision-in-september-762_2026-09-15.trimmed.json';
const AS_OF = '2026-09-15T12:00:00.000Z';
type Json = Record<string, unknown>;
const sept = () => JSON.parse(readReal(SEPT)) as Json & { markets: Json[] };

describe('parsePolymarketEvents on the real gamma event', () => {
  it('reads the trimmed September 2026 event (2 of its markets)', () => {
    const r = parsePolymarketEvents(readReal(SEPT), { asOf: AS_OF });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const o = r.value[0]!;
    expect(o).toMatchObject({
      venue: 'polymarket',
      eventId: '481717',
      title: 'Fed Decision in September?',
      meetingDate: '2026-09-16', // year from endDate 2026-09-16T00:00:00Z, day from the FOMC calendar
      asOf: AS_OF,
    });
    // Real YES prices: "25 bps decrease" 0.0015, "50+ bps decrease" 0.0005.
    expect(o.outcomes.map((x) => [x.label, x.changeBp, x.rawPrice])).toEqual([
      ['Cut 50+ bp', -50, 0.0005],
      ['Cut 25 bp', -25, 0.0015],
    ]);
    expect(o.rawSum).toBeCloseTo(0.002, 12);
    expect(o.outcomes.map((x) => x.probability)).toEqual([0.25, 0.75]);
    // The trimmed fixture lacks the "No change" bucket that held ~99.8 %: the raw sum flags it.
    expect(r.warnings.join()).toMatch(/sum to 0\.0020/);
  });

  it('in an array body, keeps only Fed-decision events', () => {
    const other = { ...sept(), id: '1', title: 'How many Fed rate cuts in 2026?' };
    const r = parsePolymarketEvents(JSON.stringify([other, sept()]), { asOf: AS_OF });
    expect(r.ok && r.value.map((o) => o.eventId)).toEqual(['481717']);
    const none = parsePolymarketEvents(JSON.stringify([other]), { asOf: AS_OF });
    expect(!none.ok && none.error.kind).toBe('empty');
  });

  it('normalises a complete book (real event + No change / 25 bps increase buckets)', () => {
    const ev = sept();
    const base = ev.markets[0]!;
    const extra = (title: string, yes: string): Json => ({
      ...base,
      groupItemTitle: title,
      outcomePrices: JSON.stringify([yes, (1 - Number(yes)).toFixed(4)]),
    });
    ev.markets = [...ev.markets, extra('No change', '0.9960'), extra('25 bps increase', '0.0025')];
    const r = parsePolymarketEvents(JSON.stringify([ev]), { asOf: AS_OF });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const o = r.value[0]!;
    expect(o.outcomes.map((x) => x.changeBp)).toEqual([-50, -25, 0, 25]);
    expect(o.rawSum).toBeCloseTo(1.0005, 12);
    expect(o.outcomes[2]!.probability).toBeCloseTo(0.996 / 1.0005, 12);
    expect(r.warnings).toEqual([]);
  });

  it('skips closed markets and falls back to lastTradePrice', () => {
    const ev = sept();
    ev.markets[0] = { ...ev.markets[0], closed: true };
    ev.markets[1] = { ...ev.markets[1], outcomePrices: 'not json' };
    const r = parsePolymarketEvents(JSON.stringify([ev]), { asOf: AS_OF });
    expect(r.ok && r.value[0]!.outcomes).toEqual([
      { label: 'Cut 50+ bp', changeBp: -50, rawPrice: 0.001, basis: 'last', probability: 1 },
    ]);
  });
});

describe('Polymarket helpers', () => {
  it('reads titles', () => {
    expect(polymarketTitleMonth('Fed Decision in September?')).toEqual({ month: 9, year: null });
    expect(polymarketTitleMonth('Fed decision in March 2027?')).toEqual({ month: 3, year: 2027 });
    expect(polymarketTitleMonth('Fed decision in Dec?')).toEqual({ month: 12, year: null });
    expect(polymarketTitleMonth('How many Fed rate cuts in 2026?')).toBeNull();
    expect(polymarketTitleMonth('Fed decision in Smarch?')).toBeNull();
  });
  it('maps bucket titles', () => {
    expect(polymarketOutcome('25 bps decrease')).toEqual({ changeBp: -25, label: 'Cut 25 bp' });
    expect(polymarketOutcome('50+ bps decrease')).toEqual({ changeBp: -50, label: 'Cut 50+ bp' });
    expect(polymarketOutcome('No change')).toEqual({ changeBp: 0, label: 'No change' });
    expect(polymarketOutcome('25 bps increase')).toEqual({ changeBp: 25, label: 'Hike 25 bp' });
    expect(polymarketOutcome('Emergency cut')).toEqual({ changeBp: null, label: 'Emergency cut' });
  });
  it('reads YES prices from JSON-in-string arrays in either order', () => {
    expect(polymarketYesPrice({ outcomes: '["No","Yes"]', outcomePrices: '["0.7","0.3"]' })).toEqual({
      price: 0.3,
      basis: 'yes-price',
    });
    expect(polymarketYesPrice({ outcomes: '["Yes"', outcomePrices: '[' })).toBeNull();
  });
  it('derives the year of a December meeting that resolves in January', () => {
    const ev = {
      id: '9',
      title: 'Fed decision in December?',
      endDate: '2027-01-02T00:00:00Z',
      markets: [{ groupItemTitle: 'No change', outcomes: '["Yes","No"]', outcomePrices: '["0.9","0.1"]' }],
    };
    const r = parsePolymarketEvents(JSON.stringify([ev]), { asOf: AS_OF });
    expect(r.ok && r.value[0]!.meetingDate).toBe('2026-12-09');
  });
});

describe('parsePolymarketEvents on malformed input', () => {
  it.each([
    ['', 'empty'],
    ['[{"id":"1","title":"Fed decision in Sep', 'format'],
    ['<!doctype html><html><head><title>Just a moment...</title></head></html>', 'challenge'],
    ['{"events":[]}', 'format'],
    ['[]', 'empty'],
    ['[{"title":"Fed decision in September?","markets":[]}]', 'empty'],
    ['"text"', 'format'],
    ['\u0000\u0001\u0002\u00fe\u00ff', 'format'],
  ])('refuses %j as %s', (text, kind) => {
    const r = parsePolymarketEvents(text, { asOf: AS_OF });
    expect(!r.ok && r.error.kind).toBe(kind);
  });
  it('refuses a huge body', () => {
    expect(parsePolymarketEvents('[' + ' '.repeat(8_000_001) + ']')).toMatchObject({
      ok: false,
      error: { kind: 'too-large' },
    });
  });
  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (s) => {
          expect(typeof parsePolymarketEvents(s, { asOf: AS_OF }).ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (m, end) => {
        const body = JSON.stringify([
          {
            title: 'Fed decision in May?',
            endDate: end,
            markets: [m, { groupItemTitle: m, outcomes: m, outcomePrices: m }],
          },
        ]);
        expect(typeof parsePolymarketEvents(body, { asOf: AS_OF }).ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});

describe('fetchPolymarketFedDecision', () => {
  it('asks the fed-rates tag and parses the answer', async () => {
    const calls: string[] = [];
    const impl: FetchImpl = async (url) => {
      calls.push(url);
      return new Response(JSON.stringify([sept()]), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    const r = await fetchPolymarketFedDecision(impl, { asOf: AS_OF });
    expect(calls).toEqual([POLYMARKET_FED_URL]);
    expect(r.ok && r.value[0]!.meetingDate).toBe('2026-09-16');
  });
  it('passes on fetch errors', async () => {
    const impl: FetchImpl = async () => new Response('', { status: 502 });
    expect(await fetchPolymarketFedDecision(impl)).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 502 },
    });
    const offline: FetchImpl = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await fetchPolymarketFedDecision(offline)).toMatchObject({
      ok: false,
      error: { kind: 'network' },
    });
  });
});
