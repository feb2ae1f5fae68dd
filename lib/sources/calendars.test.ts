import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import {
  bundledCalendars,
  fomcDecisionDayForMonth,
  isIsoDate,
  parseCalendars,
  upcomingFomcMeetings,
} from './calendars';

const bundledText = readFileSync(fileURLToPath(new URL('../data/calendars.json', import.meta.url)), 'utf8');

describe('bundled calendars', () => {
  it('parse(bundled JSON) round-trips to bundledCalendars()', () => {
    const r = parseCalendars(bundledText);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]); // already sorted
    expect(r.value).toEqual(bundledCalendars());
    expect(parseCalendars(JSON.stringify(r.value))).toEqual(r);
  });

  it('holds the FOMC meetings 2025–2027 (+ Jan 2028) and the Russell events', () => {
    const cal = bundledCalendars();
    expect(cal.fomc).toHaveLength(25);
    expect(cal.fomc.filter((m) => m.tentative).map((m) => m.end.slice(0, 4))).toEqual([
      ...Array(8).fill('2027'),
      '2028',
    ]);
    expect(
      cal.fomc.filter((m) => m.sep).every((m) => ['03', '06', '09', '12'].includes(m.end.slice(5, 7))),
    ).toBe(true);
    expect(cal.fomc.filter((m) => m.sep)).toHaveLength(12);
    expect(cal.russell.map((e) => [e.year, e.kind, e.effective.date, e.effective.confirmed])).toEqual([
      [2024, 'annual', '2024-06-28', true],
      [2025, 'annual', '2025-06-27', true],
      [2026, 'june', '2026-06-26', false],
      [2026, 'december', '2026-12-11', false],
      [2027, 'june', '2027-06-25', false],
    ]);
    // Every unconfirmed date carries a note saying why.
    for (const e of cal.russell) {
      const dated = [e.rankDay, e.preliminaryLists, e.lockDown, e.effective];
      if (dated.some((d) => d && !d.confirmed)) expect(e.note ?? '').not.toBe('');
    }
  });

  it('looks up decision days', () => {
    const cal = bundledCalendars();
    expect(fomcDecisionDayForMonth(cal, 2025, 10)).toBe('2025-10-29');
    expect(fomcDecisionDayForMonth(cal, 2026, 9)).toBe('2026-09-16');
    expect(fomcDecisionDayForMonth(cal, 2027, 6)).toBe('2027-06-09');
    expect(fomcDecisionDayForMonth(cal, 2026, 8)).toBeNull();
    expect(fomcDecisionDayForMonth(cal, 2030, 1)).toBeNull();
    expect(
      upcomingFomcMeetings(cal, '2026-09-16')
        .map((m) => m.end)
        .slice(0, 3),
    ).toEqual(['2026-09-16', '2026-10-28', '2026-12-09']);
  });
});

describe('bundled calendars match the shared transcription', () => {
  const shared = JSON.parse(readReal('calendars_fomc_russell_2025_2027.json')) as {
    fomc: Record<string, unknown> & { sep_meeting_months: number[] };
    russell_us_reconstitution: Record<string, Record<string, unknown>>;
  };
  const cal = bundledCalendars();

  it('has exactly the shared FOMC meetings', () => {
    const pairs = [
      ...(shared.fomc['2025'] as string[][]),
      ...(shared.fomc['2026'] as string[][]),
      ...(shared.fomc['2027_tentative'] as string[][]),
      shared.fomc['2028_first_tentative'] as string[],
    ];
    expect(cal.fomc.map((m) => [m.start, m.end])).toEqual(pairs);
    const tentative = new Set([
      ...(shared.fomc['2027_tentative'] as string[][]).map((p) => p[1]),
      (shared.fomc['2028_first_tentative'] as string[])[1],
    ]);
    for (const m of cal.fomc) {
      expect(m.tentative, m.end).toBe(tentative.has(m.end));
      expect(m.sep, m.end).toBe(shared.fomc.sep_meeting_months.includes(Number(m.end.slice(5, 7))));
    }
  });

  it('has the shared Russell 2024/2025 schedules and 2026 dates', () => {
    const r = shared.russell_us_reconstitution;
    for (const year of [2024, 2025]) {
      const s = r[String(year)]!;
      const e = cal.russell.find((x) => x.year === year)!;
      expect(e.rankDay).toEqual({ date: s.rank_day, confirmed: true });
      expect(e.preliminaryLists).toEqual({ date: s.preliminary_lists, confirmed: true });
      expect(e.lockDown).toEqual({ date: s.lockdown_begins, confirmed: true });
      expect(e.effective).toEqual({ date: s.effective_after_close, confirmed: true });
    }
    const june = cal.russell.find((x) => x.year === 2026 && x.kind === 'june')!;
    expect(june.effective.date).toBe(r['2026_june']!.effective_after_close);
    const dec = cal.russell.find((x) => x.year === 2026 && x.kind === 'december')!;
    expect(String(r['2026_second']!.effective_after_close)).toContain(dec.effective.date);
    expect(dec.effective.confirmed).toBe(false);
  });
});

