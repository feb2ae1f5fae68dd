import { describe, expect, it } from 'vitest';
import type { SourceStatus } from '../view-models';
import { backoffMs, lastPostingTime, nextAttemptAt } from './cadence';

const ok = (id: string, lastSuccess: string): SourceStatus => ({
  id,
  label: id,
  state: 'ok',
  asOf: null,
  lastSuccess,
  lastAttempt: lastSuccess,
  error: null,
  usingBundled: false,
  failures: 0,
});

describe('cadence', () => {
  it('posts after 18:00 New York in summer time too, and skips exchange holidays', () => {
    // Wed 1 Jul 2026 evening, EDT: 18:00 New York is 22:00 UTC.
    expect(new Date(lastPostingTime(new Date('2026-07-01T23:00:00Z'))).toISOString()).toBe(
      '2026-07-01T22:00:00.000Z',
    );
    // Thanksgiving (Thu 26 Nov 2026) has no posting: Friday noon still sees Wednesday's.
    expect(new Date(lastPostingTime(new Date('2026-11-27T17:00:00Z'))).toISOString()).toBe(
      '2026-11-25T23:00:00.000Z',
    );
  });

  it('does not refresh prices every 15 minutes on an exchange holiday', () => {
    const now = new Date('2026-11-26T16:00:00Z'); // Thanksgiving, 11:00 New York
    const s = ok('prices', '2026-11-26T15:50:00Z');
    expect(nextAttemptAt('prices', { status: s, now, uiOpen: true, force: false })).not.toBe(
      '2026-11-26T16:05:00.000Z',
    );
  });

  it('fetches holdings once per day, after the evening posting', () => {
    const now = new Date('2026-11-25T20:00:00Z'); // 15:00 ET Wednesday
    expect(new Date(lastPostingTime(now)).toISOString()).toBe('2026-11-24T23:00:00.000Z'); // Tue 18:00 ET
    const s = ok('ishares-holdings', '2026-11-25T01:00:00Z'); // after Tuesday's posting
    expect(nextAttemptAt('ishares-holdings', { status: s, now, uiOpen: false, force: false })).toBe(
      '2026-11-25T23:00:00.000Z',
    );
    const stale = ok('ishares-holdings', '2026-11-24T20:00:00Z'); // before it
    expect(nextAttemptAt('ishares-holdings', { status: stale, now, uiOpen: false, force: false })).toBeNull();
    // Monday's posting covers Friday evening through the weekend.
    const sat = new Date('2026-11-28T12:00:00Z');
    expect(new Date(lastPostingTime(sat)).toISOString()).toBe('2026-11-27T23:00:00.000Z');
  });

  it('refreshes prices every 15 minutes in market hours only while a UI is open', () => {
    const now = new Date('2026-11-25T15:00:00Z');
    const s = ok('prices', '2026-11-25T14:50:00Z');
    expect(nextAttemptAt('prices', { status: s, now, uiOpen: true, force: false })).toBe(
      '2026-11-25T15:05:00.000Z',
    );
    expect(
      nextAttemptAt('prices', {
        status: ok('prices', '2026-11-25T14:40:00Z'),
        now,
        uiOpen: true,
        force: false,
      }),
    ).toBeNull();
    expect(nextAttemptAt('prices', { status: s, now, uiOpen: false, force: false })).not.toBeNull();
  });

  it('checks futures and markets hourly and never-fetched sources at once', () => {
    const now = new Date('2026-11-25T15:00:00Z');
    expect(
      nextAttemptAt('kalshi', {
        status: ok('kalshi', '2026-11-25T14:30:00Z'),
        now,
        uiOpen: false,
        force: false,
      }),
    ).toBe('2026-11-25T15:30:00.000Z');
    expect(nextAttemptAt('fed-futures', { status: undefined, now, uiOpen: false, force: false })).toBeNull();
  });

  it('backs off exponentially with jitter after failures, and Retry-After wins even when forced', () => {
    expect(backoffMs('kalshi', 1, () => 0.5)).toBe(5 * 60_000);
    expect(backoffMs('kalshi', 2, () => 0.5)).toBe(10 * 60_000);
    expect(backoffMs('kalshi', 9, () => 0.5)).toBe(60 * 60_000); // capped at the cadence
    const low = backoffMs('fred', 3, () => 0);
    const high = backoffMs('fred', 3, () => 0.999);
    expect(low).toBe(16 * 60_000);
    expect(high).toBeGreaterThan(23 * 60_000);
    const now = new Date('2026-11-25T15:00:00Z');
    const failed: SourceStatus = {
      ...ok('fred', '2026-11-20T00:00:00Z'),
      state: 'error',
      lastAttempt: '2026-11-25T14:58:00Z',
      failures: 2,
      backoffMs: 10 * 60_000,
      error: { kind: 'http', message: 'HTTP 500' },
    };
    expect(nextAttemptAt('fred', { status: failed, now, uiOpen: false, force: false })).toBe(
      '2026-11-25T15:08:00.000Z',
    );
    expect(nextAttemptAt('fred', { status: failed, now, uiOpen: false, force: true })).toBeNull();
    const limited = {
      ...failed,
      error: { kind: 'rate-limited' as const, message: '429', retryAfterSec: 600 },
    };
    expect(nextAttemptAt('fred', { status: limited, now, uiOpen: false, force: true })).toBe(
      '2026-11-25T15:08:00.000Z',
    );
  });
});
