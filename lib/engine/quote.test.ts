/**
 * The quote path under pressure: 429s rest each host for its Retry-After (shared with the
 * scheduled refresh), concurrent asks for one symbol share one lookup, and news pages get a
 * small budget of live lookups per minute.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearAll } from '../db';
import { setBundledLoader } from './bundled';
import { Engine, PAGE_QUOTE_LOOKUPS_PER_MINUTE } from './engine';
import { readReal } from '../../test/shared-fixtures';

const root = resolve(__dirname, '../..');
beforeAll(() => {
  setBundledLoader({
    snapshot: async () => JSON.parse(readFileSync(resolve(root, 'lib/data/snapshot.json'), 'utf8')),
    universe: async () => JSON.parse(readFileSync(resolve(root, 'lib/data/universe.json'), 'utf8')),
  });
});
beforeEach(async () => {
  fakeBrowser.reset();
  await clearAll().catch(() => {});
});
afterEach(() => vi.useRealTimers());

const chart = () => {
  const env = JSON.parse(readReal('yahoo_chart_recorded_AAPL-2020-08-31-to-2020-11-07.json')) as {
    response?: { bodyJson?: unknown };
  };
  return JSON.stringify(env.response?.bodyJson ?? env);
};

function server(mode: { limited: boolean; delayMs?: number }) {
  const requests: string[] = [];
  return {
    requests,
    perHost: () => {
      const n: Record<string, number> = {};
      for (const u of requests) n[new URL(u).hostname] = (n[new URL(u).hostname] ?? 0) + 1;
      return n;
    },
    fetchImpl: async (url: string) => {
      requests.push(url);
      if (mode.delayMs) await new Promise((r) => setTimeout(r, mode.delayMs));
      if (mode.limited) return new Response('', { status: 429, headers: { 'retry-after': '120' } });
      return new Response(chart(), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  };
}

const symbols = Array.from({ length: 30 }, (_, i) => `Q${String.fromCharCode(65 + (i % 26))}${i}`);

describe('quotes', () => {
  it('30 cards under a 429 (Retry-After: 120) send at most one request per host until it passed', async () => {
    const net = server({ limited: true });
    const engine = new Engine(net.fetchImpl);
    for (const s of symbols) await engine.quote(s, 'extension').catch(() => null);
    expect(Object.values(net.perHost()).every((n) => n === 1)).toBe(true);
    expect(Object.keys(net.perHost()).sort()).toEqual([
      'query1.finance.yahoo.com',
      'query2.finance.yahoo.com',
      'stooq.com',
    ]);
    // The cards after the first say why, without spending a page's budget.
    await expect(engine.quote('ZZLAST', 'page')).rejects.toThrow(
      /The price servers asked us to wait; next try after \d\d:\d\d UTC/,
    );
    // Cards opened at once (not one after another) too: page lookups run one at a time.
    const net2 = server({ limited: true, delayMs: 20 });
    const engine2 = new Engine(net2.fetchImpl);
    await Promise.all(symbols.slice(0, 5).map((s) => engine2.quote(s, 'page').catch(() => null)));
    expect(Object.values(net2.perHost()).every((n) => n === 1)).toBe(true);
    // After Retry-After the hosts are asked again.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 121_000 });
    net.requests.length = 0;
    await engine.quote('ZZNEW', 'extension').catch(() => null);
    expect(net.requests.length).toBeGreaterThan(0);
  });

  it('concurrent asks for one symbol share one lookup; the answer is then cached', async () => {
    const net = server({ limited: false, delayMs: 30 });
    const engine = new Engine(net.fetchImpl);
    const all = await Promise.all(Array.from({ length: 10 }, () => engine.quote('AAPL', 'page')));
    expect(net.requests).toHaveLength(1);
    expect(new Set(all.map((q) => q?.last)).size).toBe(1);
    await engine.quote('AAPL', 'page');
    expect(net.requests).toHaveLength(1);
  });

  it(`news pages get ${PAGE_QUOTE_LOOKUPS_PER_MINUTE} live lookups a minute, then a plain refusal`, async () => {
    const net = server({ limited: false });
    const engine = new Engine(net.fetchImpl);
    const results = [];
    for (const s of symbols.slice(0, PAGE_QUOTE_LOOKUPS_PER_MINUTE + 4))
      results.push(
        await engine.quote(s, 'page').then(
          (q) => (q ? 'price' : 'none'),
          (e: Error) => e.message,
        ),
      );
    expect(results.filter((r) => r === 'price')).toHaveLength(PAGE_QUOTE_LOOKUPS_PER_MINUTE);
    expect(results.at(-1)).toMatch(/Too many price lookups in the last minute/);
    expect(net.requests).toHaveLength(PAGE_QUOTE_LOOKUPS_PER_MINUTE);
    // Extension pages (the side panel) are not on the page budget.
    expect(await engine.quote(symbols[20]!, 'extension')).not.toBeNull();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    expect(await engine.quote(symbols[21]!, 'page')).not.toBeNull();
  });

  it('while the prices source is told to wait (stored Retry-After), a hover fetches nothing', async () => {
    const net = server({ limited: true });
    const engine = new Engine(net.fetchImpl);
    await engine.refresh(true); // every source 429s; prices records Retry-After: 120
    const fresh = server({ limited: false });
    const engine2 = new Engine(fresh.fetchImpl); // a revived worker: no in-memory rest
    await expect(engine2.quote('AAPL', 'page')).rejects.toThrow(/price servers asked us to wait/);
    expect(fresh.requests).toHaveLength(0);
  });
});
