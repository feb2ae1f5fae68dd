/**
 * Property-based tests of every parser in lib/sources: arbitrary text (any unicode, hostile
 * snippets, random JSON) and mutated copies of the real recorded files in ../shared (truncated,
 * lines dropped, duplicated, moved, junk spliced in; JSON values swapped for junk) never throw
 * past the module boundary. Each answer is `ok` or a typed SourceError (lib/result.ts).
 * The per-parser example tests next to this file check the values; these check the contract.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { anyText, excerpt, expectResult, jsonMutated, mutated, RUNS, tally } from '../../test/unit/fuzz';
import type { Result } from '../result';
import { parseCalendars } from './calendars';
import { parseYahooFuturesChart } from './fed-futures';
import { parseFredCsv } from './fred';
import { parseFuturesCsv } from './futures-csv';
import { parseIsharesFundHistory, parseIsharesFundHistoryCsv } from './ishares-fund';
import { parseIsharesHoldings } from './ishares-holdings';
import { parseKalshiEvents } from './kalshi';
import { parseNasdaqListed, parseOtherListed } from './nasdaq-trader';
import { parseNyFedEffr } from './nyfed';
import { parsePolymarketEvents } from './polymarket';
import { parseReconstitutionCsv } from './reconstitution';
import { parseSecCompanyTickers, parseSecCompanyTickersExchange } from './sec-tickers';
import { parseStooqCsv } from './stooq';
import { parseYahooChart } from './yahoo-chart';

const AS_OF = '2026-09-15T12:00:00.000Z';

/** The gadicc recordings wrap the wire body in {request, response: {bodyJson}} (as yahoo-chart.test.ts). */
function recordedBody(raw: string): string {
  return JSON.stringify((JSON.parse(raw) as { response: { bodyJson: unknown } }).response.bodyJson);
}

/**
 * The real GC=F envelope with a ZQ symbol and a real ZQ close (94.715, ZQK23 on 2023-03-09, from
 * zq_contracts_daily) put in, as fed-futures.test.ts does: no real Yahoo ZQ body is recorded.
 */
function zqBody(raw: string, symbol: string): string {
  const body = JSON.parse(recordedBody(raw)) as {
    chart: {
      result: Array<{ meta: Record<string, unknown>; indicators: { quote: Array<Record<string, unknown>> } }>;
    };
  };
  const r = body.chart.result[0]!;
  Object.assign(r.meta, {
    symbol,
    regularMarketPrice: 94.715,
    chartPreviousClose: 94.7,
    shortName: 'Fed Funds May 23',
  });
  r.indicators.quote[0] = { open: [94.7], high: [94.72], low: [94.7], close: [94.715], volume: [1000] };
  return JSON.stringify(body);
}

interface ParserCase {
  name: string;
  parse: (text: string) => Result<unknown>;
  /** Real recorded files this parser reads; `json` = also mutate values inside the document. */
  fixtures: Array<{
    file: string;
    json?: boolean;
    /** Large file: mutate an excerpt (line files) or the first records (JSON). */
    big?: boolean;
    /** How the tests next to the parser turn the recorded file into a wire body. */
    load?: (raw: string) => string;
    /** Fewer runs for a whole large file (each parse costs ~20 ms). */
    runs?: number;
    /** The unmutated file is a typed refusal by design (e.g. another Kalshi series). */
    refused?: boolean;
  }>;
}

