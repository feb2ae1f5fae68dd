/**
 * The message boundary (lib/messaging.ts) under attack: random payloads for every message type
 * never reach a handler unless valid; content scripts reach only the read-only handlers and
 * pinFromPage; other extensions and web pages are refused; one tab cannot flood the worker.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CONTENT_SCRIPT_ALLOWED,
  VALIDATORS,
  checkEnvelope,
  classifySender,
  createTabRateLimiter,
  dispatch,
  type Handlers,
  type MessageType,
  type SenderContext,
} from '../../lib/messaging';
import { createHandlers } from '../../lib/engine/handlers';
import { Engine } from '../../lib/engine/engine';
import { TabTickers } from '../../lib/engine/tab-tickers';
import { setBundledLoader } from '../../lib/engine/bundled';
import { getWatchlist, saveWatchlist } from '../../lib/storage';
import { RUNS } from './fuzz';
import { RULE_IDS } from '../../lib/alerts/types';

const root = resolve(__dirname, '../..');
const ORIGIN = 'chrome-extension://ourid/';
const page: SenderContext = { kind: 'extension-page', tabId: null };
const content: SenderContext = { kind: 'content-script', tabId: 7 };

const TYPES = Object.keys(VALIDATORS) as MessageType[];
const counts = { payloads: 0, senders: 0, floods: 0 };

afterAll(() => {
  console.info(
    `[fuzz] messages: ${counts.payloads} payloads, ${counts.senders} senders, ${counts.floods} flood requests`,
  );
});

/** Handlers that record what reached them. */
function recorder() {
  const calls: Array<{ type: string; payload: unknown; ctx: SenderContext }> = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_t, type: string) => (payload: unknown, ctx: SenderContext) => {
      calls.push({ type, payload, ctx });
      return null;
    },
  });
  return { calls, handlers };
}

// --- An independent model of what each payload must look like (not the validators' code). ---
const isPlain = (p: unknown): p is Record<string, unknown> =>
  typeof p === 'object' && p !== null && !Array.isArray(p);
