import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { unwrap } from '../result';
import { parseIsharesFundHistory, parseIsharesFundHistoryCsv } from '../sources/ishares-fund';
import { mergeFundHistory } from './refresh';
import type { EvidenceReport } from '../signals/evidence-text';
import type { BundledSnapshot } from './datasets';
import { evidenceView } from './evidence';
import type { LoadedData } from './repository';

const root = resolve(__dirname, '../..');
const snapshot = JSON.parse(readFileSync(resolve(root, 'lib/data/snapshot.json'), 'utf8')) as BundledSnapshot;
const bundled = JSON.parse(readFileSync(resolve(root, 'lib/data/evidence.json'), 'utf8')) as EvidenceReport;
const loaded = (data: BundledSnapshot, fromBundle: string[]): LoadedData => ({
  data,
  fromBundle: new Set(fromBundle) as LoadedData['fromBundle'],
  storageError: null,
});

describe('evidence served by the background', () => {
  it('serves the bundled report with today’s conditions read from the card’s own data', () => {
    const v = evidenceView(
      loaded(snapshot, ['fundHistory', 'prices:IWM', 'prices:SPY', 'fred:DGS2']),
      bundled,
    );
    expect(v.basis).toBe('bundled');
    expect(v.report).toBe(bundled);
    expect(v.report.evidence.factors.map((f) => f.id)).toEqual(['flows', 'drawdown', 'relative', 'yields']);
    // The bundled snapshot carries 3+ years of fund history and IWM prices: both are readable.
    expect(v.today.flows?.conditionIds.length).toBe(1);
    expect(v.today.drawdown?.conditionIds.length).toBeGreaterThanOrEqual(1);
  });

  it('a short fetched fund history (the bundled 3 years) does not replace the long evidence', () => {
    const v = evidenceView(loaded(snapshot, []), bundled);
    expect(v.basis).toBe('bundled');
  });

  it('a fetched fund file with the full history, newer than the bundle, recomputes flows and drawdown', () => {
    const rows = mergeFundHistory(
      unwrap(parseIsharesFundHistoryCsv(readReal('ishares_IWM_fund_historical_2025-02-04.csv'))).history,
      unwrap(parseIsharesFundHistory(readReal('ishares_IWM_fund_2025-12-24.excerpt.spreadsheetml.xls')))
        .history,
    );
    // A live file one trading day newer than the bundle (its last row repeated on 26 Dec 2025).
    const shifted = [...rows, { ...rows.at(-1)!, date: '2025-12-26' }];
    const data: BundledSnapshot = {
      ...snapshot,
      fundHistory: {
        data: shifted,
        provenance: {
          source: 'ishares-fund',
          label: 'iShares IWM fund file',
          asOf: '2025-12-26',
          fetchedAt: '2026-01-06T01:00:00Z',
        },
      },
    };
    const v = evidenceView(loaded(data, []), bundled);
    expect(v.basis).toBe('live');
    expect(v.report.evidence.asOf).toBe('2025-12-26');
    const flows = v.report.evidence.factors.find((f) => f.id === 'flows')!;
    expect(flows.to).toBe('2025-12-26');
    // Relative strength and yields keep the bundled figures (their long inputs are bundled only).
    expect(v.report.evidence.factors.find((f) => f.id === 'relative')).toBe(
      bundled.evidence.factors.find((f) => f.id === 'relative'),
    );
    expect(v.report.sources[0]?.source).toBe('ishares-fund');
    expect(v.report.notes[0]).toMatch(/recomputed/);
  });
});
