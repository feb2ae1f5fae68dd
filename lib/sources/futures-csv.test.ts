import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { parseFuturesCsv } from './futures-csv';

const ZQ_FILE = 'zq_contracts_daily_2023-02-01_to_2023-04-14.csv';

describe('parseFuturesCsv on the recorded ZQ history', () => {
  const r = parseFuturesCsv(readReal(ZQ_FILE));

  it('reads all 843 rows of 18 contracts', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.value).toHaveLength(843);
    expect(new Set(r.value.map((q) => q.contract)).size).toBe(18);
    // Month order, then date order.
    expect(r.value[0]).toEqual({ contract: 'ZQF23', month: '2023-01', date: '2023-02-01', close: 95.67 });
    expect(r.value.at(-1)?.contract).toBe('ZQM24');
  });

  it('maps ZQK23 to May 2023 with the real 2023-03-10 close', () => {
    if (!r.ok) throw new Error(r.error.message);
    const k = r.value.find((q) => q.contract === 'ZQK23' && q.date === '2023-03-10');
    expect(k).toEqual({ contract: 'ZQK23', month: '2023-05', date: '2023-03-10', close: 94.855 });
  });

  it('matches every close of 2023-03-10 listed in fedwatch_check_cases.json', () => {
    if (!r.ok) throw new Error(r.error.message);
    const cases = JSON.parse(readReal('fedwatch_check_cases.json')) as {
      case_2023_03_10: { prices_close_2023_03_10: Record<string, number> };
    };
    const expected = cases.case_2023_03_10.prices_close_2023_03_10;
    const got = Object.fromEntries(
      r.value.filter((q) => q.date === '2023-03-10').map((q) => [q.contract, q.close]),
    );
    expect(got).toEqual(expected);
  });

  it('accepts the same data as Date,Contract,Close with timestamps, CRLF and a BOM', () => {
    if (!r.ok) throw new Error(r.error.message);
    const lines = readReal(ZQ_FILE)
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .map((c) => `${c[0]} 00:00:00,${c[7]},${c[4]}`);
    const text = '\uFEFFDate,Contract,Close\r\n' + lines.join('\r\n') + '\r\n';
    const r2 = parseFuturesCsv(text);
    expect(r2.ok && r2.value).toEqual(r.value);
  });

  it('fails cleanly on a truncated file and keeps usable rows of a cut-off line', () => {
    const text = readReal(ZQ_FILE);
    const cut = parseFuturesCsv(text.slice(0, 2000));
    expect(cut.ok).toBe(true);
    if (cut.ok) expect(cut.value.length).toBeGreaterThan(30);
  });
});

describe('parseFuturesCsv layouts and malformed input', () => {
  it('reads Date,Contract,Close with ISO, T-time and slash dates and .CBT symbols', () => {
    const r = parseFuturesCsv(
      'date,contract,close\n2026-09-14,ZQZ26.CBT,96.405\n2026-09-15T00:00:00Z,ZQZ26,96.41\n2026/09/15,ZQV26,96.2\n',
    );
    expect(r.ok && r.value).toEqual([
      { contract: 'ZQV26', month: '2026-10', date: '2026-09-15', close: 96.2 },
      { contract: 'ZQZ26', month: '2026-12', date: '2026-09-14', close: 96.405 },
      { contract: 'ZQZ26', month: '2026-12', date: '2026-09-15', close: 96.41 },
    ]);
  });
  it('skips bad rows with counted warnings and keeps the last of repeated rows', () => {
    const r = parseFuturesCsv(
      [
        'Date,Contract,Close',
        '2023-03-10,ZQK23,94.855',
        '2023-03-10,GCJ23,1867.2',
        '10/03/2023,ZQK23,94.8',
        '2023-03-11,ZQK23,',
        '2023-03-12,ZQK23,9485.5',
        '2023-03-10,ZQK23,94.86',
      ].join('\n'),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual([{ contract: 'ZQK23', month: '2023-05', date: '2023-03-10', close: 94.86 }]);
    expect(r.warnings).toHaveLength(4);
  });
  it('reads semicolon-separated quoted files', () => {
    const r = parseFuturesCsv('"Date";"Symbol";"Settle"\n"2023-03-10";"ZQK23";"94.855"\n');
    expect(r.ok && r.value[0]?.close).toBe(94.855);
  });
  it.each([
    ['', 'empty'],
    ['\uFEFF\n\n', 'empty'],
    ['Date,Contract,Close\n', 'empty'],
    ['Date,Price\n2023-03-10,94.855\n', 'format'],
    ['Date,Contract,Close\n"2023-03-10,ZQK23,94.8', 'format'],
    ['<!DOCTYPE html><html><title>Just a moment...</title></html>', 'challenge'],
    ['{"chart":{"result":[]}}', 'format'],
    ['\u0000\u0001\u00ff\u0002PK\u0003\u0004', 'format'],
  ])('refuses %j as %s', (text, kind) => {
    const r = parseFuturesCsv(text);
    expect(!r.ok && r.error.kind).toBe(kind);
  });
  it('refuses a huge body', () => {
    const r = parseFuturesCsv('Date,Contract,Close\n' + '2023-03-10,ZQK23,94.855\n'.repeat(900_000));
    expect(!r.ok && r.error.kind).toBe('too-large');
  });
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(typeof parseFuturesCsv('Date,Contract,Close\n' + s).ok).toBe('boolean');
        expect(typeof parseFuturesCsv(s).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
