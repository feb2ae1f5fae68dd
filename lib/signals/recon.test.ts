import { describe, expect, it } from 'vitest';
import type { Calendars } from '../source-data';
import { bundledCalendars } from '../sources/calendars';
import { reconStatus } from './recon';

// The bundled calendar is transcribed from the FTSE Russell releases (SOURCES.md §8).
const cal = (): Calendars => bundledCalendars();

describe('reconStatus on the bundled calendar', () => {
  it('2025 annual recon, phase by phase (official dates, all confirmed)', () => {
    const at = (d: string) => reconStatus(cal(), d);
    expect(at('2025-04-01')?.phase).toBe('before-rank-day');
    expect(at('2025-04-30')?.phase).toBe('ranked');
    expect(at('2025-05-23')?.phase).toBe('preliminary-lists');
    expect(at('2025-06-09')?.phase).toBe('lock-down');
    expect(at('2025-06-27')?.phase).toBe('effective');
    expect(at('2025-06-30')?.phase).toBe('just-happened');
    const s = at('2025-05-30');
    expect(s).toMatchObject({
      daysUntilEffective: 28,
      allConfirmed: true,
      effective: { date: '2025-06-27', confirmed: true },
    });
    expect(s?.event.year).toBe(2025);
    expect(s?.next).toMatchObject({ name: 'lock-down', date: '2025-06-09', daysUntil: 10, confirmed: true });
    expect(s?.milestones.map((m) => m.name)).toEqual([
      'rank-day',
      'preliminary-lists',
      'lock-down',
      'effective',
    ]);
    expect(s?.summary).toBe('Russell reconstitution (annual 2025) in 28 days: preliminary lists are out');
  });

  it('after the "just happened" window the next event is shown', () => {
    const s = reconStatus(cal(), '2025-07-15');
    expect(s?.event.year).toBe(2026);
    expect(s?.event.kind).toBe('june');
    expect(s?.phase).toBe('before-rank-day');
    expect(s?.allConfirmed).toBe(false);
    expect(s?.summary).toMatch(/\(expected date\)/);
  });

  it('June 2026: unconfirmed dates, no lock-down date', () => {
    const s = reconStatus(cal(), '2026-06-01');
    expect(s?.phase).toBe('preliminary-lists');
    expect(s?.milestones.every((m) => !m.confirmed)).toBe(true);
    expect(s?.milestones.some((m) => m.name === 'lock-down')).toBe(false);
    expect(s?.daysUntilEffective).toBe(25);
  });

  it("December 2026 per FTSE Russell's Nov 2025 schedule notice (second-hand, unconfirmed)", () => {
    const s = reconStatus(cal(), '2026-09-15');
    expect(s?.event.kind).toBe('december');
    expect(s?.phase).toBe('before-rank-day');
    expect(s?.daysUntilEffective).toBe(87);
    expect(s?.effective.confirmed).toBe(false);
    // As of 6 Dec 2026: lists published (13 Nov), locked down since 30 Nov, effective after 11 Dec.
    const dec = reconStatus(cal(), '2026-12-06');
    expect(dec?.event.rankDay?.date).toBe('2026-10-30');
    expect(dec?.event.preliminaryLists?.date).toBe('2026-11-13');
    expect(dec?.event.lockDown?.date).toBe('2026-11-30');
    expect(dec?.daysUntilEffective).toBe(5);
  });

  it('null when nothing is ahead', () => {
    expect(reconStatus(cal(), '2030-01-01')).toBeNull();
    expect(reconStatus({ russell: [] }, '2025-01-01')).toBeNull();
  });
});
