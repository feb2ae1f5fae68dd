import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realPath } from '../../test/shared-fixtures';
import { contiguousRun, knownDecisionDays, parseTargetRange } from '../../scripts/signals';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');
const script = resolve(root, 'scripts/signals.ts');
const MEETINGS =
  '2023-03-22,2023-05-03,2023-06-14,2023-07-26,2023-09-20,2023-11-01,2023-12-13,2024-01-31,2024-03-20';

/** `signals fedwatch` on a recorded futures file, watched on `watchDate`, with more flags. */
function fedwatchArgs(futures: string, watchDate: string, targetRange: string, ...more: string[]): string[] {
  return [
    script,
    'fedwatch',
    '--futures',
    realPath(futures),
    '--watch-date',
    watchDate,
    '--target-range',
    targetRange,
    ...more,
    '--json',
  ];
}
const runCli = (args: string[]) => spawnSync(tsx, args, { encoding: 'utf8', cwd: root });

describe('scripts/signals.ts fedwatch', () => {
  it('prints the 10 Mar 2023 table as JSON (CME: 0.0 / 57.4 / 41.0 / 1.6 for May 3)', () => {
    const out = execFileSync(
      tsx,
      fedwatchArgs(
        'zq_contracts_daily_2023-02-01_to_2023-04-14.csv',
        '2023-03-10',
        '4.50-4.75',
        '--meetings',
        MEETINGS,
      ),
      { encoding: 'utf8', cwd: root },
    );
    const json = JSON.parse(out) as {
      watchDate: string;
      targetRange: string;
      meetings: Array<{ date: string; probabilities: Record<string, number> }>;
    };
    expect(json.watchDate).toBe('2023-03-10');
    expect(json.targetRange).toBe('450-475');
    expect(json.meetings.map((m) => m.date)).toEqual(MEETINGS.split(','));
    expect(json.meetings[1]?.probabilities).toMatchObject({
      '475-500': 0,
      '500-525': 57.4,
      '525-550': 41,
      '550-575': 1.6,
    });
  }, 60_000);

  it('2026-09-18 with the bundled calendar: CME 42.4 / 57.6 for 28 Oct (a hike), no warnings', () => {
    const r = runCli(
      fedwatchArgs('cme_zq_settlements_2026-09-17_to_2026-09-18.csv', '2026-09-18', '3.75-4.00'),
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as {
      dayCount: string;
      warnings: string[];
      meetings: Array<{ date: string; probabilities: Record<string, number> }>;
    };
    expect(json.dayCount).toBe('day-after-decision');
    expect(json.meetings[0]).toMatchObject({
      date: '2026-10-28',
      probabilities: { '375-400': 42.4, '400-425': 57.6 },
    });
    expect(json.meetings[1]?.probabilities).toMatchObject({ '375-400': 9.9, '400-425': 46, '425-450': 44.1 });
  }, 60_000);

  it('infers the calendar when --meetings leaves out a past meeting, and says so on stderr', () => {
    const args = fedwatchArgs(
      'cme_zq_settlements_2026-09-17_to_2026-09-18.csv',
      '2026-09-18',
      '375-400',
      '--meetings',
      '2026-10-28,2026-12-09,2027-01-27',
    );
    const r = runCli(args);
    expect(r.status).toBe(0);
    // The calendar is inferred: 16 Sep (past) and 28 Oct … 27 Jan are priced as CME does.
    expect(r.stderr).toMatch(/Warning: --meetings leaves out .*2026-09-16.* — added/);
    const json = JSON.parse(r.stdout) as {
      warnings: string[];
      meetings: Array<{ date: string; probabilities: Record<string, number> }>;
    };
    expect(json.warnings.join(' ')).toMatch(/2026-09-16/);
    expect(json.meetings.map((m) => m.date)).toEqual(['2026-10-28', '2026-12-09', '2027-01-27']);
    expect(json.meetings[2]?.probabilities).toMatchObject({
      '400-425': 31.1,
      '425-450': 44.9,
      '450-475': 18.2,
    });
    // As given, September counts as meeting-free: warned, and October's odds move.
    const asGiven = runCli([...args, '--no-infer-calendar']);
    expect(asGiven.stderr).toMatch(/leaves out the FOMC decision of 2026-09-16 .*treated as meeting-free/);
    const oct = (JSON.parse(asGiven.stdout) as typeof json).meetings[0]?.probabilities['400-425'];
    expect(oct).not.toBe(57.6);
  }, 60_000);

  it('usage errors exit with 2', () => {
    const r = runCli([script, 'fedwatch', '--watch-date', '2023-03-10']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--futures is required/);
  }, 60_000);
});

describe('parseTargetRange', () => {
  it('percent or basis points', () => {
    expect(parseTargetRange('4.50-4.75')).toEqual({ lower: 4.5, upper: 4.75 });
    expect(parseTargetRange('450-475')).toEqual({ lower: 4.5, upper: 4.75 });
    expect(() => parseTargetRange('abc')).toThrow();
  });
});

describe('the FOMC calendar the CLI knows', () => {
  it('recorded history to Mar 2024 and the bundled calendar, one decision a month', () => {
    const days = knownDecisionDays();
    expect(days).toContain('2023-02-01');
    expect(days).toContain('2024-03-20');
    expect(days).toContain('2026-12-09');
    expect(days).toContain('2028-01-26');
    expect(days).not.toContain('2024-06-19'); // a projection in the recording, not a decision day
    const months = days.map((d) => d.slice(0, 7));
    expect(new Set(months).size).toBe(months.length);
  });

  it('around a watch date: stops at the first hole in what is known', () => {
    const run = contiguousRun(knownDecisionDays(), '2023-03-10');
    expect(run.at(-1)).toBe('2024-03-20'); // Apr–Dec 2024 is not on hand
    expect(run).toContain('2023-02-01');
  });
});
