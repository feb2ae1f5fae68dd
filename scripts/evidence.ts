/**
 * Part of `npm run snapshot`: writes lib/data/evidence.json, the "What happened next" evidence
 * (lib/signals/evidence.ts) over the long histories. Its own file, beside snapshot.json, because
 * the inputs are far longer than what the snapshot bundles (the card needs 3 years, the evidence
 * needs all 25).
 *
 * Inputs: the IWM fund history (a live iShares fund file, which carries the full history, merged
 * over the recorded one; the recorded one alone when the live source does not answer or with
 * `--offline` / SCL_OFFLINE=1), Stooq's IWM and SPY daily histories and FRED DGS2 (recorded).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { invokedDirectly } from './cli';
import { FETCHERS, mergeFundHistory } from '../lib/engine/refresh';
import { unwrap } from '../lib/result';
import { computeEvidence, type EvidenceInputs } from '../lib/signals/evidence';
import { MAX_BRIDGE_DAYS } from '../lib/signals/flows';
import type { EvidenceReport, EvidenceSourceKey } from '../lib/signals/evidence-text';
import { parseIsharesFundHistory, parseIsharesFundHistoryCsv } from '../lib/sources/ishares-fund';
import { parseFredCsv } from '../lib/sources/fred';
import { parseStooqCsv } from '../lib/sources/stooq';
import type { FundHistoryRow, Provenance } from '../lib/source-data';
import { REAL_DIR } from '../test/shared-fixtures';

export const EVIDENCE_OUT = resolve('lib/data/evidence.json');
const real = (name: string) => readFileSync(resolve(REAL_DIR, name), 'utf8');

const recorded = (label: string, file: string, asOf: string, url?: string): Provenance => ({
  source: 'bundled',
  label,
  asOf,
  url: url ?? `recorded file ${file}`,
});

/** The recorded histories, with where each came from. */
export function recordedEvidenceInputs(): {
  inputs: EvidenceInputs;
  sources: Provenance[];
  sourceKeys: EvidenceSourceKey[];
  notes: string[];
} {
  const long = unwrap(parseIsharesFundHistoryCsv(real('ishares_IWM_fund_historical_2025-02-04.csv'))).history;
  const recent = unwrap(
    parseIsharesFundHistory(real('ishares_IWM_fund_2025-12-24.excerpt.spreadsheetml.xls')),
  ).history;
  const fundHistory = mergeFundHistory(long, recent);
  const iwm = unwrap(parseStooqCsv(real('stooq_iwm_us_d_2026-05-05.csv'), 'IWM')).bars;
  const spy = unwrap(parseStooqCsv(real('stooq_spy_us_d_2026-05-05.csv'), 'SPY')).bars;
  // Stooq's last row (5 May 2026) is intraday in both files: leave it out.
  const closes = (bars: typeof iwm) =>
    bars.filter((b) => b.date < '2026-05-05').map(({ date, close }) => ({ date, close }));
  const dgsOld =
    unwrap(parseFredCsv(real('fred_DGS2_2021-02-12_to_2026-02-12.csv'), 'DGS2')).series.DGS2 ?? [];
  const dgsNew =
    unwrap(parseFredCsv(real('fred_DGS2_2026-01-02_to_2026-09-10.csv'), 'DGS2')).series.DGS2 ?? [];
  const lastOld = dgsOld.at(-1)?.date ?? '';
  const dgs2 = [...dgsOld, ...dgsNew.filter((o) => o.date > lastOld)];
  const inputs: EvidenceInputs = { fundHistory, iwmCloses: closes(iwm), spyCloses: closes(spy), dgs2 };
  return {
    inputs,
    sources: [
      recorded(
        'iShares IWM fund history (NAV, distributions, shares outstanding)',
        'ishares_IWM_fund_historical_2025-02-04.csv + ishares_IWM_fund_2025-12-24.excerpt.spreadsheetml.xls',
        fundHistory.at(-1)!.date,
      ),
      recorded('IWM daily closes (Stooq)', 'stooq_iwm_us_d_2026-05-05.csv', inputs.iwmCloses!.at(-1)!.date),
      recorded(
        'SPY daily closes, dividend-adjusted (Stooq)',
        'stooq_spy_us_d_2026-05-05.csv',
        inputs.spyCloses!.at(-1)!.date,
      ),
      recorded('FRED DGS2 (2-year Treasury yield)', 'fred_DGS2_*', dgs2.at(-1)!.date),
    ],
    sourceKeys: ['fund', 'iwm', 'spy', 'dgs2'],
    notes: [
      'Stooq’s recorded IWM closes are not dividend-adjusted from late 2022 on; they only set the IWM/SPY trend, returns come from the NAV.',
    ],
  };
}

export function buildEvidenceReport(
  inputs: EvidenceInputs,
  sources: Provenance[],
  sourceKeys: EvidenceSourceKey[],
  notes: string[],
  generatedAt = new Date().toISOString(),
): EvidenceReport {
  const rows = [...inputs.fundHistory].sort((a, b) => (a.date < b.date ? -1 : 1));
  const holes: string[] = [];
  for (let i = 1; i < rows.length; i++) {
    if (Date.parse(rows[i]!.date) - Date.parse(rows[i - 1]!.date) > MAX_BRIDGE_DAYS * 86_400_000)
      holes.push(`${rows[i - 1]!.date} and ${rows[i]!.date}`);
  }
  const holeNotes = holes.length
    ? [`The fund history has no rows between ${holes.join('; ')}; no return window crosses a hole.`]
    : [];
  return {
    generatedAt,
    evidence: computeEvidence(inputs),
    sources,
    sourceKeys,
    notes: [...notes, ...holeNotes],
  };
}

async function main(): Promise<void> {
  const offline = process.argv.includes('--offline') || process.env.SCL_OFFLINE === '1';
  const { inputs, sources, sourceKeys, notes } = recordedEvidenceInputs();
  if (!offline) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), 60_000);
    const r = await FETCHERS['ishares-fund']((input, init) => fetch(input, init), ctl.signal).catch(
      () => null,
    );
    clearTimeout(timer);
    const live = r?.ok ? r.value.datasets.fundHistory : undefined;
    if (live) {
      const rows = live.data as FundHistoryRow[];
      inputs.fundHistory = mergeFundHistory([...inputs.fundHistory], rows);
      sources[0] = {
        ...live.provenance,
        label: `${live.provenance.label} (merged over the recorded history)`,
      };
      notes.push(`ishares-fund: fetched live (${rows.length} rows, to ${live.provenance.asOf})`);
    } else
      notes.push(
        `ishares-fund: live source did not answer (${r && !r.ok ? r.error.message : 'error'}); recorded history used`,
      );
  }
  const report = buildEvidenceReport(inputs, sources, sourceKeys, notes);
  writeFileSync(EVIDENCE_OUT, JSON.stringify(report) + '\n');
  const kb = (readFileSync(EVIDENCE_OUT).length / 1024).toFixed(0);
  console.log(`Wrote ${EVIDENCE_OUT} (${kb} KB), history to ${report.evidence.asOf}`);
  for (const n of report.notes) console.log(`  - ${n}`);
}

if (invokedDirectly(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
