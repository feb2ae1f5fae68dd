/**
 * `npm run snapshot`: rebuilds the bundled offline data (lib/data/snapshot.json) and the
 * symbol universe (lib/data/universe.json, via scripts/build-universe.ts).
 *
 * Each dataset is fetched live first (the same fetch… functions the extension uses, Node's
 * fetch); when a live source does not answer, the NEWEST real recording in test/fixtures/real is
 * used instead (a recording listed here but not yet committed is copied in from the catalogue,
 * ../shared/fixtures/real or $SMALLCAP_SHARED_DIR). Either way the data is real and carries its
 * own as-of date and a note saying where it came from. `--offline` skips the live attempts.
 *
 * Joins of recordings (each noted in the snapshot's `notes` and in the provenance label):
 * - IWM and SPY daily: Stooq (adjusted, to 2026-05-04; its 2026-05-05 row is intraday and left
 *   out) then Alpha Vantage (unadjusted, 2026-05-13 … 2026-10-05). 2026-05-05 … 05-12 are in
 *   neither file; dividends after May are not adjusted (steps of a few tenths of a percent).
 * - FRED DGS2/DGS10: 2021–Feb 2026 file then the 2026 file (identical where they overlap).
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BundledSnapshot, Dataset } from '../lib/engine/datasets';
import { FETCHERS, mergeFundHistory } from '../lib/engine/refresh';
import { parseIsharesHoldings } from '../lib/sources/ishares-holdings';
import { parseIsharesFundHistory, parseIsharesFundHistoryCsv } from '../lib/sources/ishares-fund';
import { parseStooqCsv } from '../lib/sources/stooq';
import { parseFredCsv } from '../lib/sources/fred';
import { parseReconstitutionCsv } from '../lib/sources/reconstitution';
import { bundledCalendars } from '../lib/sources/calendars';
import { parseCsvRecords } from '../lib/core/csv';
import { unwrap } from '../lib/result';
import type { SourceId } from '../lib/storage';
import type { Observation } from '../lib/source-data';
import { REAL_DIR, SHARED_DIR, readReal } from '../test/shared-fixtures';
import { parseAlphaVantageDailyCsv } from '../lib/sources/alphavantage';
import { parseFedWatchCapture } from '../lib/sources/cme-fedwatch-capture';
import { parseKalshiEvents } from '../lib/sources/kalshi';
import { parsePolymarketEvents } from '../lib/sources/polymarket';
import type { PriceSeries } from '../lib/source-data';

const OUT = resolve('lib/data/snapshot.json');
const offline = process.argv.includes('--offline');
/** A recording by name: committed copy first, else copied in from the catalogue. */
const real = (name: string): string => {
  const here = resolve(REAL_DIR, name);
  const shared = resolve(SHARED_DIR, 'fixtures/real', name);
  if (!existsSync(here) && !existsSync(`${here}.gz`) && existsSync(shared)) {
    copyFileSync(shared, here);
    notes.push(`${name}: copied into test/fixtures/real from the catalogue (add a PROVENANCE.md row)`);
  }
  return readReal(name);
};
const notes: string[] = [];

/** Provenance of data read from recorded files, each named in full (a wildcard names no file). */
const recorded = (label: string, file: string | string[], asOf: string) => {
  const files = Array.isArray(file) ? file : [file];
  if (files.some((f) => /[*?]/.test(f)))
    throw new Error(`name the recorded files, not a pattern: ${files.join(', ')}`);
  return {
    source: 'bundled',
    label: `${label} (bundled snapshot)`,
    asOf,
    url: `recorded file${files.length > 1 ? 's' : ''} ${files.join(' + ')}`,
  };
};

/** Keep the newest `days` of a date-keyed series (the card needs ≤ 3 years). */
function since<T extends { date: string }>(rows: T[], from: string): T[] {
  return rows.filter((r) => r.date >= from);
}

async function tryLive(id: SourceId): Promise<Partial<BundledSnapshot> | null> {
  if (offline) return null;
  const ctl = new AbortController();
  const r = await FETCHERS[id]((input, init) => fetch(input, init), ctl.signal).catch(() => null);
  if (!r || !r.ok) {
    notes.push(
      `${id}: live source did not answer (${r && !r.ok ? r.error.message : 'error'}); recorded file used`,
    );
    return null;
  }
  notes.push(`${id}: fetched live`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.value.datasets)) {
    const [group, sub] = k.split(':');
    if (sub) out[group!] = { ...((out[group!] as object) ?? {}), [sub]: v };
    else out[k] = v;
  }
  return out as Partial<BundledSnapshot>;
}

