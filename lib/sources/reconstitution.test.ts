import fc from 'fast-check';
import { unwrap } from '../result';
import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { parseReconstitutionCsv } from './reconstitution';
import { parseCsvRecords } from '../core/csv';

const ADDS = 'ftserussell_ru3000_additions_final_2025-06-27.extracted.csv';
const DELS = 'ftserussell_ru3000_deletions_final_2025-06-27.extracted.csv';

describe('parseReconstitutionCsv on the 2025 final lists', () => {
  it('reads the 228 additions', () => {
    const r = parseReconstitutionCsv(readReal(ADDS), 'added', '2025-06-27');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.value).toHaveLength(228);
    expect(r.value[0]).toEqual({
      symbol: 'AARD',
      company: 'AARDVARK THERAPEUTICS',
      industry: 'Health Care',
      change: 'added',
      effective: '2025-06-27',
    });
    expect(r.value.find((x) => x.symbol === 'BAM')?.company).toBe('BROOKFIELD ASSET MANAGEM'); // FTSE's 24-char cut
    expect(r.value.find((x) => x.symbol === 'RDDT')?.industry).toBe('Technology');
    expect(r.value.at(-1)?.symbol).toBe('ZVIA');
    expect(r.value.filter((x) => x.industry === 'Financials')).toHaveLength(60);
  });

  it('reads the 152 deletions', () => {
    const r = parseReconstitutionCsv(readReal(DELS), 'deleted', '2025-06-27');
    expect(r.ok && r.value).toHaveLength(152);
    expect(r.ok && r.value[0]).toEqual({
      symbol: 'DIBS',
      company: '1STDIBS.COM',
      industry: 'Technology',
      change: 'deleted',
      effective: '2025-06-27',
    });
    expect(r.ok && r.value.at(-1)?.symbol).toBe('ZYXI');
  });

  it('reads the same list re-saved by Excel: BOM, CRLF, all quoted, Ticker/Name headers, ";"', () => {
    const rows = readReal(ADDS)
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const text =
      '\uFEFF"Name";"Ticker";"Sector"\r\n' +
      rows
        .map((c) => c.map((f) => `"${f.replace(/"/g, '""')}"`))
        .map((c) => `${c[0]};${c[1]};${c[2]}`)
        .join('\r\n') +
      '\r\n\r\n';
    const r = parseReconstitutionCsv(text, 'added', '2025-06-27');
    const direct = parseReconstitutionCsv(readReal(ADDS), 'added', '2025-06-27');
    expect(r.ok && r.value).toEqual(direct.ok && direct.value);
  });

  it('keeps usable rows of a truncated file', () => {
    const r = parseReconstitutionCsv(readReal(ADDS).slice(0, 500), 'added', '2025-06-27');
    expect(r.ok && r.value.length).toBeGreaterThan(10);
  });
});

describe('parseReconstitutionCsv: user imports and malformed input', () => {
  it('handles quoted commas, lower-case tickers, duplicates and junk rows', () => {
    const r = parseReconstitutionCsv(
      'Symbol,Company Name\n"brk.b","Berkshire Hathaway, Inc. ""B"""\nAAPL,Apple\nAAPL,Apple again\n,no symbol\n12AB,bad\n',
      'deleted',
      '2026-06-26',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual([
      {
        symbol: 'BRK.B',
        company: 'Berkshire Hathaway, Inc. "B"',
        industry: '',
        change: 'deleted',
        effective: '2026-06-26',
      },
      { symbol: 'AAPL', company: 'Apple', industry: '', change: 'deleted', effective: '2026-06-26' },
    ]);
    expect(r.warnings).toEqual([
      '2 row(s) without a valid symbol skipped',
      '1 duplicate symbol row(s) ignored',
    ]);
  });
  it('reads a symbol-only list and warns about missing names', () => {
    const r = parseReconstitutionCsv('Ticker\r\nOKLO\r\nSAIL\r\n', 'added', '2025-06-27');
    expect(r.ok && r.value.map((x) => x.symbol)).toEqual(['OKLO', 'SAIL']);
    expect(r.ok && r.warnings).toEqual(['No company-name column; names left empty']);
  });
  it.each([
    ['', 'empty'],
    ['\uFEFF\r\n', 'empty'],
    ['Company,Symbol,Industry\n', 'empty'],
    ['Company,Industry\nAPPLE,Technology\n', 'format'],
    ['Company,Symbol\n"APPLE,AAPL\n', 'format'],
    ['<!DOCTYPE html><html><head><title>Access Denied</title></head></html>', 'challenge'],
    ['%PDF-1.7\n\u0000\u0001\u0002\u00ff', 'format'],
    ['{"symbols":["AAPL"]}', 'format'],
  ])('refuses %j as %s', (text, kind) => {
    const r = parseReconstitutionCsv(text, 'added', '2025-06-27');
    expect(!r.ok && r.error.kind).toBe(kind);
  });
  it('refuses a bad effective date or change kind, and a huge file', () => {
    expect(parseReconstitutionCsv('Symbol\nAAPL', 'added', '27/06/2025')).toMatchObject({
      ok: false,
      error: { kind: 'format' },
    });
    expect(parseReconstitutionCsv('Symbol\nAAPL', 'moved' as 'added', '2025-06-27')).toMatchObject({
      ok: false,
      error: { kind: 'format' },
    });
    const huge = 'Company,Symbol,Industry\n' + 'ACME CORP,ACME,Industrials\n'.repeat(200_000);
    expect(parseReconstitutionCsv(huge, 'added', '2025-06-27')).toMatchObject({
      ok: false,
      error: { kind: 'too-large' },
    });
  });
  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(typeof parseReconstitutionCsv(s, 'added', '2025-06-27').ok).toBe('boolean');
        expect(typeof parseReconstitutionCsv('Company,Symbol,Industry\n' + s, 'added', '2025-06-27').ok).toBe(
          'boolean',
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseCsvRecords', () => {
  it('splits RFC 4180 records with CRLF, LF, CR CR LF and embedded newlines', () => {
    expect(parseCsvRecords('a,b\r\n"x\ny",2\r\r\n3,"q""q"')).toEqual([
      ['a', 'b'],
      ['x\ny', '2'],
      ['3', 'q"q'],
    ]);
    expect(parseCsvRecords('a,"b')).toBeNull();
  });
});

describe('parseReconstitutionCsv on the June 2026 derived lists', () => {
  it('224 additions and 118 deletions, FTSE names kept (24-character truncation, BH.A)', () => {
    const add = unwrap(
      parseReconstitutionCsv(
        readReal('ftserussell_ru3000_additions_final_2026-06-26.derived.csv'),
        'added',
        '2026-06-26',
      ),
    );
    const del = unwrap(
      parseReconstitutionCsv(
        readReal('ftserussell_ru3000_deletions_final_2026-06-26.derived.csv'),
        'deleted',
        '2026-06-26',
      ),
    );
    expect(add).toHaveLength(224);
    expect(del).toHaveLength(118);
    expect(add[0]).toEqual({
      symbol: 'DIBS',
      company: '1STDIBS.COM',
      industry: 'Technology',
      change: 'added',
      effective: '2026-06-26',
    });
    expect(del.every((d) => d.change === 'deleted' && d.effective === '2026-06-26')).toBe(true);
    expect([...add, ...del].every((c) => c.company.length <= 24)).toBe(true);
  });
});
