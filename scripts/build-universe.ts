/**
 * Writes lib/data/universe.json from the symbol directory files and index membership lists.
 *
 *   tsx scripts/build-universe.ts [--real DIR] [--out FILE]
 *
 * Inputs (defaults: the recordings committed in test/fixtures/real): nasdaqlisted.txt, otherlisted.txt,
 * SEC company_tickers_exchange.json, iShares IWM (Russell 2000) and IWB (Russell 1000) holdings CSVs,
 * S&P 500 constituents CSV (first column = symbol). Override any with --nasdaq/--other/--sec/--iwm/--iwb/--sp500.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unwrap } from '../lib/result';
import { parseNasdaqListed, parseOtherListed } from '../lib/sources/nasdaq-trader';
import { parseSecCompanyTickersExchange } from '../lib/sources/sec-tickers';
import { parseIsharesHoldings } from '../lib/sources/ishares-holdings';
import { buildUniverseData } from '../lib/detect/build';

const here = dirname(fileURLToPath(import.meta.url));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// The recordings committed under test/fixtures/real (copies of ../shared/fixtures/real); --real DIR
// points at another catalogue, e.g. ../shared/fixtures/real when newer recordings arrive there.
const realDir = resolve(arg('real') ?? resolve(here, '../test/fixtures/real'));
const real = (f: string) => resolve(realDir, f);
const files = {
  nasdaq: arg('nasdaq') ?? real('nasdaqlisted_2026-07-31.txt'),
  other: arg('other') ?? real('otherlisted_2026-07-31.txt'),
  sec: arg('sec') ?? real('sec_company_tickers_exchange_2026-08-22.json'),
  iwm: arg('iwm') ?? real('IWM_holdings_2026-05-05.csv'),
  iwb: arg('iwb') ?? real('IWB_holdings_2026-07-17.csv'),
  sp500: arg('sp500') ?? real('sp500_constituents_wikipedia_2026-08-08.csv'),
};
const out = resolve(arg('out') ?? resolve(here, '../lib/data/universe.json'));
const read = (f: string) => readFileSync(f, 'utf8');

const nasdaq = unwrap(parseNasdaqListed(read(files.nasdaq)));
const other = unwrap(parseOtherListed(read(files.other)));
const sec = unwrap(parseSecCompanyTickersExchange(read(files.sec)));
const iwm = unwrap(parseIsharesHoldings(read(files.iwm), { fund: 'IWM' }));
const iwb = unwrap(parseIsharesHoldings(read(files.iwb), { fund: 'IWB' }));
// Wikipedia/datahub CSV: first column is the dotted symbol; no quoting in that column.
const sp500 = read(files.sp500)
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(',')[0]?.trim() ?? '')
  .filter((s) => s !== '');
const secDate = /(\d{4}-\d{2}-\d{2})/.exec(files.sec)?.[1];
const spDate = /(\d{4}-\d{2}-\d{2})/.exec(files.sp500)?.[1];

const report = buildUniverseData({
  nasdaqListed: nasdaq.rows,
  otherListed: other.rows,
  sec,
  r2000: iwm.constituents.map((c) => c.ticker),
  r1000: iwb.constituents.map((c) => c.ticker),
  sp500,
  asOf: {
    nasdaqTrader: (nasdaq.fileCreationTime ?? '').slice(0, 10),
    ...(secDate ? { sec: secDate } : {}),
    r2000: iwm.asOf,
    r1000: iwb.asOf,
    ...(spDate ? { sp500: spDate } : {}),
  },
});

mkdirSync(dirname(out), { recursive: true });
// One row per line keeps diffs of the bundled file readable.
const json = `{"v":1,"asOf":${JSON.stringify(report.data.asOf)},"rows":[\n${report.data.rows
  .map((r) => JSON.stringify(r))
  .join(',\n')}\n]}\n`;
writeFileSync(out, json);
console.error(`wrote ${out}: ${json.length} bytes`);
console.error(JSON.stringify(report.counts));
for (const [k, v] of Object.entries(report.unmatched)) {
  if (v.length) console.error(`${k}: ${v.length} unmatched: ${v.slice(0, 30).join(' ')}`);
}
