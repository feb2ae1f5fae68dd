/**
 * Faults at the engine level: every source answering 429 (with Retry-After), 500, an HTML
 * challenge, a truncated body, the wrong schema, a dead network, a refresh cut off mid-way, a
 * request that never answers; a full disk and an IndexedDB that will not open. Each case ends in
 * a clear status (state, error kind, message) and loses nothing: the previous data is served.
 *
 * Data: the real recorded responses in ../shared (test/e2e/sources.ts maps URLs to them), the
 * bundled snapshot and universe from lib/data, fakeBrowser storage and a fresh fake IndexedDB.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory, IDBObjectStore as FakeIDBObjectStore } from 'fake-indexeddb';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordedResponseFor } from '../../test/e2e/sources';
import { getRecord, resetDbConnection } from '../db';
import type { SourceStatus } from '../view-models';
import type { SourceErrorKind } from '../result';
import type { FetchImpl } from '../sources/http';
import { SOURCE_IDS, type SourceId } from '../storage';
import { setBundledLoader } from './bundled';
import { Engine } from './engine';
import { ALL_KEYS, loadData } from './repository';

const root = resolve(__dirname, '../..');
const readJson = (p: string) => JSON.parse(readFileSync(resolve(root, p), 'utf8')) as never;

export const faultTally = { faults: 0 };
afterAll(() => console.info(`[faults] engine: ${faultTally.faults} faults injected, no data lost`));

/** Which source a request belongs to (to count requests per source). */
export function sourceOf(url: string): SourceId | 'quote' | null {
  const u = new URL(url);
  switch (u.hostname) {
    case 'www.ishares.com':
      return /holdings/i.test(u.searchParams.get('fileName') ?? '') ? 'ishares-holdings' : 'ishares-fund';
    case 'query1.finance.yahoo.com':
    case 'query2.finance.yahoo.com': {
      const sym = decodeURIComponent(u.pathname.split('/').pop() ?? '');
      if (sym.startsWith('ZQ')) return 'fed-futures';
      return sym === 'IWM' || sym === 'SPY' ? 'prices' : 'quote';
    }
    case 'stooq.com':
      return 'prices';
    case 'fred.stlouisfed.org':
      return 'fred';
    case 'markets.newyorkfed.org':
      return 'nyfed';
    case 'api.elections.kalshi.com':
      return 'kalshi';
    case 'gamma-api.polymarket.com':
      return 'polymarket';
    default:
      return null;
  }
}

export type Fault =
  'ok' | '429' | '500' | 'html' | 'truncated' | 'wrong-schema' | 'network' | 'hang' | 'empty' | 'huge';

/** A fetch that answers from the recorded files, or with the fault chosen for the source. */
export function fakeNet(initial: Fault = 'ok') {
  let fault: Fault = initial;
  let only: ((s: SourceId | 'quote' | null) => boolean) | null = null;
  const requests: string[] = [];
  const fetchImpl: FetchImpl = (input, init) => {
    const url = String(input);
    requests.push(url);
    const src = sourceOf(url);
    const f = only && !only(src) ? 'ok' : fault;
    const signal = init?.signal;
    if (signal?.aborted) return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
    const rec = recordedResponseFor(url);
    const text = rec ? (typeof rec.body === 'string' ? rec.body : rec.body.toString('utf8')) : 'not recorded';
    const answer = (body: BodyInit | null, status = 200, headers: Record<string, string> = {}) =>
      Promise.resolve(new Response(body, { status, headers }));
    switch (f) {
      case 'ok':
        return answer(text, rec?.status ?? 404, { 'content-type': rec?.contentType ?? 'text/plain' });
      case '429':
        return answer('Too Many Requests', 429, { 'retry-after': '120' });
      case '500':
        return answer('Internal Server Error', 500);
      case 'html':
        return answer(
          '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>',
          200,
          { 'content-type': 'text/html' },
        );
      case 'truncated':
        return answer(text.slice(0, Math.floor(text.length / 3)), 200);
      case 'wrong-schema':
        return answer(
          /json/.test(rec?.contentType ?? '') || text.trimStart().startsWith('{')
            ? JSON.stringify({ data: [{ foo: 1, bar: 'baz' }], error: null })
            : 'foo,bar,baz\n1,2,3\n4,5,6\n',
          200,
        );
      case 'empty':
        return answer('', 200);
      case 'huge':
        return answer('x', 200, { 'content-length': String(100 * 1024 * 1024) });
      case 'network':
        return Promise.reject(new TypeError('Failed to fetch'));
      case 'hang':
        return new Promise((_res, rej) =>
          signal?.addEventListener('abort', () =>
            rej(new DOMException('The operation was aborted.', 'AbortError')),
          ),
        );
    }
  };
  return {
    fetchImpl,
    requests,
    set(f: Fault, filter?: (s: SourceId | 'quote' | null) => boolean) {
      fault = f;
      only = filter ?? null;
    },
  };
}

