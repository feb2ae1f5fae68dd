import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { unwrap } from '../result';
import type { PriceBar } from '../source-data';
import type { FetchImpl } from './http';
import { fetchDailyPrices, trimToRange } from './prices';

type Behaviour = 'ok' | '429' | '404' | '503' | 'html' | 'timeout' | 'network' | 'hits-limit';

/** A fake fetch that answers per host from the recorded fixtures, logging each request. */
function fakeFetch(per: { query1: Behaviour; query2: Behaviour; stooq: Behaviour }) {
  const calls: string[] = [];
  const fetchImpl: FetchImpl = (url, init) => {
    const host = new URL(url).hostname;
    const key = host.startsWith('query1') ? 'query1' : host.startsWith('query2') ? 'query2' : 'stooq';
    calls.push(key);
    const okBody =
      key === 'stooq'
        ? readReal('stooq_iwm_us_d_2026-05-05.csv')
        : readReal('yahoo_chart_SPY_5d_2026-02-20.json');
    switch (per[key]) {
      case 'ok':
        return Promise.resolve(new Response(okBody, { status: 200 }));
      case '429':
        return Promise.resolve(
          new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '30' } }),
        );
      case '404':
        return Promise.resolve(new Response('{"chart":{"result":null}}', { status: 404 }));
      case '503':
        return Promise.resolve(new Response('Service Unavailable', { status: 503 }));
      case 'html':
        return Promise.resolve(
          new Response('<!DOCTYPE html><html><head><title>consent.yahoo.com</title></head></html>', {
            status: 200,
          }),
        );
      case 'hits-limit':
        return Promise.resolve(new Response('Exceeded the daily hits limit', { status: 200 }));
      case 'network':
        return Promise.reject(new TypeError('Failed to fetch'));
      case 'timeout':
        // Never answers; settles only when fetchText's deadline aborts it.
        return new Promise((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        );
    }
  };
  return { fetchImpl, calls };
}

