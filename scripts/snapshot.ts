/**
 * `npm run snapshot`: rebuilds the bundled offline data (lib/data/snapshot.json) and the
 * symbol universe (lib/data/universe.json, via scripts/build-universe.ts).
 *
 * Each dataset is fetched live first (the same fetch… functions the extension uses, Node's
 * fetch); when a live source does not answer, the real recorded response in
 * ../shared/fixtures/real is used instead. Either way the data is real and carries its own
 * as-of date and a note saying where it came from. `--offline` skips the live attempts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BundledSnapshot, Dataset } from '../lib/engine/data';
import { FETCHERS, mergeFundHistory } from '../lib/engine/refresh';
import { parseIsharesHoldings } from '../lib/sources/ishares-holdings';
import { parseIsharesFundHistory, parseIsharesFundHistoryCsv } from '../lib/sources/ishares-fund';
import { parseStooqCsv } from '../lib/sources/stooq';
import { parseYahooChart } from '../lib/sources/yahoo-chart';
import { parseFredCsv } from '../lib/sources/fred';
import { parseReconstitutionCsv } from '../lib/sources/reconstitution';
import { bundledCalendars } from '../lib/sources/calendars';
import { parseCsvRecords } from '../lib/sources/reconstitution';
import { unwrap } from '../lib/result';
import type { SourceId } from '../lib/storage';
import type { Observation } from '../lib/types';
import { REAL_DIR } from '../test/shared-fixtures';

const OUT = resolve('lib/data/snapshot.json');
const offline = process.argv.includes('--offline');
const real = (name: string) => readFileSync(resolve(REAL_DIR, name), 'utf8');
const notes: string[] = [];

const recorded = (label: string, file: string, asOf: string) => ({
  source: 'bundled',
  label: `${label} (bundled snapshot)`,
  asOf,
  url: `recorded file ${file}`,
});

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
      provenance: recorded('iShares IWM fund history', 'ishares_IWM_fund_*', last),
    };
    notes.push(
      'ishares-fund: the recorded history has a gap from 2025-02-05 to 2025-07-22 (no public copy); flows are not computed across it',
    );
  }

  // Prices: IWM (Stooq recorded, 2y), SPY (Yahoo recorded, 5 days: no longer SPY history was found).
  const livePrices = await tryLive('prices');
  const iwmPrices =
    livePrices?.prices?.IWM ??
    (() => {
      const s = unwrap(parseStooqCsv(real('stooq_iwm_us_d_2026-05-05.csv'), 'IWM'));
      s.bars = since(s.bars, '2023-05-01');
      return {
        data: s,
        provenance: {
          ...recorded('IWM daily closes (Stooq)', 'stooq_iwm_us_d_2026-05-05.csv', s.bars.at(-1)!.date),
        },
      };
    })();
  const spyPrices =
    livePrices?.prices?.SPY ??
    (() => {
      const env = JSON.parse(real('yahoo_chart_SPY_5d_2026-02-20.json')) as unknown;
      const s = unwrap(parseYahooChart(JSON.stringify(env)));
      return {
        data: s,
        provenance: recorded(
          'SPY daily closes (Yahoo Finance)',
          'yahoo_chart_SPY_5d_2026-02-20.json',
          s.bars.at(-1)!.date,
        ),
      };
    })();

  // FRED yields and the target range.
  const liveFred = await tryLive('fred');
  const fredFile = (id: string, file: string): Dataset<Observation[]> => {
    const d = unwrap(parseFredCsv(real(file), id));
    const obs = since(d.series[id] ?? [], '2023-01-01');
    return { data: obs, provenance: recorded(`FRED ${id}`, file, obs.at(-1)!.date) };
  };
  const fred = {
    DGS2: liveFred?.fred?.DGS2 ?? fredFile('DGS2', 'fred_DGS2_2021-02-12_to_2026-02-12.csv'),
    DGS10: liveFred?.fred?.DGS10 ?? fredFile('DGS10', 'fred_DGS10_2021-02-12_to_2026-02-12.csv'),
    DFEDTARU: liveFred?.fred?.DFEDTARU ?? fredFile('DFEDTARU', 'fred_DFEDTARU_2020-06-29_to_2025-06-29.csv'),
    // The recorded DFEDTARL ends in Jan 2024, older than DFEDTARU: leave it out rather than mix dates.
    DFEDTARL: liveFred?.fred?.DFEDTARL ?? null,
  };

  const liveEffr = await tryLive('nyfed');
  const liveFutures = await tryLive('fed-futures');
  const liveKalshi = await tryLive('kalshi');
  const livePoly = await tryLive('polymarket');
  if (!liveFutures)
    notes.push('fed-futures: no recorded quotes for upcoming meetings; rate odds need a live refresh');

  const recon = (file: string, change: 'added' | 'deleted') =>
    unwrap(parseReconstitutionCsv(real(file), change, '2025-06-27'));
  const reconstitution: Dataset<ReturnType<typeof recon>> = {
    data: [
      ...recon('ftserussell_ru3000_additions_final_2025-06-27.extracted.csv', 'added'),
      ...recon('ftserussell_ru3000_deletions_final_2025-06-27.extracted.csv', 'deleted'),
    ],
    provenance: {
      source: 'bundled',
      label: 'FTSE Russell final Russell 3000 additions and deletions, June 2025',
      asOf: '2025-06-27',
      url: 'https://www.lseg.com/content/dam/ftse-russell/en_us/documents/other/ru3000-additions-20250627.pdf',
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
    kalshi: (liveKalshi?.kalshi as BundledSnapshot['kalshi']) ?? null,
    polymarket: (livePoly?.polymarket as BundledSnapshot['polymarket']) ?? null,
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
