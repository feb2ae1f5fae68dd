import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import {
  contractMonth,
  contractMonths,
  contractSymbol,
  fetchFedFundsFutures,
  parseYahooChartQuote,
  parseYahooFuturesChart,
  yahooContractSymbol,
} from './fed-futures';
import type { FetchImpl } from './http';

const GC_FIXTURE = 'yahoo_chart_recorded_GC_F-2020-01-01-to-2020-01-03.json';

/** The Yahoo body inside the recorder envelope (SOURCES.md 3a: response.bodyJson). */
function gcBody(): Record<string, unknown> {
  const envelope = JSON.parse(readReal(GC_FIXTURE)) as { response: { bodyJson: Record<string, unknown> } };
  return envelope.response.bodyJson;
}

interface ChartFields {
  symbol: string;
  shortName?: string;
  /** Bar [exchange-local noon-free timestamp, close] pairs. */
  bars: Array<[number, number | null]>;
  regularMarketPrice?: number;
  regularMarketTime?: number;
}

/**
 * A ZQ chart body made from the REAL recorded GC=F (gold future) Yahoo envelope: same structure,
 * every key kept, only the symbol, time zone, timestamps and prices substituted. No real Yahoo
 * ZQ body exists in public sources (SOURCES.md 6); the prices we put in are the real ZQ closes
 * from zq_contracts_daily_2023-02-01_to_2023-04-14.csv.
 */
function zqBodyFromRealEnvelope(f: ChartFields): string {
  const body = structuredClone(gcBody()) as {
    chart: { result: Array<Record<string, unknown>> };
  };
  const result = body.chart.result[0]!;
  const meta = result.meta as Record<string, unknown>;
  meta.symbol = f.symbol;
  meta.exchangeName = 'CBT';
  meta.fullExchangeName = 'CBOT';
  meta.exchangeTimezoneName = 'America/Chicago';
  meta.timezone = 'CST';
  meta.gmtoffset = -21600;
  meta.shortName = f.shortName ?? meta.shortName;
  if (f.regularMarketPrice === undefined) delete meta.regularMarketPrice;
  else meta.regularMarketPrice = f.regularMarketPrice;
  if (f.regularMarketTime === undefined) delete meta.regularMarketTime;
  else meta.regularMarketTime = f.regularMarketTime;
  result.timestamp = f.bars.map((b) => b[0]);
  const closes = f.bars.map((b) => b[1]);
  result.indicators = {
    quote: [{ open: closes, high: closes, low: closes, close: closes, volume: closes.map(() => 0) }],
    adjclose: [{ adjclose: closes }],
  };
  return JSON.stringify(body);
}

// 2023-03-09 / 2023-03-10 00:00 America/Chicago (CST, UTC-6) as UNIX seconds.
const T_0309 = Date.UTC(2023, 2, 9, 6) / 1000;
const T_0310 = Date.UTC(2023, 2, 10, 6) / 1000;

const HTML_CHALLENGE =
  '<!DOCTYPE html><html><head><title>Yahoo</title></head><body><form action="/consent">Before you continue</form></body></html>';

