import { describe, expect, it } from 'vitest';
import { BUNDLED_SNAPSHOT } from './inputs';

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