export const PARSERS: ParserCase[] = [
  {
    name: 'parseIsharesHoldings',
    parse: (t) => parseIsharesHoldings(t),
    fixtures: [
      // Whole files: an excerpt fails the "weights sum to ~100 %" check before the rows matter.
      { file: 'IWM_holdings_2026-05-05.csv', runs: 80 },
      { file: 'IWB_holdings_2026-07-17.csv', runs: 120 },
      { file: 'ishares_IVV_holdings_2025-11-18.csv' },
    ],
  },
  {
    name: 'parseIsharesFundHistory',
    parse: (t) => parseIsharesFundHistory(t),
    fixtures: [{ file: 'ishares_IWM_fund_2025-12-24.excerpt.spreadsheetml.xls' }],
  },
  {
    name: 'parseIsharesFundHistoryCsv',
    parse: (t) => parseIsharesFundHistoryCsv(t),
    fixtures: [{ file: 'ishares_IWM_fund_historical_2025-02-04.csv', big: true }],
  },
  {
    name: 'parseYahooChart',
    parse: (t) => parseYahooChart(t),
    fixtures: [
      { file: 'yahoo_chart_SPY_5d_2026-02-20.json', json: true },
      { file: 'yahoo_chart_recorded_AAPL-2020-08-31-to-2020-11-07.json', json: true, load: recordedBody },
      { file: 'yahoo_chart_recorded_QQQ-2020-01-01-to-2020-01-03.json', json: true, load: recordedBody },
    ],
  },
  {
    name: 'parseStooqCsv',
    parse: (t) => parseStooqCsv(t, 'IWM'),
    fixtures: [{ file: 'stooq_iwm_us_d_2026-05-05.csv', big: true }],
  },
  {
    name: 'parseFredCsv',
    parse: (t) => parseFredCsv(t, 'DGS2'),
    fixtures: [
      { file: 'fred_DGS2_2021-02-12_to_2026-02-12.csv', big: true },
      { file: 'fred_DGS2_oldformat_tail_to_2024-01-25.csv' },
    ],
  },
  {
    name: 'parseFredCsv (any series)',
    parse: (t) => parseFredCsv(t),
    fixtures: [
      { file: 'fred_DFEDTARU_2020-06-29_to_2025-06-29.csv', big: true },
      { file: 'fred_DFEDTARL_oldformat_2008-12-16_to_2024-01-31.csv', big: true },
    ],
  },
  {
    name: 'parseNyFedEffr',
    parse: (t) => parseNyFedEffr(t),
    fixtures: [{ file: 'nyfed_effr_search_2023-01-01_to_2023-06-06.json', json: true }],
  },
  {
    name: 'parseFuturesCsv',
    parse: (t) => parseFuturesCsv(t),
    fixtures: [{ file: 'zq_contracts_daily_2023-02-01_to_2023-04-14.csv', big: true }],
  },
  {
    name: 'parseYahooFuturesChart (dated contract)',
    parse: (t) => parseYahooFuturesChart(t, 'ZQK23'),
    fixtures: [
      {
        file: 'yahoo_chart_recorded_GC_F-2020-01-01-to-2020-01-03.json',
        json: true,
        load: (raw) => zqBody(raw, 'ZQK23.CBT'),
      },
    ],
  },
  {
    name: 'parseYahooFuturesChart (front month)',
    parse: (t) => parseYahooFuturesChart(t, 'ZQ=F'),
    fixtures: [
      {
        file: 'yahoo_chart_recorded_GC_F-2020-01-01-to-2020-01-03.json',
        json: true,
        load: (raw) => zqBody(raw, 'ZQ=F'),
      },
    ],
  },
  {
    name: 'parseKalshiEvents',
    parse: (t) => parseKalshiEvents(t, { asOf: AS_OF }),
    fixtures: [
      { file: 'kalshi_event_KXFEDDECISION-25OCT.as_pasted.json', json: true },
      // Another series: refused as 'empty' by design; mutations must not make it throw either.
      { file: 'kalshi_event_KXFEDFUNDSYEAR-37JAN01_2026-09-15.trimmed.json', json: true, refused: true },
    ],
  },
  {
    name: 'parsePolymarketEvents',
    parse: (t) => parsePolymarketEvents(t, { asOf: AS_OF }),
    fixtures: [
      { file: 'polymarket_gamma_event_fed-decision-in-september-762_2026-09-15.trimmed.json', json: true },
    ],
  },
  {
    name: 'parseReconstitutionCsv (added)',
    parse: (t) => parseReconstitutionCsv(t, 'added', '2025-06-27'),
    fixtures: [{ file: 'ftserussell_ru3000_additions_final_2025-06-27.extracted.csv' }],
  },
  {
    name: 'parseReconstitutionCsv (deleted)',
    parse: (t) => parseReconstitutionCsv(t, 'deleted', '2025-06-27'),
    fixtures: [{ file: 'ftserussell_ru3000_deletions_final_2025-06-27.extracted.csv' }],
  },
  {
    name: 'parseCalendars',
    parse: (t) => parseCalendars(t),
    // The shared file is a transcription in another layout; lib/data/calendars.json is the wire
    // format parseCalendars reads (transcribed from it), so mutate that.
    fixtures: [
      {
        file: 'calendars_fomc_russell_2025_2027.json',
        json: true,
        load: () => readFileSync(resolve(__dirname, '../data/calendars.json'), 'utf8'),
      },
    ],
  },
  {
    name: 'parseNasdaqListed',
    parse: (t) => parseNasdaqListed(t),
    fixtures: [{ file: 'nasdaqlisted_2026-07-31.txt', big: true }],
  },
  {
    name: 'parseOtherListed',
    parse: (t) => parseOtherListed(t),
    fixtures: [{ file: 'otherlisted_2026-07-31.txt', big: true }],
  },
  {
    name: 'parseSecCompanyTickers',
    parse: (t) => parseSecCompanyTickers(t),
    fixtures: [{ file: 'sec_company_tickers_2026-08-01.json', json: true, big: true }],
  },
  {
    name: 'parseSecCompanyTickersExchange',
    parse: (t) => parseSecCompanyTickersExchange(t),
    fixtures: [{ file: 'sec_company_tickers_exchange_2026-08-22.json', json: true, big: true }],
  },
];