function randomBinary(seed: number, n: number): string {
  let x = seed;
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = x & 0xff;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

describe('contract symbols', () => {
  it('maps YYYY-MM to CME month codes', () => {
    expect(contractSymbol('2026-12')).toBe('ZQZ26');
    expect(contractSymbol('2023-05')).toBe('ZQK23');
    expect(contractSymbol('2027-01')).toBe('ZQF27');
    expect(yahooContractSymbol('2026-12')).toBe('ZQZ26.CBT');
    expect(() => contractSymbol('2026-13')).toThrow(RangeError);
    expect(() => contractSymbol('Dec 2026')).toThrow(RangeError);
  });
  it('reads contract symbols back to months', () => {
    expect(contractMonth('ZQK23')).toBe('2023-05');
    expect(contractMonth('ZQZ26.CBT')).toBe('2026-12');
    expect(contractMonth('zqf2024')).toBe('2024-01');
    expect(contractMonth('ZQF90')).toBe('1990-01');
    expect(contractMonth('ZQ=F')).toBeNull();
    expect(contractMonth('ZQA23')).toBeNull();
    for (const m of contractMonths('2020-01', 24)) expect(contractMonth(contractSymbol(m))).toBe(m);
  });
  it('lists consecutive months across a year end', () => {
    expect(contractMonths('2026-11-15', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(contractMonths(new Date(Date.UTC(2026, 8, 15)), 13)).toHaveLength(13);
    expect(contractMonths(new Date(Date.UTC(2026, 8, 15)), 13).at(-1)).toBe('2027-09');
    expect(contractMonths('garbage', 3)).toEqual([]);
    expect(contractMonths(new Date(NaN), 3)).toEqual([]);
    expect(contractMonths('2026-01', -1)).toEqual([]);
  });
});

describe('parseYahooChartQuote on real Yahoo bodies', () => {
  it('reads the recorded GC=F future envelope body', () => {
    const r = parseYahooChartQuote(JSON.stringify(gcBody()), 'GC=F');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // meta.regularMarketPrice 2952.5 at 1740051311 (2025-02-20 in New York) is newer than the bar.
    expect(r.value.price).toBe(2952.5);
    expect(r.value.date).toBe('2025-02-20');
    expect(r.value.basis).toBe('regularMarketPrice');
    expect(r.value.lastBar).toEqual({ date: '2020-01-02', close: 1524.5 });
    expect(r.value.shortName).toBe('Gold Apr 25');
  });
  it('reads the SPY 5-day compact body', () => {
    const r = parseYahooChartQuote(readReal('yahoo_chart_SPY_5d_2026-02-20.json'), 'SPY');
    expect(r.ok && r.value.price).toBe(689.43);
    expect(r.ok && r.value.date).toBe('2026-02-20');
    expect(r.ok && r.value.lastBar?.date).toBe('2026-02-20');
    // Yahoo's float32-looking close (689.4299926757812 on the wire).
    expect(r.ok && r.value.lastBar?.close).toBeCloseTo(689.43, 4);
  });
  it('refuses a body for another symbol', () => {
    const r = parseYahooChartQuote(JSON.stringify(gcBody()), 'SPY');
    expect(!r.ok && r.error.kind).toBe('format');
  });
});

describe('parseYahooFuturesChart (real envelope, ZQ symbol and real ZQ closes substituted)', () => {
  it('takes the last daily close and its exchange-local date', () => {
    const text = zqBodyFromRealEnvelope({
      symbol: 'ZQK23.CBT',
      bars: [
        [T_0309, 94.715],
        [T_0310, 94.855],
      ],
    });
    const r = parseYahooFuturesChart(text, 'ZQK23');
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.value).toEqual({ contract: 'ZQK23', month: '2023-05', date: '2023-03-10', close: 94.855 });
  });
  it('skips trailing null closes', () => {
    const text = zqBodyFromRealEnvelope({
      symbol: 'ZQK23.CBT',
      bars: [
        [T_0309, 94.715],
        [T_0310, null],
      ],
    });
    const r = parseYahooFuturesChart(text, 'ZQK23.CBT');
    expect(r.ok && r.value).toEqual({
      contract: 'ZQK23',
      month: '2023-05',
      date: '2023-03-09',
      close: 94.715,
    });
  });
  it('prefers a same-day or newer regularMarketPrice', () => {
    const text = zqBodyFromRealEnvelope({
      symbol: 'ZQK23.CBT',
      bars: [[T_0309, 94.715]],
      regularMarketPrice: 94.855,
      regularMarketTime: T_0310 + 15 * 3600,
    });
    const r = parseYahooFuturesChart(text, 'ZQK23');
    expect(r.ok && r.value.close).toBe(94.855);
    expect(r.ok && r.value.date).toBe('2023-03-10');
    expect(r.ok && r.warnings.join()).toMatch(/last daily close was 2023-03-09/);
  });
  it('resolves ZQ=F to a month from shortName, else from the quote date', () => {
    const named = zqBodyFromRealEnvelope({
      symbol: 'ZQ=F',
      shortName: 'Fed Funds Mar 23',
      bars: [[T_0310, 95.3375]],
    });
    expect(parseYahooFuturesChart(named, 'ZQ=F')).toMatchObject({
      ok: true,
      value: { contract: 'ZQ=F', month: '2023-03', date: '2023-03-10', close: 95.3375 },
    });
    const unnamed = zqBodyFromRealEnvelope({
      symbol: 'ZQ=F',
      shortName: '30 Day Fed Funds',
      bars: [[T_0310, 95.3375]],
    });
    const r = parseYahooFuturesChart(unnamed, 'ZQ=F');
    expect(r.ok && r.value.month).toBe('2023-03');
    expect(r.ok && r.warnings.join()).toMatch(/quote date/);
  });
  it('warns on an expired contract', () => {
    const text = zqBodyFromRealEnvelope({ symbol: 'ZQF23.CBT', bars: [[T_0310, 95.67]] });
    const r = parseYahooFuturesChart(text, 'ZQF23');
    expect(r.ok && r.warnings.join()).toMatch(/expired/);
  });
  it('rejects an implausible price (the real gold price under a ZQ name)', () => {
    const body = gcBody() as { chart: { result: Array<{ meta: Record<string, unknown> }> } };
    body.chart.result[0]!.meta.symbol = 'ZQZ26.CBT';
    const r = parseYahooFuturesChart(JSON.stringify(body), 'ZQZ26');
    expect(!r.ok && r.error.kind).toBe('format');
    expect(!r.ok && r.error.message).toMatch(/2952.5/);
  });
  it('rejects a body for another contract and a non-ZQ contract name', () => {
    const text = zqBodyFromRealEnvelope({ symbol: 'ZQM23.CBT', bars: [[T_0310, 94.775]] });
    expect(parseYahooFuturesChart(text, 'ZQK23')).toMatchObject({ ok: false, error: { kind: 'format' } });
    expect(parseYahooFuturesChart(text, 'GC=F')).toMatchObject({ ok: false, error: { kind: 'format' } });
  });
  it('fails on malformed bodies without throwing', () => {
    const good = zqBodyFromRealEnvelope({ symbol: 'ZQK23.CBT', bars: [[T_0310, 94.855]] });
    const cases: Array<[string, string]> = [
      ['', 'empty'],
      ['   \n', 'empty'],
      [good.slice(0, Math.floor(good.length / 2)), 'format'],
      [HTML_CHALLENGE, 'challenge'],
      ['{"foo":[1,2,3]}', 'format'],
      ['[]', 'format'],
      ['null', 'format'],
      [
        '{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}',
        'empty',
      ],
      ['{"chart":{"result":[],"error":null}}', 'empty'],
      [
        '{"chart":{"result":[{"meta":{"symbol":"ZQK23.CBT"},"timestamp":[],"indicators":{"quote":[{}]}}],"error":null}}',
        'empty',
      ],
      [good + ' '.repeat(1_000_001), 'too-large'],
      [randomBinary(7, 4096), 'format'],
    ];
    for (const [text, kind] of cases) {
      const r = parseYahooFuturesChart(text, 'ZQK23');
      expect(r.ok, kind).toBe(false);
      if (!r.ok) expect(r.error.kind, text.slice(0, 40)).toBe(kind);
    }
  });
});

describe('parseYahooFuturesChart never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }).map((b) => new TextDecoder().decode(b)),
        (s) => {
          const r = parseYahooFuturesChart(s, 'ZQK23');
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 200 },
    );
  });
  it('on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseYahooFuturesChart(JSON.stringify(v) ?? '', 'ZQK23');
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

type Reply =
  { status: number; body: string; contentType?: string; headers?: Record<string, string> } | 'hang';

/** A fake fetch answering by URL; records calls and the peak number of requests in flight. */
function fakeFetch(route: (url: URL) => Reply, delayMs = 0) {
  const calls: string[] = [];
  let inFlight = 0;
  let peak = 0;
  const impl: FetchImpl = async (input, init) => {
    calls.push(input);
    inFlight++;
    peak = Math.max(peak, inFlight);
    try {
      const reply = route(new URL(input));
      if (reply === 'hang') {
        return await new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        });
      }
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return new Response(reply.body, {
        status: reply.status,
        headers: { 'content-type': reply.contentType ?? 'application/json;charset=utf-8', ...reply.headers },
      });
    } finally {
      inFlight--;
    }
  };
  return { impl, calls, peak: () => peak };
}