const tickerLike = (s: unknown) =>
  typeof s === 'string' && /^[A-Za-z0-9.\-/$]{1,11}$/.test(s.trim()) && !/[<>"'`&]/.test(s);
const alertIds = (v: unknown) =>
  Array.isArray(v) && v.length <= 1000 && v.every((i) => typeof i === 'string' && i.length <= 200);
const MODEL: Record<MessageType, (p: unknown) => boolean> = {
  getSignalCard: isPlain,
  getStrip: isPlain,
  getEvidence: isPlain,
  openEvidence: (p) =>
    isPlain(p) &&
    typeof p.factor === 'string' &&
    ['flows', 'drawdown', 'relative', 'yields'].includes(p.factor),
  takeEvidenceFocus: isPlain,
  getUniverse: isPlain,
  getTickerInfo: (p) => isPlain(p) && tickerLike(p.symbol),
  getTickerInfos: (p) =>
    isPlain(p) && Array.isArray(p.symbols) && p.symbols.length <= 500 && p.symbols.every(tickerLike),
  getQuote: (p) => isPlain(p) && tickerLike(p.symbol),
  getSourceStatus: isPlain,
  suggest: (p) => isPlain(p) && typeof p.query === 'string' && p.query.length <= 100,
  getSettings: isPlain,
  getWatchlist: isPlain,
  reportPageTickers: (p) =>
    isPlain(p) &&
    Array.isArray(p.tickers) &&
    p.tickers.length <= 2000 &&
    p.tickers.every((t) => isPlain(t) && tickerLike(t.symbol) && typeof t.count === 'number'),
  getTabTickers: (p) => isPlain(p) && Number.isInteger(p.tabId),
  pinFromPage: (p) => isPlain(p) && tickerLike(p.symbol),
  openSidePanel: isPlain,
  openPopup: isPlain,
  refresh: (p) => isPlain(p) && (p.force === undefined || typeof p.force === 'boolean'),
  setSettings: (p) => isPlain(p) && isPlain(p.patch),
  setWatchlist: (p) =>
    isPlain(p) &&
    Array.isArray(p.items) &&
    p.items.length <= 500 &&
    p.items.every((i) => isPlain(i) && tickerLike(i.symbol)),
  pin: (p) => isPlain(p) && tickerLike(p.symbol) && (p.note === undefined || typeof p.note === 'string'),
  unpin: (p) => isPlain(p) && tickerLike(p.symbol),
  clearCache: isPlain,
  importReconstitution: (p) =>
    isPlain(p) &&
    typeof p.csv === 'string' &&
    p.csv.length <= 2_000_000 &&
    (p.change === 'added' || p.change === 'deleted') &&
    typeof p.effective === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(p.effective),
  getAlerts: isPlain,
  markAlertsSeen: (p) => isPlain(p) && (p.ids === undefined || alertIds(p.ids)),
  clearAlerts: (p) => isPlain(p) && (p.ids === undefined || alertIds(p.ids)),
  snoozeAlertRule: (p) =>
    isPlain(p) &&
    typeof p.rule === 'string' &&
    (RULE_IDS as readonly string[]).includes(p.rule) &&
    typeof p.hours === 'number' &&
    p.hours >= 0 &&
    p.hours <= 720,
};

const hostile = fc.constantFrom(
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u202EKCOTS',
  'A\u200BB',
  '__proto__',
  'constructor',
  ' CRDO ',
  '$crdo',
  'BRK.B',
  'x'.repeat(200),
);
const junk = fc.oneof(fc.anything({ maxDepth: 3 }), hostile, fc.constant(undefined), fc.constant(null));
const symbolish = fc.oneof(
  fc.constantFrom('CRDO', 'AAPL', 'BRK.B', 'brk-b', '$IWM', 'ZZZZQ'),
  hostile,
  fc.string({ maxLength: 14 }),
);
/** Near-valid payloads: the right keys with plausible or hostile values. */
const VALID_ISH: Record<MessageType, fc.Arbitrary<unknown>> = {
  getSignalCard: fc.constant({}),
  getStrip: fc.constant({}),
  getEvidence: fc.constant({}),
  openEvidence: fc.record({
    factor: fc.oneof(fc.constantFrom('flows', 'drawdown', 'rates', 'recon'), hostile),
  }),
  takeEvidenceFocus: fc.constant({}),
  getUniverse: fc.constant({}),
  getTickerInfo: fc.record({ symbol: symbolish }),
  getTickerInfos: fc.record({ symbols: fc.array(symbolish, { maxLength: 6 }) }),
  getQuote: fc.record({ symbol: symbolish }),
  getSourceStatus: fc.constant({}),
  suggest: fc.record({ query: fc.oneof(fc.string({ maxLength: 120 }), hostile) }),
  getSettings: fc.constant({}),
  getWatchlist: fc.constant({}),
  reportPageTickers: fc.record({
    tickers: fc.array(fc.record({ symbol: symbolish, count: fc.oneof(fc.integer(), junk) }), {
      maxLength: 5,
    }),
  }),
  getTabTickers: fc.record({ tabId: fc.oneof(fc.integer(), fc.double(), junk) }),
  pinFromPage: fc.record({ symbol: symbolish }),
  openSidePanel: fc.constant({}),
  openPopup: fc.constant({}),
  refresh: fc.record({ force: fc.oneof(fc.boolean(), junk) }, { requiredKeys: [] }),
  setSettings: fc.record({ patch: fc.oneof(fc.dictionary(fc.string(), junk), junk) }),
  setWatchlist: fc.record({ items: fc.array(fc.record({ symbol: symbolish }), { maxLength: 5 }) }),
  pin: fc.record({ symbol: symbolish, note: fc.oneof(fc.string(), junk) }, { requiredKeys: ['symbol'] }),
  unpin: fc.record({ symbol: symbolish }),
  clearCache: fc.constant({}),
  importReconstitution: fc.record({
    csv: fc.oneof(fc.string(), junk),
    change: fc.oneof(fc.constantFrom('added', 'deleted', 'ADDED', ''), junk),
    effective: fc.oneof(fc.constantFrom('2025-06-27', '2025-6-27', '27/06/2025'), junk),
  }),
  getAlerts: fc.constant({}),
  markAlertsSeen: fc.record(
    { ids: fc.oneof(fc.array(fc.string({ maxLength: 30 }), { maxLength: 4 }), junk) },
    { requiredKeys: [] },
  ),
  clearAlerts: fc.record(
    { ids: fc.oneof(fc.array(fc.oneof(fc.string(), junk), { maxLength: 4 }), junk) },
    { requiredKeys: [] },
  ),
  snoozeAlertRule: fc.record({
    rule: fc.oneof(fc.constantFrom('flows-decile', 'calendar', 'watch-move', 'FLOWS', '__proto__'), junk),
    hours: fc.oneof(fc.constantFrom(0, 1, 24, 720, 721, -1, Number.NaN, Infinity), junk),
  }),
};

describe('validators: random payloads never reach a handler unless valid', () => {
  for (const type of TYPES) {
    it(type, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(VALID_ISH[type], junk), async (payload) => {
          counts.payloads++;
          const { calls, handlers } = recorder();
          const reply = await dispatch(handlers, { scl: 1, type, payload }, page);
          if (calls.length) {
            expect(reply.ok).toBe(true);
            // What reached the handler satisfies the independent model of the payload.
            expect(MODEL[type](calls[0]!.payload), JSON.stringify(payload)?.slice(0, 200)).toBe(true);
          } else {
            expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed /) });
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('envelopes that are not ours never reach a handler', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({
            scl: fc.oneof(fc.constant(1), junk),
            type: fc.oneof(fc.string(), junk),
            payload: junk,
          }),
          fc.record({
            scl: fc.constant(1),
            type: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'),
          }),
        ),
        async (msg) => {
          counts.payloads++;
          const { calls, handlers } = recorder();
          const reply = await dispatch(handlers, msg, page);
          const known =
            isPlain(msg) &&
            msg.scl === 1 &&
            typeof msg.type === 'string' &&
            TYPES.includes(msg.type as MessageType);
          if (!known) {
            expect(calls).toEqual([]);
            expect(reply.ok).toBe(false);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a hostile symbol is refused with its reason cut short (no echo of a 10 KB payload)', () => {
    const r = checkEnvelope({ scl: 1, type: 'x'.repeat(10_000) });
    expect(!r.ok && r.error.length).toBeLessThan(100);
  });
});

describe('senders', () => {
  it('content scripts reach exactly the read-only handlers, reportPageTickers, openSidePanel, openEvidence, openPopup and pinFromPage', () => {
    expect([...CONTENT_SCRIPT_ALLOWED].sort()).toEqual(
      [
        'getStrip',
        'getUniverse',
        'getTickerInfo',
        'getTickerInfos',
        'getQuote',
        'getSettings',
        'reportPageTickers',
        'pinFromPage',
        'openSidePanel',
        'openEvidence',
        'openPopup',
      ].sort(),
    );
  });

  it('every write message is refused from a content script, whatever the payload', async () => {
    const writes = TYPES.filter((t) => !CONTENT_SCRIPT_ALLOWED.has(t));
    expect(writes).toEqual(
      expect.arrayContaining(['refresh', 'setSettings', 'setWatchlist', 'pin', 'unpin', 'clearCache']),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writes).chain((t) => fc.tuple(fc.constant(t), VALID_ISH[t])),
        fc.integer({ min: 0, max: 1e6 }),
        async ([type, payload], tabId) => {
          counts.payloads++;
          const { calls, handlers } = recorder();
          const reply = await dispatch(
            handlers,
            { scl: 1, type, payload },
            { kind: 'content-script', tabId },
          );
          expect(calls).toEqual([]);
          expect(reply.ok).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('classifySender: only our own id; pages by our origin, content scripts by their tab', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            id: fc.oneof(fc.constant('ourid'), fc.constant('otherid'), fc.string(), fc.constant(undefined)),
            url: fc.oneof(
              fc.constant(`${ORIGIN}popup.html`),
              fc.constant('chrome-extension://otherid/popup.html'),
              fc.constant('https://evil.example/chrome-extension://ourid/'),
              fc.webUrl(),
              fc.constant(undefined),
            ),
            tab: fc.option(fc.record({ id: fc.option(fc.nat(), { nil: undefined }) }), { nil: undefined }),
          },
          { requiredKeys: [] },
        ),
        (sender) => {
          counts.senders++;
          const ctx = classifySender(sender, 'ourid', ORIGIN);
          if (sender.id !== 'ourid') expect(ctx).toBeNull();
          else if (sender.url?.startsWith(ORIGIN)) expect(ctx?.kind).toBe('extension-page');
          else if (sender.tab?.id !== undefined)
            expect(ctx).toEqual({ kind: 'content-script', tabId: sender.tab.id });
          else expect(ctx).toBeNull();
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('unknown senders (other extensions, web pages) are refused before validation', async () => {
    for (const type of TYPES) {
      counts.senders++;
      const { calls, handlers } = recorder();
      expect(await dispatch(handlers, { scl: 1, type, payload: {} }, null)).toEqual({
        ok: false,
        error: 'Messages are accepted from this extension only',
      });
      expect(calls).toEqual([]);
    }
  });

  it('no external channel: onMessageExternal/onConnectExternal are never registered, no externally_connectable', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(p);
      }
    };
    for (const d of ['entrypoints', 'lib', 'components']) walk(resolve(root, d));
    files.push(resolve(root, 'wxt.config.ts'));
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      expect(src, f).not.toMatch(/onMessageExternal|onConnectExternal|externally_connectable|onConnect\b/);
    }
  });
});

describe('per-tab rate limit', () => {
  it('no tab ever gets more than burst + rate × elapsed; pages are never limited', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ tab: fc.integer({ min: 1, max: 3 }), dt: fc.nat(200), page: fc.boolean() }), {
          maxLength: 300,
        }),
        (events) => {
          let t = 0;
          const limit = createTabRateLimiter(20, 60, () => t);
          const allowed = new Map<number, number>();
          for (const e of events) {
            counts.floods++;
            t += e.dt;
            if (e.page) {
              expect(limit(page)).toBe(true);
              continue;
            }
            if (limit({ kind: 'content-script', tabId: e.tab }))
              allowed.set(e.tab, (allowed.get(e.tab) ?? 0) + 1);
          }
          for (const n of allowed.values()) expect(n).toBeLessThanOrEqual(60 + (t / 1000) * 20 + 1e-9);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a flooding tab is refused before its handler runs; another tab is served', async () => {
    const t = 0;
    const limit = createTabRateLimiter(20, 60, () => t);
    const { calls, handlers } = recorder();
    const replies = [];
    for (let i = 0; i < 500; i++) {
      counts.floods++;
      replies.push(await dispatch(handlers, { scl: 1, type: 'getStrip', payload: {} }, content, limit));
    }
    expect(calls.length).toBe(60);
    expect(replies.filter((r) => !r.ok).every((r) => !r.ok && /Too many requests/.test(r.error))).toBe(true);
    expect(
      await dispatch(
        handlers,
        { scl: 1, type: 'getStrip', payload: {} },
        { kind: 'content-script', tabId: 8 },
        limit,
      ),
    ).toMatchObject({ ok: true });
    expect(await dispatch(handlers, { scl: 1, type: 'getStrip', payload: {} }, page, limit)).toMatchObject({
      ok: true,
    });
  });
});