async function main(): Promise<void> {
  // Russell 2000 / 1000 membership from iShares holdings.
  const live = await tryLive('ishares-holdings');
  const iwm =
    live?.iwm ??
    (() => {
      const h = unwrap(parseIsharesHoldings(real('IWM_holdings_2026-05-05.csv'), { fund: 'IWM' }));
      return { data: h, provenance: recorded('iShares IWM holdings', 'IWM_holdings_2026-05-05.csv', h.asOf) };
    })();
  const r1000 =
    live?.r1000 ??
    (() => {
      const h = unwrap(parseIsharesHoldings(real('IWB_holdings_2026-07-17.csv'), { fund: 'IWB' }));
      return {
        data: h.constituents.map((c) => c.ticker),
        provenance: recorded('iShares IWB holdings (Russell 1000)', 'IWB_holdings_2026-07-17.csv', h.asOf),
      };
    })();

  // S&P 500 membership (Wikipedia table as scraped by datasets/s-and-p-500-companies).
  const spRows = parseCsvRecords(real('sp500_constituents_wikipedia_2026-08-08.csv')) ?? [];
  const sp500: Dataset<string[]> = {
    data: spRows
      .slice(1)
      .map((r) => r[0]!)
      .filter(Boolean),
    provenance: {
      source: 'bundled',
      label: 'S&P 500 constituents (Wikipedia, via datasets/s-and-p-500-companies)',
      asOf: '2026-08-08',
      url: 'https://en.wikipedia.org/wiki/List_of_S%26P_500_companies',
    },
  };

  // IWM fund history: the long converted history (to Feb 2025) plus the Dec 2025 file.
  const liveFund = await tryLive('ishares-fund');
  let fundHistory = liveFund?.fundHistory;
  if (!fundHistory) {
    const long = unwrap(parseIsharesFundHistoryCsv(real('ishares_IWM_fund_historical_2025-02-04.csv')));
    const recent = unwrap(
      parseIsharesFundHistory(real('ishares_IWM_fund_2025-12-24.excerpt.spreadsheetml.xls')),
    );
    const merged = mergeFundHistory(long.history, recent.history);
    const last = merged.at(-1)!.date;
    fundHistory = {
      data: since(merged, '2021-06-01'),
      provenance: recorded(
        'iShares IWM fund history',
        [
          'ishares_IWM_fund_historical_2025-02-04.csv',
          'ishares_IWM_fund_2025-12-24.excerpt.spreadsheetml.xls',
        ],
        last,
      ),
    };
    notes.push(
      'ishares-fund: the recorded history has a gap from 2025-02-05 to 2025-07-22 (no public copy); flows are not computed across it',
    );
  }

  // Prices: Stooq history (adjusted) joined to the newer Alpha Vantage closes (unadjusted).
  const livePrices = await tryLive('prices');
  const joinedPrices = (symbol: 'IWM' | 'SPY', stooqFile: string, avFile: string, from: string) => {
    const stooq = unwrap(parseStooqCsv(real(stooqFile), symbol));
    const av = unwrap(parseAlphaVantageDailyCsv(real(avFile), symbol));
    // The Stooq files' last row (2026-05-05) was taken mid-session: not a close (SOURCES.md §12).
    const partial = stooq.bars.at(-1)!;
    const history = stooq.bars.filter((b) => b.date < partial.date && b.date >= from);
    const newer = av.bars.filter((b) => b.date > partial.date);
    const bars = [...history, ...newer];
    const data: PriceSeries = {
      ...stooq,
      bars,
      lastPrice: bars.at(-1)!.close,
      previousClose: bars.at(-2)?.close ?? null,
    };
    notes.push(
      `prices ${symbol}: Stooq ${history[0]!.date} … ${history.at(-1)!.date} (adjusted; the intraday ${partial.date} row left out) + Alpha Vantage ${newer[0]!.date} … ${newer.at(-1)!.date} (unadjusted)`,
    );
    return {
      data,
      provenance: recorded(
        `${symbol} daily closes (Stooq to ${history.at(-1)!.date}, Alpha Vantage unadjusted from ${newer[0]!.date})`,
        `${stooqFile} + ${avFile}`,
        bars.at(-1)!.date,
      ),
    };
  };
  const iwmPrices =
    livePrices?.prices?.IWM ??
    joinedPrices(
      'IWM',
      'stooq_iwm_us_d_2026-05-05.csv',
      'alphavantage_IWM_daily_compact_2026-10-05.csv',
      '2023-05-01',
    );
  const spyPrices =
    livePrices?.prices?.SPY ??
    joinedPrices(
      'SPY',
      'stooq_spy_us_d_2026-05-05.csv',
      'alphavantage_SPY_daily_compact_2026-10-05.csv',
      '2023-05-01',
    );

  // FRED yields and the target range.
  const liveFred = await tryLive('fred');
  const fredFile = (id: string, file: string): Dataset<Observation[]> => {
    const d = unwrap(parseFredCsv(real(file), id));
    const obs = since(d.series[id] ?? [], '2023-01-01');
    return { data: obs, provenance: recorded(`FRED ${id}`, file, obs.at(-1)!.date) };
  };
  /** Two recordings of one series, the newer one winning where they overlap. */
  const fredJoined = (id: string, older: string, newer: string): Dataset<Observation[]> => {
    const a = fredFile(id, older);
    const b = fredFile(id, newer);
    const byDate = new Map([...a.data, ...b.data].map((o) => [o.date, o]));
    const obs = [...byDate.values()].sort((x, y) => x.date.localeCompare(y.date));
    return { data: obs, provenance: recorded(`FRED ${id}`, `${older} + ${newer}`, obs.at(-1)!.date) };
  };
  const fred = {
    DGS2:
      liveFred?.fred?.DGS2 ??
      fredJoined('DGS2', 'fred_DGS2_2021-02-12_to_2026-02-12.csv', 'fred_DGS2_2026-01-02_to_2026-09-10.csv'),
    DGS10:
      liveFred?.fred?.DGS10 ??
      fredJoined(
        'DGS10',
        'fred_DGS10_2021-02-12_to_2026-02-12.csv',
        'fred_DGS10_2026-01-02_to_2026-09-10.csv',
      ),
    DFEDTARU: liveFred?.fred?.DFEDTARU ?? fredFile('DFEDTARU', 'fred_DFEDTARU_2020-06-29_to_2025-06-29.csv'),
    // The recorded DFEDTARL ends in Jan 2024, older than DFEDTARU: leave it out rather than mix dates.
    DFEDTARL: liveFred?.fred?.DFEDTARL ?? null,
  };

  const liveEffr = await tryLive('nyfed');
  const liveFutures = await tryLive('fed-futures');
  const liveKalshi = await tryLive('kalshi');
  const livePoly = await tryLive('polymarket');
  if (!liveFutures)
    notes.push(
      'fed-futures: no recorded quotes for coming meetings; the rates factor shows the recorded CME FedWatch table and Kalshi odds (Oct 2026), dated and stale',
    );
  const kalshiFile = 'kalshi_KXFEDDECISION_26OCT_26DEC_27JAN_2026-10-06.trimmed.json';
  const kalshi =
    liveKalshi?.kalshi ??
    ({
      data: unwrap(parseKalshiEvents(real(kalshiFile), { asOf: '2026-10-06' })),
      provenance: recorded('Kalshi Fed decision markets (KXFEDDECISION)', kalshiFile, '2026-10-06'),
    } as const);
  const polyFile = 'polymarket_gamma_event_fed-decision-in-september-762_2026-09-15.trimmed.json';
  const polymarket =
    livePoly?.polymarket ??
    ({
      data: unwrap(parsePolymarketEvents(real(polyFile), { asOf: '2026-09-15' })),
      provenance: recorded('Polymarket Fed decision markets', polyFile, '2026-09-15'),
    } as const);
  const captureFile = 'cme_fedwatch_cmegroupcn_daily_2026-10-10.json';
  const capture = unwrap(parseFedWatchCapture(real(captureFile)));
  const fedWatchCapture = {
    data: capture,
    provenance: {
      source: 'bundled',
      label: 'CME FedWatch published table (page capture, bundled snapshot)',
      asOf: capture.asOf,
      url: 'https://www.cmegroup.com/markets/interest-rates/cme-fedwatch-tool.html',
    },
  };

  // The newest reconstitution lists: June 2026 (derived from FTSE Russell's final PDFs).
  const recon = (file: string, change: 'added' | 'deleted') =>
    unwrap(parseReconstitutionCsv(real(file), change, '2026-06-26'));
  const reconstitution: Dataset<ReturnType<typeof recon>> = {
    data: [
      ...recon('ftserussell_ru3000_additions_final_2026-06-26.derived.csv', 'added'),
      ...recon('ftserussell_ru3000_deletions_final_2026-06-26.derived.csv', 'deleted'),
    ],
    provenance: {
      source: 'bundled',
      label: 'FTSE Russell final Russell 3000 additions and deletions, June 2026 (text of the PDFs)',
      asOf: '2026-06-26',
      url: 'https://www.lseg.com/content/dam/ftse-russell/en_us/documents/other/ru3000-additions-20260626.pdf',
    },
  };

  const cal = bundledCalendars();
  const snapshot: BundledSnapshot = {
    builtAt: new Date().toISOString(),
    notes,
    iwm: iwm as BundledSnapshot['iwm'],
    r1000: r1000 as BundledSnapshot['r1000'],
    sp500,
    fundHistory: fundHistory as BundledSnapshot['fundHistory'],
    prices: {
      IWM: iwmPrices as BundledSnapshot['prices']['IWM'],
      SPY: spyPrices as BundledSnapshot['prices']['SPY'],
    },
    fred: fred as BundledSnapshot['fred'],
    effr: (liveEffr?.effr as BundledSnapshot['effr']) ?? null,
    futures: (liveFutures?.futures as BundledSnapshot['futures']) ?? null,
    kalshi: kalshi as BundledSnapshot['kalshi'],
    polymarket: polymarket as BundledSnapshot['polymarket'],
    fedWatchCapture,
    reconstitution,
    calendars: {
      data: cal,
      provenance: {
        source: 'bundled',
        label: 'FOMC and Russell calendars (Fed and FTSE Russell releases)',
        asOf: cal.asOf,
      },
    },
  };
  writeFileSync(OUT, JSON.stringify(snapshot) + '\n');
  const kb = (readFileSync(OUT).length / 1024).toFixed(0);
  console.log(`Wrote ${OUT} (${kb} KB)`);
  for (const n of notes) console.log(`  - ${n}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
