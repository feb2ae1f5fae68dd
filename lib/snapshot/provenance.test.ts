import { describe, expect, it } from 'vitest';
import { BUNDLED_SNAPSHOT, loadBundledSignalInputs } from './inputs';
import { buildSignalCard } from '../signals/card';
import { feedOf, isStale } from '../core/freshness';

/** Every provenance in the bundled snapshot, with where it sits. */
function provenances(x: unknown, path = ''): Array<{ path: string; p: Record<string, unknown> }> {
  if (!x || typeof x !== 'object') return [];
  const o = x as Record<string, unknown>;
  if (o.provenance && typeof o.provenance === 'object')
    return [{ path, p: o.provenance as Record<string, unknown> }];
  return Object.entries(o)
    .filter(([k]) => k !== 'data')
    .flatMap(([k, v]) => provenances(v, `${path}.${k}`));
}

describe('bundled snapshot provenance (issue 12, finding 11)', () => {
  it('names real files, never a wildcard', () => {
    const all = provenances(BUNDLED_SNAPSHOT);
    expect(all.length).toBeGreaterThan(5);
    for (const { path, p } of all) {
      expect(`${path}: ${String(p.url ?? '')} ${String(p.label)}`).not.toMatch(/[*?]/);
    }
    const fund = all.find((x) => x.path === '.fundHistory')!;
    expect(fund.p.url).toBe(
      'recorded files ishares_IWM_fund_historical_2025-02-04.csv + ishares_IWM_fund_2025-12-24.excerpt.spreadsheetml.xls',
    );
  });
});

describe('the card from the bundled snapshot: one freshness rule for every source line', () => {
  it('every factor has a dated source whose stale flag is the rule of its feed', () => {
    const now = new Date('2026-12-06T15:00:00Z');
    const card = buildSignalCard(loadBundledSignalInputs(), now);
    for (const f of card.factors) {
      expect(f.provenance.length, f.id).toBeGreaterThan(0);
      for (const p of f.provenance) {
        expect(p.feed, `${f.id}: ${p.label}`).toBeDefined();
        expect(p.stale, `${f.id}: ${p.label}`).toBe(isStale(feedOf(p), p.asOf, now));
      }
    }
    // Calendars describe the future: never stale by age, in the rates factor or the recon one.
    const calendarLines = card.factors.flatMap((f) => f.provenance.filter((p) => p.feed === 'occasional'));
    expect(calendarLines.length).toBeGreaterThan(0);
    for (const p of calendarLines) expect(p.stale).toBe(false);
  });
});