const symbolOf = (u: URL) => decodeURIComponent(u.pathname.split('/').pop() ?? '');

// Real closes of 2023-03-10 (fedwatch_check_cases.json / the ZQ CSV).
const CLOSES_0310: Record<string, number> = {
  'ZQH23.CBT': 95.3375,
  'ZQJ23.CBT': 95.1,
  'ZQK23.CBT': 94.855,
  'ZQM23.CBT': 94.775,
  'ZQN23.CBT': 94.73,
  'ZQQ23.CBT': 94.75,
};
const NOT_FOUND =
  '{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}';

function yahooRoute(overrides: (u: URL, sym: string) => Reply | undefined = () => undefined) {
  return (u: URL): Reply => {
    const sym = symbolOf(u);
    const o = overrides(u, sym);
    if (o) return o;
    const close = CLOSES_0310[sym];
    if (close === undefined) return { status: 404, body: NOT_FOUND };
    return { status: 200, body: zqBodyFromRealEnvelope({ symbol: sym, bars: [[T_0310, close]] }) };
  };
}

const MONTHS = ['2023-03', '2023-04', '2023-05', '2023-06', '2023-07', '2023-08'];

describe('fetchFedFundsFutures (fake fetch, bodies from the real envelope)', () => {
  it('returns every contract in month order from query1', async () => {
    const f = fakeFetch(yahooRoute());
    const r = await fetchFedFundsFutures(f.impl, MONTHS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.quotes.map((q) => [q.contract, q.close])).toEqual([
      ['ZQH23', 95.3375],
      ['ZQJ23', 95.1],
      ['ZQK23', 94.855],
      ['ZQM23', 94.775],
      ['ZQN23', 94.73],
      ['ZQQ23', 94.75],
    ]);
    expect(r.value.missing).toEqual([]);
    expect(r.value.errors).toEqual([]);
    expect(f.calls.every((c) => c.startsWith('https://query1.finance.yahoo.com/v8/finance/chart/ZQ'))).toBe(
      true,
    );
    expect(f.calls[0]).toContain('ZQH23.CBT?interval=1d&range=5d');
  });

  it('keeps at most 3 requests in flight', async () => {
    const f = fakeFetch(yahooRoute(), 20);
    await fetchFedFundsFutures(f.impl, MONTHS, { concurrency: 10 });
    expect(f.peak()).toBeLessThanOrEqual(3);
    expect(f.peak()).toBeGreaterThan(1);
  });

  it('lists a not-found contract without retrying it on query2', async () => {
    const f = fakeFetch(
      yahooRoute((_u, sym) => (sym === 'ZQK23.CBT' ? { status: 404, body: NOT_FOUND } : undefined)),
    );
    const r = await fetchFedFundsFutures(f.impl, MONTHS, { frontMonthFallback: false });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.quotes).toHaveLength(5);
    expect(r.value.missing).toEqual(['2023-05']);
    expect(r.value.errors).toHaveLength(1);
    expect(r.value.errors[0]).toMatchObject({
      month: '2023-05',
      contract: 'ZQK23.CBT',
      error: { kind: 'http', status: 404 },
    });
    expect(f.calls.filter((c) => c.includes('ZQK23'))).toHaveLength(1);
  });

  it('falls back to query2 after an HTML challenge on query1', async () => {
    const f = fakeFetch(
      yahooRoute((u) =>
        u.hostname === 'query1.finance.yahoo.com'
          ? { status: 200, body: HTML_CHALLENGE, contentType: 'text/html' }
          : undefined,
      ),
    );
    const r = await fetchFedFundsFutures(f.impl, ['2023-05']);
    expect(r.ok && r.value.quotes).toEqual([
      { contract: 'ZQK23', month: '2023-05', date: '2023-03-10', close: 94.855 },
    ]);
    expect(r.ok && r.value.errors.map((e) => e.error.kind)).toEqual(['challenge']);
    expect(f.calls.map((c) => new URL(c).hostname)).toEqual([
      'query1.finance.yahoo.com',
      'query2.finance.yahoo.com',
    ]);
  });

  it('uses ZQ=F for the current month when the per-contract symbols are not found', async () => {
    const f = fakeFetch(
      yahooRoute((_u, sym) =>
        sym === 'ZQ=F'
          ? {
              status: 200,
              body: zqBodyFromRealEnvelope({
                symbol: 'ZQ=F',
                shortName: 'Fed Funds Mar 23',
                bars: [[T_0310, 95.3375]],
              }),
            }
          : { status: 404, body: NOT_FOUND },
      ),
    );
    const r = await fetchFedFundsFutures(f.impl, MONTHS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.quotes).toEqual([
      { contract: 'ZQ=F', month: '2023-03', date: '2023-03-10', close: 95.3375 },
    ]);
    expect(r.value.frontMonthFallbackUsed).toBe(true);
    expect(r.value.missing).toEqual(MONTHS.slice(1));
    expect(r.value.errors).toHaveLength(6);
    expect(f.calls.some((c) => c.includes('/chart/ZQ%3DF?'))).toBe(true);
  });

  it("is 'unavailable' when nothing answers", async () => {
    const f = fakeFetch(() => ({ status: 404, body: NOT_FOUND }));
    const r = await fetchFedFundsFutures(f.impl, MONTHS);
    expect(!r.ok && r.error.kind).toBe('unavailable');
  });

  it('stops asking after a 429', async () => {
    const f = fakeFetch(() => ({ status: 429, body: 'Too Many Requests', headers: { 'retry-after': '60' } }));
    const r = await fetchFedFundsFutures(f.impl, MONTHS, { concurrency: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('unavailable');
      expect(r.error.retryAfterSec).toBe(60);
    }
    expect(f.calls).toHaveLength(1);
  });

  it('times out per request', async () => {
    const f = fakeFetch(() => 'hang');
    const started = Date.now();
    const r = await fetchFedFundsFutures(f.impl, ['2023-05', '2023-06'], {
      timeoutMs: 50,
      frontMonthFallback: false,
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(!r.ok && r.error.message).toMatch(/timeout/);
    expect(f.calls).toHaveLength(4); // both contracts on query1 and query2
  });

  it('lists a malformed month and fetches the rest', async () => {
    const f = fakeFetch(yahooRoute());
    const r = await fetchFedFundsFutures(f.impl, ['2023-05', 'May 2023', '2023-05']);
    expect(r.ok && r.value.quotes.map((q) => q.contract)).toEqual(['ZQK23']);
    expect(r.ok && r.value.errors.map((e) => e.month)).toEqual(['May 2023']);
  });

  it('treats a truncated 200 body as a per-contract failure', async () => {
    const f = fakeFetch(
      yahooRoute((_u, sym) =>
        sym === 'ZQM23.CBT' ? { status: 200, body: '{"chart":{"result":[{"meta":' } : undefined,
      ),
    );
    const r = await fetchFedFundsFutures(f.impl, ['2023-05', '2023-06'], { frontMonthFallback: false });
    expect(r.ok && r.value.missing).toEqual(['2023-06']);
    expect(r.ok && r.value.errors.map((e) => e.error.kind)).toEqual(['format', 'format']);
  });
});
