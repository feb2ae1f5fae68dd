/**
 * Hostile text from data sources and pages comes out as plain text data, never markup:
 *  - through the parsers (a holdings CSV whose Name/Sector columns are hostile, a Kalshi event
 *    whose title and outcome text are hostile) into the view models, unchanged and uninterpreted;
 *  - through the hook-free Preact components, by expanding their VNode trees in Node (no DOM):
 *    hostile strings end up only as text children, links only with https: URLs, and no element
 *    carries dangerouslySetInnerHTML. The e2e layer (test/e2e/hostile-*.spec.ts) checks the DOM.
 *  - a source scan: no file in entrypoints/, components/, lib/ uses an HTML sink.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Fragment, type VNode } from 'preact';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { FactorRow } from '../../components/FactorRow';
import { MiniChart } from '../../components/MiniChart';
import { LazyMiniChart } from '../../components/LazyMiniChart';
import { WhatHappenedNext } from '../../components/WhatHappenedNext';
import { ProvenanceLines } from '../../components/Provenance';
import { SignalCardView } from '../../components/SignalCardView';
import { SourceStatusList } from '../../components/SourceStatusList';
import { Sparkline } from '../../components/Sparkline';
import { resetDbConnection } from '../../lib/db';
import { setBundledLoader } from '../../lib/engine/bundled';
import { buildCardFromData } from '../../lib/engine/card-inputs';
import { loadData } from '../../lib/engine/repository';
import type { Factor, SourceStatus } from '../../lib/view-models';
import { createTickerLookup } from '../../lib/signals/ticker';
import { parseIsharesHoldings } from '../../lib/sources/ishares-holdings';
import { parseKalshiEvents } from '../../lib/sources/kalshi';
import type { Provenance } from '../../lib/source-data';
import { readReal } from '../shared-fixtures';

const root = resolve(__dirname, '../..');

export const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.domain)</script>',
  '\u202Etxt.exe',
  'Zero\u200Bwidth\u200D\uFEFFname',
  'javascript:alert(1)',
  '"><svg/onload=alert(1)>',
  'A'.repeat(10 * 1024),
];
const tally = { strings: 0 };
afterAll(() => console.info(`[hostile] ${tally.strings} hostile strings rendered as text`));

// --- A VNode walker: expands hook-free components; hook components are leaves (props checked). ---
// WhatHappenedNext renders the bundled evidence (our own computation), never source text.
const HOOK_COMPONENTS = new Set<unknown>([MiniChart, LazyMiniChart, Sparkline, WhatHappenedNext]);
interface Seen {
  texts: string[];
  elements: Array<{ type: string; props: Record<string, unknown> }>;
}
function expand(node: unknown, seen: Seen = { texts: [], elements: [] }): Seen {
  if (node === null || node === undefined || typeof node === 'boolean') return seen;
  if (typeof node === 'string' || typeof node === 'number') {
    seen.texts.push(String(node));
    return seen;
  }
  if (Array.isArray(node)) {
    for (const n of node) expand(n, seen);
    return seen;
  }
  const v = node as VNode<Record<string, unknown>>;
  if (v.type === Fragment) return expand(v.props.children, seen);
  if (typeof v.type === 'function') {
    if (HOOK_COMPONENTS.has(v.type)) {
      seen.elements.push({ type: `<${v.type.name}>`, props: v.props });
      return seen;
    }
    return expand((v.type as (p: unknown) => unknown)(v.props), seen);
  }
  seen.elements.push({ type: v.type as string, props: v.props });
  return expand(v.props.children, seen);
}

/** No markup sinks; links and every attribute free of script URLs; hostile text only as text. */
function expectInert(seen: Seen, hostile: string[]): void {
  for (const el of seen.elements) {
    expect(el.props, el.type).not.toHaveProperty('dangerouslySetInnerHTML');
    for (const [k, val] of Object.entries(el.props)) {
      if (k === 'children' || typeof val !== 'string') continue;
      expect(/^\s*(javascript|data|vbscript):/i.test(val), `${el.type}[${k}]=${val.slice(0, 40)}`).toBe(
        false,
      );
      expect(/^on/i.test(k), `${el.type} has event attribute ${k} from data`).toBe(typeof val !== 'string');
    }
    if (el.type === 'a') expect(String(el.props.href)).toMatch(/^(https:\/\/|#)/);
  }
  const allText = seen.texts.join('');
  for (const h of hostile) {
    tally.strings++;
    expect(allText.includes(h), `rendered as text: ${h.slice(0, 30)}`).toBe(true);
  }
}

describe('components render hostile data as text', () => {
  const hostileProv = (label: string): Provenance => ({
    source: 'kalshi',
    label,
    asOf: '2026-09-15',
    url: 'javascript:alert(1)',
  });

  it('ProvenanceLines: hostile labels are text, a javascript: URL is never a link', () => {
    const seen = expand(ProvenanceLines({ items: HOSTILE.map(hostileProv) }));
    expect(seen.elements.filter((e) => e.type === 'a')).toEqual([]);
    expectInert(seen, HOSTILE);
    const ok = expand(
      ProvenanceLines({ items: [{ ...hostileProv(HOSTILE[0]!), url: 'https://www.ishares.com/x' }] }),
    );
    expect(ok.elements.filter((e) => e.type === 'a').map((a) => a.props.href)).toEqual([
      'https://www.ishares.com/x',
    ]);
    expectInert(ok, [HOSTILE[0]!]);
  });

  it('FactorRow: hostile title, headline, reason and details are text', () => {
    const factor: Factor = {
      id: 'rates',
      title: HOSTILE[0]!,
      state: 'neutral',
      headline: HOSTILE[1]!,
      reason: HOSTILE[2]!,
      details: [{ label: HOSTILE[3]!, value: HOSTILE[4]! }],
      chart: null,
      asOf: '2026-05-04',
      provenance: [hostileProv(HOSTILE[5]!)],
      stale: true,
    };
    expectInert(expand(FactorRow({ factor })), HOSTILE.slice(0, 6));
  });

  it('SourceStatusList: a server’s hostile error text is text', () => {
    const statuses: SourceStatus[] = HOSTILE.map((h, i) => ({
      id: `s${i}`,
      label: h,
      state: 'error',
      asOf: '2026-05-05',
      lastSuccess: null,
      lastAttempt: '2026-11-25T00:00:00.000Z',
      error: { kind: 'http', message: `HTTP 500 ${h}`, status: 500 },
      usingBundled: true,
    }));
    expectInert(expand(SourceStatusList({ statuses })), HOSTILE);
  });
});

describe('hostile source data through parsers into view models', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    resetDbConnection();
    (globalThis as { indexedDB: unknown }).indexedDB = new IDBFactory();
    setBundledLoader({
      snapshot: async () => JSON.parse(readFileSync(resolve(root, 'lib/data/snapshot.json'), 'utf8')),
      universe: async () => JSON.parse(readFileSync(resolve(root, 'lib/data/universe.json'), 'utf8')),
    });
  });

  const csvQuote = (s: string) => `"${s.replace(/"/g, '""')}"`;

  /** The real IWM holdings file with the Name and Sector of its first rows replaced. */
  function hostileHoldings() {
    const lines = readReal('IWM_holdings_2026-05-05.csv').split('\n');
    const headerAt = lines.findIndex((l) => /^\uFEFF?Ticker,/.test(l));
    const header = lines[headerAt]!.split(',');
    const nameCol = header.findIndex((h) => h.trim() === 'Name');
    const sectorCol = header.findIndex((h) => h.trim() === 'Sector');
    expect(nameCol).toBeGreaterThan(-1);
    // Data rows quote every field: "BE","BLOOM ENERGY CLASS A CORP","Industrials",…
    const split = (l: string) => l.replace(/\r$/, '').slice(1, -1).split('","');
    const tickers: string[] = [];
    HOSTILE.forEach((h, i) => {
      const row = split(lines[headerAt + 1 + i]!);
      tickers.push(row[0]!);
      row[nameCol] = h;
      row[sectorCol] = h.slice(0, 200);
      lines[headerAt + 1 + i] = row.map(csvQuote).join(',') + '\r';
    });
    return { text: lines.join('\n'), tickers };
  }

  it('a holdings CSV with hostile names and sectors parses them as plain strings, unchanged', () => {
    const { text, tickers } = hostileHoldings();
    const r = parseIsharesHoldings(text, { fund: 'IWM' });
    expect(r.ok, !r.ok ? r.error.message : '').toBe(true);
    if (!r.ok) return;
    const byTicker = new Map(r.value.constituents.map((c) => [c.ticker, c]));
    // The value is data: no tag stripped, nothing decoded, nothing executed.
    HOSTILE.forEach((h, i) => expect(byTicker.get(tickers[i]!)?.name.trim()).toBe(h.trim()));
    const lookup = createTickerLookup({
      r2000: {
        holdings: r.value,
        provenance: { source: 'ishares-holdings', label: 'IWM', asOf: r.value.asOf },
      },
      // Every ticker listed: a symbol in no listing is not counted as a member (issue 12, finding 6).
      listing: () => ({ name: null, exchange: null, listed: true, etf: false }),
    });
    const first = lookup(tickers[0]!);
    expect(first.russell2000?.sector).toBe(HOSTILE[0]!.slice(0, 200));
    tally.strings += HOSTILE.length;
  });

  it('a Kalshi event with a hostile title and outcome text stays plain data; hostile provenance renders as text', async () => {
    const doc = JSON.parse(readReal('kalshi_event_KXFEDDECISION-25OCT.as_pasted.json')) as {
      event: Record<string, unknown>;
      markets: Array<Record<string, unknown>>;
    };
    doc.event.title = HOSTILE[0];
    for (const m of doc.markets) {
      m.yes_sub_title = HOSTILE[1];
      m.subtitle = HOSTILE[1];
    }
    const r = parseKalshiEvents(JSON.stringify(doc), { asOf: '2025-10-20T12:00:00.000Z' });
    expect(r.ok, !r.ok ? r.error.message : '').toBe(true);
    if (!r.ok) return;
    expect(r.value[0]!.title).toBe(HOSTILE[0]);
    for (const o of r.value[0]!.outcomes) expect(typeof o.label).toBe('string');

    // Defence in depth: a tampered stored dataset with a hostile label and URL still renders inert.
    const loaded = await loadData();
    loaded.data.kalshi = {
      data: r.value,
      provenance: { source: 'kalshi', label: HOSTILE[0]!, asOf: '2025-10-20' },
    };
    loaded.data.fred.DGS2 = {
      data: loaded.data.fred.DGS2!.data,
      provenance: { source: 'fred', label: HOSTILE[2]!, asOf: '2026-02-12', url: 'javascript:alert(1)' },
    };
    const card = buildCardFromData(loaded, new Date('2026-02-13T12:00:00Z'));
    const json = JSON.stringify(card);
    expect(json).toContain(JSON.stringify(HOSTILE[2]).slice(1, -1)); // the provenance label is carried as data
    const seen = expand(SignalCardView({ card }));
    expectInert(seen, [HOSTILE[2]!]);
  });
});

describe('source scan: no HTML sinks anywhere in the extension', () => {
  const SINKS =
    /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write(ln)?\s*\(|\beval\s*\(|new\s+Function\s*\(|createContextualFragment|\bsrcdoc\b|setHTMLUnsafe|\bDOMParser\s*\(/;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|js|html)$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(p);
    }
  };
  for (const d of ['entrypoints', 'components', 'lib']) walk(resolve(root, d));

  it(`scans ${'every'} source file`, () => {
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ f: relative(root, f), i: i + 1, line }))
        .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line) && SINKS.test(line)),
    );
    expect(hits).toEqual([]);
  });

  it('ESLint forbids the sinks too (the rule that keeps the scan green)', () => {
    const cfg = readFileSync(resolve(root, 'eslint.config.js'), 'utf8');
    for (const p of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'dangerouslySetInnerHTML'])
      expect(cfg).toContain(p);
  });
});
