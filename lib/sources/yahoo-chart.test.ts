import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { unwrap } from '../result';
import type { FetchImpl } from './http';
import {
  cleanFloat32,
  exchangeDate,
  fetchYahooChartFrom,
  parseYahooChart,
  yahooChartUrl,
} from './yahoo-chart';

/** The gadicc recordings wrap the wire body in {request, response: {bodyJson}}; tests unwrap it here. */
function recordedBody(name: string): string {
  const env = JSON.parse(readReal(name)) as { response: { bodyJson: unknown } };
  return JSON.stringify(env.response.bodyJson);
}

const SPY = 'yahoo_chart_SPY_5d_2026-02-20.json';

describe('parseYahooChart on real bodies', () => {
  it('QQQ, one bar on 2020-01-02 (session-open timestamp → New York date)', () => {
    const s = unwrap(parseYahooChart(recordedBody('yahoo_chart_recorded_QQQ-2020-01-01-to-2020-01-03.json')));
    expect(s).toMatchObject({
      symbol: 'QQQ',
      currency: 'USD',
      exchange: 'NGM',
      timezone: 'America/New_York',
      name: 'Invesco QQQ Trust',
      lastPrice: 539.52, // meta.regularMarketPrice at recording time (Feb 2025)
      previousClose: 212.61, // one bar only: Yahoo's chartPreviousClose
    });
    expect(s.bars).toHaveLength(1);
    expect(s.bars[0]).toMatchObject({ date: '2020-01-02', close: 216.16, adjClose: 209.6381 });
  });

  it('AAPL, 49 bars across the DST change, float32 noise removed', () => {
    const s = unwrap(
      parseYahooChart(recordedBody('yahoo_chart_recorded_AAPL-2020-08-31-to-2020-11-07.json')),
    );
    expect(s.symbol).toBe('AAPL');
    expect(s.exchange).toBe('NMS');
    expect(s.bars).toHaveLength(49);
    expect(s.bars[0]).toEqual({
      date: '2020-08-31',
      open: 127.58,
      high: expect.any(Number) as number,
      low: expect.any(Number) as number,
      close: 129.04,
      adjClose: 125.8267,
      volume: 225_702_700,
    });
    expect(s.bars.at(-1)).toMatchObject({ date: '2020-11-06', close: 118.69, volume: 114_457_900 });
    expect(s.previousClose).toBe(119.03);
    // One bar per weekday, strictly increasing.
    const dates = s.bars.map((b) => b.date);
    expect(new Set(dates).size).toBe(49);
    expect([...dates].sort()).toEqual(dates);
  });

  it('GC=F futures: midnight-local timestamp stays on its own day', () => {
    const s = unwrap(
      parseYahooChart(recordedBody('yahoo_chart_recorded_GC_F-2020-01-01-to-2020-01-03.json')),
    );
    expect(s).toMatchObject({ symbol: 'GC=F', exchange: 'CMX', name: 'Gold Apr 25' });
    expect(s.bars).toEqual([
      {
        date: '2020-01-02',
        open: 1518.1,
        high: 1528.7,
        low: 1518,
        close: 1524.5,
        adjClose: 1524.5,
        volume: 214,
      },
    ]);
  });

  it('SPY 5d (compact wire body), Presidents’ Day gap', () => {
    const s = unwrap(parseYahooChart(readReal(SPY)));
    expect(s.name).toBe('State Street SPDR S&P 500 ETF Trust');
    expect(s.exchange).toBe('PCX');
    expect(s.bars.map((b) => b.date)).toEqual([
      '2026-02-13',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(s.bars.map((b) => b.close)).toEqual([681.75, 682.85, 686.29, 684.48, 689.43]);
    expect(s.bars.at(-1)?.volume).toBe(99_952_100);
    expect(s.lastPrice).toBe(689.43);
    expect(s.previousClose).toBe(684.48);
  });

  it('null bars are dropped with a warning', () => {
    const doc = JSON.parse(readReal(SPY)) as {
      chart: { result: Array<{ indicators: { quote: Array<{ close: Array<number | null> }> } }> };
    };
    const q = doc.chart.result[0]?.indicators.quote[0];
    if (q) q.close[2] = null;
    const r = parseYahooChart(JSON.stringify(doc));
    expect(r.ok && r.warnings).toEqual(['1 bar(s) without a close dropped']);
    expect(unwrap(r).bars.map((b) => b.date)).not.toContain('2026-02-18');
  });

  it('truncated body → format error', () => {
    const text = readReal(SPY);
    const r = parseYahooChart(text.slice(0, text.length - 40));
    expect(!r.ok && r.error.kind).toBe('format');
  });

  it('the recording envelope itself is not a wire body', () => {
    const r = parseYahooChart(readReal('yahoo_chart_recorded_QQQ-2020-01-01-to-2020-01-03.json'));
    expect(!r.ok && r.error.kind).toBe('format');
  });
});

describe('parseYahooChart errors', () => {
  it('chart.error "Not Found" → empty', () => {
    const r = parseYahooChart(
      '{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}',
    );
    expect(!r.ok && r.error).toMatchObject({
      kind: 'empty',
      message: expect.stringMatching(/delisted/) as string,
    });
  });

  it('finance.error (crumb) → format', () => {
    const r = parseYahooChart(
      '{"finance":{"result":null,"error":{"code":"Unauthorized","description":"Invalid Crumb"}}}',
    );
    expect(!r.ok && r.error.message).toMatch(/Invalid Crumb/);
  });

  it('wrong schema, empty result, no bars', () => {
    expect(!parseYahooChart('{"foo":1}').ok).toBe(true);
    expect(!parseYahooChart('[1,2,3]').ok).toBe(true);
    expect(!parseYahooChart('null').ok).toBe(true);
    const r = parseYahooChart('{"chart":{"result":[{"meta":{"symbol":"X"}}],"error":null}}');
    expect(!r.ok && r.error.kind).toBe('empty');
    const r2 = parseYahooChart(
      '{"chart":{"result":[{"meta":{},"timestamp":[1],"indicators":{"quote":[{}]}}]}}',
    );
    expect(!r2.ok && r2.error.kind).toBe('format');
  });

  it('empty, HTML, ~5 MB junk, random binary', () => {
    expect(!parseYahooChart('').ok).toBe(true);
    const html = parseYahooChart('<!doctype html><html><title>Yahoo consent</title></html>');
    expect(!html.ok && html.error.kind).toBe('challenge');
    const junk = parseYahooChart('{"chart":' + 'x'.repeat(5_000_000));
    expect(!junk.ok && junk.error.kind).toBe('format');
    let seed = 7;
    for (let n = 0; n < 20; n++) {
      const bytes = new Uint8Array(3000).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
      expect(parseYahooChart(new TextDecoder().decode(bytes)).ok).toBe(false);
    }
    expect(parseYahooChart(undefined as unknown as string).ok).toBe(false);
  });
});

describe('helpers', () => {
  it('exchangeDate prefers the IANA zone over the (current) gmtoffset', () => {
    const summerMidnightNy = Date.UTC(2020, 6, 1, 4) / 1000; // 2020-07-01 00:00 EDT
    expect(exchangeDate(summerMidnightNy, 'America/New_York', -18000)).toBe('2020-07-01');
    expect(exchangeDate(summerMidnightNy, null, -18000)).toBe('2020-06-30');
    expect(exchangeDate(summerMidnightNy, 'Not/AZone', -14400)).toBe('2020-07-01');
  });

  it('cleanFloat32', () => {
    expect(cleanFloat32(216.16000366210938)).toBe(216.16);
    expect(cleanFloat32(0)).toBe(0);
    expect(cleanFloat32(Math.fround(0.0123))).toBe(0.0123);
    expect(cleanFloat32(Math.fround(2852.9))).toBe(2852.9);
  });

  it('yahooChartUrl encodes the symbol', () => {
    expect(yahooChartUrl('query1', 'GC=F')).toBe(
      'https://query1.finance.yahoo.com/v8/finance/chart/GC%3DF?range=1y&interval=1d&events=div%7Csplit',
    );
    expect(yahooChartUrl('query2', '^RUT', '5y')).toBe(
      'https://query2.finance.yahoo.com/v8/finance/chart/%5ERUT?range=5y&interval=1d&events=div%7Csplit',
    );
  });
});

describe('fetchYahooChartFrom', () => {
  it('asks the one host it is given, once, and says where the data came from', async () => {
    const seen: string[] = [];
    const fetchImpl: FetchImpl = async (url) => (
      seen.push(url),
      new Response(readReal(SPY), { status: 200, headers: { 'content-type': 'application/json' } })
    );
    const v = unwrap(await fetchYahooChartFrom(fetchImpl, 'query2', 'SPY', { range: '5d' }));
    expect(seen).toEqual([
      'https://query2.finance.yahoo.com/v8/finance/chart/SPY?range=5d&interval=1d&events=div%7Csplit',
    ]);
    expect(v.provenance).toMatchObject({
      source: 'yahoo-chart',
      label: 'Yahoo Finance (query2)',
      asOf: '2026-02-20',
      url: seen[0],
    });
    expect(v.data.bars).toHaveLength(5);
  });

  it('a failure names the host it came from', async () => {
    const fetchImpl: FetchImpl = async () => new Response('Too Many Requests', { status: 429 });
    const r = await fetchYahooChartFrom(fetchImpl, 'query1', 'SPY');
    expect(!r.ok && r.error).toMatchObject({ kind: 'rate-limited', source: 'yahoo-chart:query1' });
  });
});