describe('the real handlers behind the boundary', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    setBundledLoader({
      snapshot: async () => JSON.parse(readFileSync(resolve(root, 'lib/data/snapshot.json'), 'utf8')),
      universe: async () => JSON.parse(readFileSync(resolve(root, 'lib/data/universe.json'), 'utf8')),
    });
  });

  it('a hostile page pinning junk through pinFromPage adds only real symbols and never drops the list', async () => {
    const noNet = async () => {
      throw new Error('offline');
    };
    const handlers = createHandlers({
      tabTickers: new TabTickers(),
      fetchImpl: noNet,
      engine: new Engine(noNet),
    });
    const mine = {
      symbol: 'CRDO',
      note: 'my note',
      addedAt: '2026-01-02T00:00:00.000Z',
      membershipAtPin: null,
    };
    await saveWatchlist([mine]);
    const tries = ['ZZZZQ', 'X1234', 'AAPL', '$NVDA', 'A.B.C', 'QQQQQ', 'CRDO', '<b>', 'a'.repeat(9)];
    for (const symbol of tries) {
      counts.payloads++;
      await dispatch(handlers, { scl: 1, type: 'pinFromPage', payload: { symbol } }, content);
    }
    // And every write it might try instead is refused.
    for (const [type, payload] of [
      ['setWatchlist', { items: [] }],
      ['unpin', { symbol: 'CRDO' }],
      ['clearCache', {}],
      ['setSettings', { patch: { sources: {} } }],
    ] as const) {
      counts.payloads++;
      expect(await dispatch(handlers, { scl: 1, type, payload }, content)).toMatchObject({ ok: false });
    }
    const after = (await getWatchlist()).items;
    expect(after[0]).toEqual(mine);
    // AAPL and NVDA (written as a cashtag on the page) are real listings; the rest is refused.
    expect(after.map((i) => i.symbol)).toEqual(['CRDO', 'AAPL', 'NVDA']);
  });
});
