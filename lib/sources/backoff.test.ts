import { describe, expect, it } from 'vitest';
import { DEFAULT_REST_SEC, HostBackoff, MAX_REST_SEC, parseRetryAfter, withHostBackoff } from './backoff';
import { fetchText } from './http';

function fakeServer(answer: (url: string) => Response) {
  const requests: string[] = [];
  return {
    requests,
    fetchImpl: async (url: string) => {
      requests.push(url);
      return answer(url);
    },
  };
}
const tooMany = (retryAfter?: string) =>
  new Response('', { status: 429, headers: retryAfter ? { 'retry-after': retryAfter } : {} });

describe('host backoff', () => {
  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('2026-10-21T07:26:00Z'))).toBe(120);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('after a 429 with Retry-After: 120, no request reaches that host for 120 s; others are not affected', async () => {
    let now = 1_000_000;
    const backoff = new HostBackoff(() => now);
    const server = fakeServer((url) =>
      url.includes('query1') ? tooMany('120') : new Response('a,b\n1,2\n', { status: 200 }),
    );
    const f = withHostBackoff(server.fetchImpl, backoff);
    const url = 'https://query1.finance.yahoo.com/v8/finance/chart/AAPL';
    for (let i = 0; i < 30; i++) {
      const r = await fetchText(f, url.replace('AAPL', `S${i}`), { expect: 'json' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.kind).toBe('rate-limited');
    }
    expect(server.requests).toHaveLength(1);
    // Another host still answers.
    expect((await fetchText(f, 'https://stooq.com/q/d/l/?s=x&i=d', { expect: 'csv' })).ok).toBe(true);
    now += 119_000;
    await fetchText(f, url);
    expect(server.requests.filter((u) => u.includes('query1'))).toHaveLength(1);
    now += 2_000;
    await fetchText(f, url);
    expect(server.requests.filter((u) => u.includes('query1'))).toHaveLength(2);
  });

  it('a 429 without Retry-After rests the default; an absurd one is capped', () => {
    let now = 0;
    const b = new HostBackoff(() => now);
    b.rest('a', undefined);
    expect(b.waitMs('a')).toBe(DEFAULT_REST_SEC * 1000);
    b.rest('b', 1e9);
    expect(b.waitMs('b')).toBe(MAX_REST_SEC * 1000);
    now = MAX_REST_SEC * 1000;
    expect(b.waitMs('b')).toBe(0);
  });

  it('a 503 with Retry-After rests too; a plain 503 does not', async () => {
    const b = new HostBackoff();
    const f = withHostBackoff(
      async (url) =>
        new Response('', { status: 503, headers: url.includes('x.') ? { 'retry-after': '30' } : {} }),
      b,
    );
    await f('https://x.example/');
    await f('https://y.example/');
    expect(b.waitMs('x.example')).toBeGreaterThan(29_000);
    expect(b.waitMs('y.example')).toBe(0);
  });
});