/** Big JSON files: keep the first records only (the structure, not the bulk). */
function jsonExcerpt(text: string): string {
  const doc = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  if (Array.isArray(doc)) return JSON.stringify(doc.slice(0, 200));
  if (doc && typeof doc === 'object') {
    const o = doc as Record<string, unknown>;
    if (Array.isArray(o.data)) return JSON.stringify({ ...o, data: o.data.slice(0, 200) });
    return JSON.stringify(Object.fromEntries(Object.entries(o).slice(0, 200)));
  }
  return text;
}

afterAll(() => {
  console.info(`[fuzz] lib/sources parsers: ${tally.inputs} inputs tried, none threw`);
});

describe('every parser: arbitrary text never throws and answers ok or a typed error', () => {
  for (const p of PARSERS) {
    it(p.name, () => {
      fc.assert(
        fc.property(anyText, (s) => {
          expectResult(() => p.parse(s));
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('every parser: mutated real recorded files never throw', () => {
  for (const p of PARSERS) {
    for (const f of p.fixtures) {
      const full = f.load ? f.load(readReal(f.file)) : readReal(f.file);
      const base = f.big ? (f.json ? jsonExcerpt(full) : excerpt(full)) : full;
      it(`${p.name} ← ${f.file} (lines and bytes mutated)`, () => {
        // Mutations start from a body the parser accepts (else they would test one early exit).
        expect(expectResult(() => p.parse(base)).ok).toBe(!f.refused);
        fc.assert(
          fc.property(mutated(base), (s) => {
            expectResult(() => p.parse(s));
          }),
          { numRuns: f.runs ?? RUNS },
        );
      });
      if (f.json) {
        it(`${p.name} ← ${f.file} (JSON values replaced by junk)`, () => {
          fc.assert(
            fc.property(jsonMutated(base), (s) => {
              expectResult(() => p.parse(s));
            }),
            { numRuns: f.runs ?? RUNS },
          );
        });
      }
    }
  }
});
