import { describe, expect, it } from 'vitest';
import snapshotJson from '../data/snapshot.json';
import { SOURCE_IDS, SOURCE_LABELS } from '../core/sources';
import { isStale } from '../core/freshness';
import type { BundledSnapshot, DatasetKey, LensData } from './datasets';
import { ALL_KEYS, bundledDataset, composeStatuses, type LoadedData } from './repository';

const snapshot = snapshotJson as unknown as BundledSnapshot;

function bundledOnly(): LoadedData {
  const out: Record<string, unknown> = { prices: {}, fred: {} };
  for (const key of ALL_KEYS) {
    const [group, sub] = key.split(':') as [string, string | undefined];
    const ds = bundledDataset(snapshot, key);
    if (sub) (out[group] as Record<string, unknown>)[sub] = ds;
    else out[group] = ds;
  }
  return { data: out as unknown as LensData, fromBundle: new Set<DatasetKey>(ALL_KEYS), storageError: null };
}

const enabled = Object.fromEntries(SOURCE_IDS.map((id) => [id, true])) as Record<
  (typeof SOURCE_IDS)[number],
  boolean
>;

describe('Options › Sources: the same names and the same stale rule as the card', () => {
  it('bundled data too old for its source is marked stale, by the one rule', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    const statuses = composeStatuses(new Map(), bundledOnly(), enabled, now);
    const fund = statuses.find((s) => s.id === 'ishares-fund')!;
    expect(fund.usingBundled).toBe(true);
    expect(fund.dataStale).toBe(true);
    for (const s of statuses) {
      expect(s.label).toBe(SOURCE_LABELS[s.id as (typeof SOURCE_IDS)[number]]);
      if (s.asOf) expect(s.dataStale).toBe(isStale(s.id as (typeof SOURCE_IDS)[number], s.asOf, now));
    }
  });
  it("a source's date is that of its oldest dataset (all of its data is there by then)", () => {
    const statuses = composeStatuses(new Map(), bundledOnly(), enabled, new Date('2026-12-06T12:00:00Z'));
    const prices = statuses.find((s) => s.id === 'prices')!;
    const dates = [snapshot.prices.IWM?.provenance.asOf, snapshot.prices.SPY?.provenance.asOf]
      .filter(Boolean)
      .sort();
    expect(prices.asOf).toBe(dates[0]);
  });
});
