import { describe, expect, it } from 'vitest';
import type { Factor, SignalCard, SourceStatus } from '../view-models';
import { commonFailure, dataRange, freshnessBanner } from './freshness-words';

const factor = (id: Factor['id'], asOf: string, stale: boolean): Factor => ({
  id,
  title: id,
  state: 'neutral',
  headline: 'x',
  reason: 'r',
  details: [],
  chart: null,
  asOf,
  provenance: [{ source: 's', label: 'S', asOf }],
  stale,
});
const card = (factors: Factor[]): SignalCard => ({
  generatedAt: '2026-12-06T09:00:00Z',
  factors,
  favourCount: 0,
  againstCount: 0,
  summary: '',
  disclaimer: '',
});
const status = (id: string, state: SourceStatus['state'], kind?: 'network' | 'http'): SourceStatus => ({
  id,
  label: id,
  state,
  asOf: null,
  lastSuccess: null,
  lastAttempt: null,
  error: kind ? { kind, message: 'raw' } : null,
  usingBundled: true,
});

describe('freshness', () => {
  it('dates the factors from oldest to newest, leaving the rebalance calendar out', () => {
    const c = card([
      factor('flows', '2025-12-24', true),
      factor('drawdown', '2026-05-05', true),
      factor('recon', '2026-09-15', false),
    ]);
    expect(dataRange(c)).toEqual({ from: '2025-12-24', to: '2026-05-05' });
  });

  it('one offline sentence when every source failed for the same reason, none when causes differ', () => {
    expect(commonFailure([status('a', 'error', 'network'), status('b', 'stale', 'network')])).toMatch(
      /offline/,
    );
    expect(commonFailure([status('a', 'error', 'network'), status('b', 'error', 'http')])).toBeNull();
    expect(commonFailure([status('a', 'error', 'network'), status('b', 'ok')])).toBeNull();
    expect(commonFailure([status('a', 'error', 'network'), status('b', 'disabled')])).toMatch(/offline/);
  });

  it('the banner names the dates instead of "now", and is absent when data are current', () => {
    const old = card([factor('flows', '2025-12-24', true), factor('yields', '2026-02-12', true)]);
    const b = freshnessBanner(old, [status('a', 'error', 'network')]);
    expect(b?.title).toBe('Offline');
    expect(b?.text).toContain('Showing data from 24 Dec 2025 – 12 Feb 2026.');
    expect(freshnessBanner(old, [status('a', 'ok')])?.title).toBe('Old data');
    expect(freshnessBanner(card([factor('flows', '2026-12-04', false)]), [status('a', 'ok')])).toBeNull();
  });
});
