import { describe, expect, it } from 'vitest';
import { freshness, isStale, MAX_SESSIONS_BEHIND } from './freshness';

describe('freshness', () => {
  it('counts sessions behind the last closed New York session', () => {
    // Monday 7 Dec 2026, 10:00 New York: the last closed session is Friday 4 Dec.
    const now = new Date('2026-12-07T15:00:00Z');
    expect(freshness('prices', '2026-12-04', now)).toEqual({
      sessionsBehind: 0,
      lastSession: '2026-12-04',
      stale: false,
    });
    expect(freshness('prices', '2026-12-02', now).sessionsBehind).toBe(2);
    expect(isStale('prices', '2026-12-02', now)).toBe(false);
    expect(isStale('prices', '2026-12-01', now)).toBe(true);
  });
  it('does not age data over a holiday weekend', () => {
    // Monday 28 Dec 2026 morning: Christmas (Fri) and the weekend are not sessions.
    expect(freshness('fed-futures', '2026-12-23', new Date('2026-12-28T14:00:00Z')).sessionsBehind).toBe(1);
  });
  it('applies each source its own allowance', () => {
    const now = new Date('2026-12-07T15:00:00Z');
    expect(isStale('ishares-fund', '2026-12-01', now)).toBe(false); // 3 behind, allowed 3
    expect(isStale('prices', '2026-12-01', now)).toBe(true);
    expect(MAX_SESSIONS_BEHIND.occasional).toBe(Infinity);
    expect(isStale('occasional', '2025-01-01', now)).toBe(false);
  });
  it('an unreadable date is stale', () => {
    expect(isStale('fred', '', new Date())).toBe(true);
    expect(isStale('fred', null, new Date())).toBe(true);
  });
  it('accepts timestamps as dates', () => {
    expect(isStale('kalshi', '2026-12-04T18:00:00Z', new Date('2026-12-07T15:00:00Z'))).toBe(false);
  });
});