describe('fetchDailyPrices fallback chain', () => {
  it('Yahoo query1 answers', async () => {
    const { fetchImpl, calls } = fakeFetch({ query1: 'ok', query2: 'ok', stooq: 'ok' });
    const r = await fetchDailyPrices(fetchImpl, 'SPY', { range: '5d' });
    const v = unwrap(r);
    expect(calls).toEqual(['query1']);
    expect(v.provider).toBe('yahoo-query1');
    expect(v.data.bars.at(-1)).toMatchObject({ date: '2026-02-20', close: 689.43 });
    expect(v.provenance.asOf).toBe('2026-02-20');
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('query1 429 → query2', async () => {
    const { fetchImpl, calls } = fakeFetch({ query1: '429', query2: 'ok', stooq: 'ok' });
    const r = await fetchDailyPrices(fetchImpl, 'SPY');
    expect(calls).toEqual(['query1', 'query2']);
    expect(unwrap(r).provider).toBe('yahoo-query2');
    expect(r.ok && r.warnings[0]).toMatch(/^yahoo-query1: rate-limited/);
  });

  it('429 then HTML consent page → Stooq, trimmed to 1y', async () => {
    const { fetchImpl, calls } = fakeFetch({ query1: '429', query2: 'html', stooq: 'ok' });
    const r = await fetchDailyPrices(fetchImpl, 'IWM');
    expect(calls).toEqual(['query1', 'query2', 'stooq']);
    const v = unwrap(r);
    expect(v.provider).toBe('stooq');
    expect(v.data.symbol).toBe('IWM');
    expect(v.data.bars).toHaveLength(251);
    expect(v.data.bars[0]?.date).toBe('2025-05-06');
    expect(v.data.bars.at(-1)?.date).toBe('2026-05-05');
    expect(v.provenance).toMatchObject({ source: 'stooq', url: 'https://stooq.com/q/d/l/?s=iwm.us&i=d' });
    expect(r.ok && r.warnings.slice(0, 2)).toEqual([
      expect.stringMatching(/^yahoo-query1: rate-limited/) as string,
      expect.stringMatching(/^yahoo-query2: challenge/) as string,
    ]);
  });

  it('timeouts on both Yahoo hosts → Stooq', async () => {
    const { fetchImpl, calls } = fakeFetch({ query1: 'timeout', query2: 'timeout', stooq: 'ok' });
    const r = await fetchDailyPrices(fetchImpl, 'IWM', { timeoutMs: 50, range: '3mo' });
    expect(calls).toEqual(['query1', 'query2', 'stooq']);
    const v = unwrap(r);
    expect(v.provider).toBe('stooq');
    expect(v.data.bars[0]?.date).toBe('2026-02-06');
    expect(r.ok && r.warnings.join('\n')).toMatch(/yahoo-query1: timeout[\s\S]*yahoo-query2: timeout/);
  });

  it('a 404 from query1 skips query2 (same answer) but still tries Stooq', async () => {
    const { fetchImpl, calls } = fakeFetch({ query1: '404', query2: 'ok', stooq: 'ok' });
    const r = await fetchDailyPrices(fetchImpl, 'IWM');
    expect(calls).toEqual(['query1', 'stooq']);
    expect(unwrap(r).provider).toBe('stooq');
  });

  it('all fail → unavailable, every failure in the message', async () => {
    const { fetchImpl, calls } = fakeFetch({ query1: 'network', query2: '503', stooq: 'hits-limit' });
    const r = await fetchDailyPrices(fetchImpl, 'IWM');
    expect(calls).toEqual(['query1', 'query2', 'stooq']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('unavailable');
    expect(r.error.message).toContain('yahoo-query1: network (Network error: Failed to fetch)');
    expect(r.error.message).toContain('yahoo-query2: http (HTTP 503');
    expect(r.error.message).toContain('stooq: rate-limited (Stooq: exceeded the daily hits limit)');
  });

  it('every provider unreachable → network (the card says "offline", not "no data for this symbol")', async () => {
    const { fetchImpl } = fakeFetch({ query1: 'network', query2: 'network', stooq: 'network' });
    const r = await fetchDailyPrices(fetchImpl, 'IWM');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('network');
  });

  it('retryAfterSec from a 429 survives into the final error', async () => {
    const { fetchImpl } = fakeFetch({ query1: '429', query2: '429', stooq: 'html' });
    const r = await fetchDailyPrices(fetchImpl, 'IWM');
    expect(!r.ok && r.error.retryAfterSec).toBe(30);
  });

  it('an aborted refresh stops the chain', async () => {
    const controller = new AbortController();
    const { fetchImpl, calls } = fakeFetch({ query1: 'timeout', query2: 'ok', stooq: 'ok' });
    setTimeout(() => controller.abort(), 20);
    const r = await fetchDailyPrices(fetchImpl, 'IWM', { signal: controller.signal, timeoutMs: 5000 });
    expect(calls).toEqual(['query1']);
    expect(r.ok).toBe(false);
  });
});

describe('trimToRange', () => {
  const bars: PriceBar[] = [
    '2024-12-31',
    '2025-01-02',
    '2025-05-05',
    '2025-05-06',
    '2026-05-04',
    '2026-05-05',
  ].map((date) => ({ date, open: null, high: null, low: null, close: 1, adjClose: 1, volume: null }));
  const dates = (r: PriceBar[]) => r.map((b) => b.date);

  it('1y, ytd, 5d, max', () => {
    expect(dates(trimToRange(bars, '1y'))).toEqual(['2025-05-06', '2026-05-04', '2026-05-05']);
    expect(dates(trimToRange(bars, 'ytd'))).toEqual(['2026-05-04', '2026-05-05']);
    expect(trimToRange(bars, '5d')).toHaveLength(5);
    expect(trimToRange(bars, 'max')).toHaveLength(6);
    expect(trimToRange([], '1y')).toEqual([]);
  });
});