describe('parseCalendars validation', () => {
  const base = () =>
    JSON.parse(bundledText) as Record<string, unknown> & { fomc: unknown[]; russell: unknown[] };

  it('sorts unsorted input and says so', () => {
    const c = base();
    c.fomc.reverse();
    c.russell.reverse();
    const r = parseCalendars(JSON.stringify(c));
    expect(r.ok && r.value).toEqual(bundledCalendars());
    expect(r.ok && r.warnings).toEqual(['Calendar entries were not in date order; sorted']);
  });

  it.each<
    [string, (c: Record<string, unknown> & { fomc: unknown[]; russell: unknown[] }) => unknown, string]
  >([
    ['bad asOf', (c) => ((c.asOf = '2026-02-30'), c), 'format'],
    ['sources not strings', (c) => ((c.sources = [1]), c), 'format'],
    ['fomc missing', (c) => ((c.fomc = undefined as never), c), 'format'],
    ['no meetings', (c) => ((c.fomc = []), c), 'empty'],
    [
      'start after end',
      (c) => ((c.fomc[0] = { start: '2025-01-30', end: '2025-01-29', sep: false, tentative: false }), c),
      'format',
    ],
    [
      'sep not boolean',
      (c) => ((c.fomc[0] = { start: '2025-01-28', end: '2025-01-29', sep: 'no', tentative: false }), c),
      'format',
    ],
    [
      'overlap',
      (c) => (c.fomc.push({ start: '2025-01-29', end: '2025-01-30', sep: false, tentative: false }), c),
      'format',
    ],
    ['bad kind', (c) => ((c.russell[0] = { ...(c.russell[0] as object), kind: 'march' }), c), 'format'],
    ['no effective', (c) => ((c.russell[0] = { ...(c.russell[0] as object), effective: null }), c), 'format'],
    [
      'bad dated',
      (c) => ((c.russell[0] = { ...(c.russell[0] as object), rankDay: { date: 'Apr 30' } }), c),
      'format',
    ],
    ['array', () => [], 'format'],
  ])('%s', (_name, mutate, kind) => {
    const r = parseCalendars(JSON.stringify(mutate(base())));
    expect(!r.ok && r.error.kind).toBe(kind);
  });

  it.each([
    ['', 'empty'],
    [bundledText.slice(0, 500), 'format'],
    ['<!DOCTYPE html><html><body>Access denied</body></html>', 'format'],
    ['\u0000\u0001\u00ff', 'format'],
  ])('refuses %j', (text, kind) => {
    const r = parseCalendars(text);
    expect(!r.ok && r.error.kind).toBe(kind);
  });

  it('accepts a BOM, never throws', () => {
    expect(parseCalendars('\uFEFF' + bundledText).ok).toBe(true);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (s) => {
          expect(typeof parseCalendars(s).ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('isIsoDate rejects impossible dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-6-26')).toBe(false);
    expect(isIsoDate(20260626)).toBe(false);
  });
});