export function freshEnvironment(): void {
  fakeBrowser.reset();
  resetDbConnection();
  (globalThis as { indexedDB: unknown }).indexedDB = new IDBFactory();
  setBundledLoader({
    snapshot: async () => readJson('lib/data/snapshot.json'),
    universe: async () => readJson('lib/data/universe.json'),
  });
}

/** Every dataset as the UI would read it, and the stored records, for before/after comparison. */
async function everything() {
  const loaded = await loadData();
  const records = await Promise.all(ALL_KEYS.map((k) => getRecord(`ds:${k}`).catch(() => undefined)));
  return { data: loaded.data, fromBundle: [...loaded.fromBundle].sort(), records };
}

const byId = (list: SourceStatus[]) => new Map(list.map((s) => [s.id, s]));

beforeEach(() => freshEnvironment());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('engine faults', () => {
  it('baseline: a refresh on the recorded responses stores real data and says so', async () => {
    const net = fakeNet('ok');
    const engine = new Engine(net.fetchImpl);
    const statuses = byId(await engine.refresh(true));
    // Sources the recorded files let succeed (the rest fail already on 'ok', e.g. no ZQ recording).
    const okSources = SOURCE_IDS.filter(
      (id) => statuses.get(id)?.state === 'ok' || statuses.get(id)?.state === 'stale',
    );
    expect(okSources).toEqual(expect.arrayContaining(['ishares-holdings', 'ishares-fund', 'fred', 'nyfed']));
    for (const id of SOURCE_IDS) {
      const s = statuses.get(id)!;
      expect(s.lastAttempt).not.toBeNull();
      if (!okSources.includes(id)) expect(s.error?.message.length).toBeGreaterThan(0);
    }
    const after = await everything();
    expect(after.data.iwm?.provenance.source).not.toBe('bundled');
    expect(after.records.filter(Boolean).length).toBeGreaterThan(4);
  });

  const KINDS: Record<Exclude<Fault, 'ok' | 'hang'>, SourceErrorKind[]> = {
    '429': ['rate-limited', 'unavailable'],
    '500': ['http', 'unavailable'],
    html: ['challenge', 'unavailable'],
    truncated: ['format', 'empty', 'unavailable'],
    'wrong-schema': ['format', 'empty', 'unavailable'],
    network: ['network', 'unavailable'],
    empty: ['empty', 'unavailable'],
    huge: ['too-large', 'unavailable'],
  };

  for (const fault of Object.keys(KINDS) as Array<keyof typeof KINDS>) {
    it(`every source answering ${fault}: typed error per source, previous data intact, UI still served`, async () => {
      const net = fakeNet('ok');
      const engine = new Engine(net.fetchImpl);
      const good = byId(await engine.refresh(true));
      const before = await everything();
      net.set(fault);
      const bad = byId(await engine.refresh(true));
      faultTally.faults += SOURCE_IDS.length;
      for (const id of SOURCE_IDS) {
        const s = bad.get(id)!;
        expect(s.error, `${id} after ${fault}`).not.toBeNull();
        expect(s.error!.message.length).toBeGreaterThan(0);
        if (s.state !== 'error') {
          // A body cut at a line break parses as a shorter, older file: accepted with a warning,
          // and the newer stored data is kept (regression: it used to replace it).
          expect(fault).toBe('truncated');
          expect(s.error!.message, id).toMatch(/kept the stored data/);
          continue;
        }
        expect(KINDS[fault], `${id}: ${s.error?.kind} ${s.error?.message}`).toContain(s.error?.kind);
        // The last success and the data date are kept: nothing about the good data is forgotten.
        expect(s.lastSuccess).toBe(good.get(id)!.lastSuccess);
        if (good.get(id)!.state === 'ok') expect(s.usingBundled).toBe(false);
      }
      expect(await everything()).toEqual(before);
      const card = await engine.signalCard();
      expect(card.factors.length).toBeGreaterThan(0);
      expect((await engine.tickerInfo('CRDO')).symbol).toBe('CRDO');
    });
  }

  it('429 with Retry-After: the source is skipped until the time passes, even when forced', async () => {
    const net = fakeNet('ok');
    const engine = new Engine(net.fetchImpl);
    const good = byId(await engine.refresh(true));
    net.set('429');
    const limited = byId(await engine.refresh(true));
    faultTally.faults += SOURCE_IDS.length;
    const waiting = SOURCE_IDS.filter((id) => limited.get(id)?.error?.retryAfterSec === 120);
    // Every source: 'prices' and 'fed-futures' too (regression: prices dropped the Retry-After).
    expect(waiting.sort()).toEqual([...SOURCE_IDS].sort());
    for (const id of waiting) expect(['rate-limited', 'unavailable']).toContain(limited.get(id)!.error?.kind);

    net.requests.length = 0;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 });
    await engine.refresh(true);
    const asked = new Set(net.requests.map(sourceOf));
    for (const id of waiting) expect(asked.has(id), `${id} asked again within Retry-After`).toBe(false);

    net.set('ok');
    net.requests.length = 0;
    vi.setSystemTime(Date.now() + 61_000); // 121 s after the 429
    const back = byId(await engine.refresh(true));
    const askedLater = new Set(net.requests.map(sourceOf));
    for (const id of waiting) {
      expect(askedLater.has(id), `${id} asked again after Retry-After`).toBe(true);
      if (good.get(id)!.state !== 'error') expect(back.get(id)!.state, id).not.toBe('error');
    }
  });

  it('a refresh cut off mid-way (network drops after a few requests): done sources kept, the rest say why', async () => {
    const net = fakeNet('ok');
    const engine = new Engine(net.fetchImpl);
    const good = byId(await engine.refresh(true));
    const before = await everything();
    let served = 0;
    const cut = fakeNet('ok');
    const dropping: FetchImpl = (url, init) => {
      if (++served > 3) return Promise.reject(new DOMException('The user aborted a request.', 'AbortError'));
      return cut.fetchImpl(url, init);
    };
    const engine2 = new Engine(dropping);
    const after = byId(await engine2.refresh(true));
    faultTally.faults += SOURCE_IDS.length;
    const failed = SOURCE_IDS.filter((id) => after.get(id)!.state === 'error');
    expect(failed.length).toBeGreaterThan(3);
    for (const id of failed) {
      expect(['network', 'unavailable', 'timeout']).toContain(after.get(id)!.error?.kind);
      expect(after.get(id)!.lastSuccess).toBe(good.get(id)!.lastSuccess);
    }
    // What the UI reads: every dataset is either the previous one or a newer complete one.
    const now = await everything();
    ALL_KEYS.forEach((k, i) => {
      const prev = before.records[i];
      const cur = now.records[i];
      if (prev) expect(cur, k).toBeDefined();
      if (cur && prev && cur.fetchedAt === prev.fetchedAt) expect(cur).toEqual(prev);
    });
  });

  it('a source that never answers times out within the engine deadline; the others complete', async () => {
    const net = fakeNet('ok');
    const engine = new Engine(net.fetchImpl);
    const good = byId(await engine.refresh(true));
    const okSources = SOURCE_IDS.filter((id) => good.get(id)!.state !== 'error');
    const before = await everything();
    net.set('hang', (s) => s === 'nyfed' || s === 'kalshi');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = engine.refresh(true);
    await vi.advanceTimersByTimeAsync(61_000);
    const after = byId(await pending);
    faultTally.faults += 2;
    for (const id of ['nyfed', 'kalshi'] as const) {
      expect(after.get(id)!.state).toBe('error');
      expect(['timeout', 'network', 'unavailable']).toContain(after.get(id)!.error?.kind);
      expect(after.get(id)!.lastSuccess).toBe(good.get(id)!.lastSuccess);
    }
    for (const id of okSources.filter((x) => x !== 'nyfed' && x !== 'kalshi'))
      expect(after.get(id)!.state, id).not.toBe('error');
    expect((await everything()).data.effr).toEqual(before.data.effr);
  });

  it('disk full (QuotaExceededError on write): status says so, previous data served, reads still work', async () => {
    const net = fakeNet('ok');
    const engine = new Engine(net.fetchImpl);
    const good = byId(await engine.refresh(true));
    const okSources = SOURCE_IDS.filter((id) => good.get(id)!.state !== 'error');
    const before = await everything();
    const put = FakeIDBObjectStore.prototype.put;
    vi.spyOn(FakeIDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'records')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const full = byId(await engine.refresh(true));
    faultTally.faults += okSources.length;
    for (const id of okSources) {
      const s = full.get(id)!;
      expect(s.state).toBe('error');
      expect(s.error).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/disk is full/) });
      expect(s.lastSuccess).toBe(good.get(id)!.lastSuccess);
    }
    expect(await everything()).toEqual(before);
    expect((await engine.signalCard()).factors.length).toBeGreaterThan(0);
    expect((await engine.tickerInfo('CRDO')).symbol).toBe('CRDO');
  });

  it('IndexedDB will not open: bundled data served with storageError, statuses say so, refresh does not throw', async () => {
    (globalThis as { indexedDB: unknown }).indexedDB = {
      open() {
        throw new DOMException('IndexedDB is disabled in this profile', 'InvalidStateError');
      },
      deleteDatabase() {
        throw new DOMException('IndexedDB is disabled in this profile', 'InvalidStateError');
      },
    };
    resetDbConnection();
    faultTally.faults += 1;
    const loaded = await loadData();
    expect(loaded.storageError).toMatch(/Local database unavailable.*disabled/);
    expect(loaded.fromBundle.size).toBeGreaterThan(5);
    expect(loaded.data.iwm?.data.constituents.length).toBeGreaterThan(1000);

    const net = fakeNet('ok');
    const engine = new Engine(net.fetchImpl);
    const statuses = await engine.refresh(true);
    for (const s of statuses) {
      expect(s.error, s.id).not.toBeNull();
      expect(s.error!.message.length).toBeGreaterThan(0);
    }
    expect(
      statuses.some((s) => /Local database unavailable|could not be stored/.test(s.error!.message)),
    ).toBe(true);
    expect((await engine.signalCard()).factors.length).toBeGreaterThan(0);
    const crdo = await engine.tickerInfo('CRDO');
    expect(crdo).toMatchObject({ symbol: 'CRDO', listed: true });
    expect(crdo.membershipProvenance?.source).toBe('bundled');
    // A quote still works live (nothing to cache into), and a failed one is null, not a throw.
    net.set('500');
    expect(await engine.quote('AAPL')).toBeNull();
  });

  it('a looked-up quote that fails serves the cached one marked stale; nothing but the symbol leaves', async () => {
    const net = fakeNet('ok');
    const engine = new Engine(net.fetchImpl);
    const live = await engine.quote('AAPL');
    expect(live?.symbol).toBe('AAPL');
    const asked = net.requests.filter((u) => sourceOf(u) === 'quote');
    expect(asked.length).toBeGreaterThan(0);
    for (const u of asked) {
      expect(new URL(u).hostname).toMatch(/^(query[12]\.finance\.yahoo\.com|stooq\.com)$/);
      expect(u).toContain('AAPL');
    }
    net.set('500');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31 * 60_000 });
    faultTally.faults += 1;
    const stale = await engine.quote('AAPL');
    expect(stale).toMatchObject({ symbol: 'AAPL', stale: true, last: live!.last });
  });
});
