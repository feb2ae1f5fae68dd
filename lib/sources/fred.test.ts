import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { unwrap } from '../result';
import { fetchFredSeries, fredCsvUrl, parseFredCsv } from './fred';
import type { FetchImpl } from './http';

const DGS2 = 'fred_DGS2_2021-02-12_to_2026-02-12.csv';
const DGS10 = 'fred_DGS10_2021-02-12_to_2026-02-12.csv';
const DGS2_OLD = 'fred_DGS2_oldformat_tail_to_2024-01-25.csv';
const DFEDTARU = 'fred_DFEDTARU_2020-06-29_to_2025-06-29.csv';
const DFEDTARL_OLD = 'fred_DFEDTARL_oldformat_2008-12-16_to_2024-01-31.csv';

describe('parseFredCsv on real files', () => {
  it('DGS2, current format (observation_date, empty = missing)', () => {
    const r = parseFredCsv(readReal(DGS2), 'DGS2');
    expect(r.ok && r.warnings).toEqual([]);
    const { series, missing } = unwrap(r);
    const obs = series.DGS2 ?? [];
    expect(obs).toHaveLength(1250);
    expect(missing.DGS2).toBe(55);
    expect(obs[0]).toEqual({ date: '2021-02-12', value: 0.11 });
    expect(obs.at(-1)).toEqual({ date: '2026-02-12', value: 3.47 });
    expect(obs.some((o) => o.date === '2021-02-15')).toBe(false); // Presidents' Day, empty field
  });

  it('DGS10, current format', () => {
    const { series, missing } = unwrap(parseFredCsv(readReal(DGS10)));
    expect(Object.keys(series)).toEqual(['DGS10']);
    expect(series.DGS10).toHaveLength(1250);
    expect(missing.DGS10).toBe(55);
    expect(series.DGS10?.[0]).toEqual({ date: '2021-02-12', value: 1.2 });
    expect(series.DGS10?.at(-1)).toEqual({ date: '2026-02-12', value: 4.09 });
  });

  it('DGS2, old format (DATE header, "." = missing)', () => {
    const { series, missing } = unwrap(parseFredCsv(readReal(DGS2_OLD), 'DGS2'));
    expect(series.DGS2).toHaveLength(287);
    expect(missing.DGS2).toBe(13);
    expect(series.DGS2?.[0]).toEqual({ date: '2022-12-02', value: 4.28 });
    expect(series.DGS2?.at(-1)).toEqual({ date: '2024-01-25', value: 4.28 });
    expect(series.DGS2?.some((o) => o.date === '2022-12-26')).toBe(false);
  });

  it('DFEDTARU (7 days a week, no gaps)', () => {
    const { series, missing } = unwrap(parseFredCsv(readReal(DFEDTARU), 'DFEDTARU'));
    expect(series.DFEDTARU).toHaveLength(1827);
    expect(missing.DFEDTARU).toBe(0);
    expect(series.DFEDTARU?.[0]).toEqual({ date: '2020-06-29', value: 0.25 });
    expect(series.DFEDTARU?.at(-1)).toEqual({ date: '2025-06-29', value: 4.5 });
  });

  it('DFEDTARL, old format, full 2008–2024', () => {
    const obs = unwrap(parseFredCsv(readReal(DFEDTARL_OLD), 'DFEDTARL')).series.DFEDTARL ?? [];
    expect(obs).toHaveLength(5525);
    expect(obs[0]).toEqual({ date: '2008-12-16', value: 0 });
    expect(obs.find((o) => o.date === '2023-07-27')?.value).toBe(5.25);
    expect(obs.at(-1)).toEqual({ date: '2024-01-31', value: 5.25 });
  });

  it('multi-id layout (observation_date,DGS2,DGS10)', () => {
    const a = readReal(DGS2).trimEnd().split('\n');
    const b = readReal(DGS10).trimEnd().split('\n');
    const merged = a.map((line, i) => `${line},${(b[i] ?? '').split(',')[1] ?? ''}`).join('\n');
    expect(merged.split('\n')[0]).toBe('observation_date,DGS2,DGS10');
    const { series, missing } = unwrap(parseFredCsv(merged));
    expect(series.DGS2).toHaveLength(1250);
    expect(series.DGS10).toHaveLength(1250);
    expect(missing).toEqual({ DGS2: 55, DGS10: 55 });
    expect(unwrap(parseFredCsv(merged, 'DGS10')).series.DGS10?.at(-1)?.value).toBe(4.09);
  });

  it('CRLF is accepted', () => {
    expect(unwrap(parseFredCsv(readReal(DGS2).replace(/\n/g, '\r\n'))).series.DGS2).toHaveLength(1250);
  });

  it('a body for another series is a format error', () => {
    const r = parseFredCsv(readReal(DGS10), 'DGS2');
    expect(!r.ok && r.error.message).toMatch(/no column DGS2/);
  });

  it('truncated mid-row: the cut row is dropped, the rest kept', () => {
    const text = readReal(DGS2);
    const cut = text.slice(0, text.length - 3); // "…2026-02-12,3."
    const r = parseFredCsv(cut, 'DGS2');
    expect(unwrap(r).series.DGS2?.at(-1)?.date).toBe('2026-02-11');
    expect(r.ok && r.warnings).toEqual(['1 unreadable FRED line(s)/value(s) skipped']);
  });
});

describe('parseFredCsv on junk', () => {
  it('empty, header only, all missing', () => {
    expect(!parseFredCsv('').ok).toBe(true);
    const h = parseFredCsv('observation_date,DGS2\n');
    expect(!h.ok && h.error.kind).toBe('empty');
    const m = parseFredCsv('DATE,DGS2\n2024-01-01,.\n2024-01-02,\n');
    expect(!m.ok && m.error.kind).toBe('empty');
  });

  it('HTML page → challenge', () => {
    const r = parseFredCsv('<!DOCTYPE html><html><body>Error 503</body></html>');
    expect(!r.ok && r.error.kind).toBe('challenge');
  });

  it('wrong columns → format', () => {
    const r = parseFredCsv('Date,Open,High\n2024-01-01,1,2\n');
    expect(!r.ok && r.error.kind).toBe('format');
    const r2 = parseFredCsv('observation_date\n2024-01-01\n');
    expect(!r2.ok && r2.error.kind).toBe('format');
  });

  it('non-numeric values beyond missing markers: mostly bad → format', () => {
    const r = parseFredCsv('observation_date,DGS2\n2024-01-01,n/a\n2024-01-02,n/a\n2024-01-03,4.1\n');
    expect(!r.ok && r.error.kind).toBe('format');
    const ok1 = parseFredCsv('observation_date,DGS2\n2024-01-01,n/a\n2024-01-02,4.0\n2024-01-03,4.1\n');
    expect(ok1.ok && ok1.warnings).toEqual(['1 unreadable FRED line(s)/value(s) skipped']);
  });

  it('~5 MB junk and random binary', () => {
    const big = parseFredCsv('observation_date,DGS2\n' + 'xxxxxxxx,yyyy\n'.repeat(400_000));
    expect(!big.ok && big.error.kind).toBe('format');
    expect(parseFredCsv('#'.repeat(5_000_000)).ok).toBe(false);
    let seed = 11;
    for (let n = 0; n < 20; n++) {
      const bytes = new Uint8Array(3000).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
      expect(parseFredCsv(new TextDecoder().decode(bytes)).ok).toBe(false);
    }
    expect(parseFredCsv({} as unknown as string).ok).toBe(false);
  });
});

describe('fredCsvUrl', () => {
  it('adds cosd/coed', () => {
    expect(fredCsvUrl('DGS2')).toBe('https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS2');
    expect(fredCsvUrl('DGS2', '2025-01-01', '2025-12-31')).toBe(
      'https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS2&cosd=2025-01-01&coed=2025-12-31',
    );
  });
});

describe('fetchFredSeries', () => {
  const files: Record<string, string> = { DGS2, DGS10 };

  it('one request per id, results and provenance per id', async () => {
    const seen: string[] = [];
    const fetchImpl: FetchImpl = async (url) => {
      seen.push(url);
      const id = new URL(url).searchParams.get('id') ?? '';
      return new Response(readReal(files[id] ?? DGS2), { status: 200 });
    };
    const v = unwrap(await fetchFredSeries(fetchImpl, ['DGS2', 'DGS10'], { start: '2021-01-01' }));
    expect(seen.sort()).toEqual([
      'https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS10&cosd=2021-01-01',
      'https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS2&cosd=2021-01-01',
    ]);
    expect(v.data.series.DGS2?.at(-1)?.value).toBe(3.47);
    expect(v.data.series.DGS10?.at(-1)?.value).toBe(4.09);
    expect(v.data.missing).toEqual({ DGS2: 55, DGS10: 55 });
    expect(v.provenance.DGS2).toMatchObject({ source: 'fred', label: 'FRED DGS2', asOf: '2026-02-12' });
    expect(v.errors).toEqual({});
  });

  it('partial failure keeps the series that arrived', async () => {
    const fetchImpl: FetchImpl = async (url) =>
      url.includes('DGS10')
        ? new Response('busy', { status: 429 })
        : new Response(readReal(DGS2), { status: 200 });
    const r = await fetchFredSeries(fetchImpl, ['DGS2', 'DGS10']);
    const v = unwrap(r);
    expect(Object.keys(v.data.series)).toEqual(['DGS2']);
    expect(v.errors.DGS10?.kind).toBe('rate-limited');
    expect(r.ok && r.warnings[0]).toMatch(/^FRED DGS10: rate-limited/);
  });

  it('all fail → error; bad ids are refused before any request', async () => {
    const fetchImpl: FetchImpl = async () =>
      new Response('<html><body>Maintenance</body></html>', { status: 200 });
    const r = await fetchFredSeries(fetchImpl, ['DGS2']);
    expect(!r.ok && r.error.kind).toBe('challenge');
    let calls = 0;
    const counting: FetchImpl = async () => (calls++, new Response(''));
    const bad = await fetchFredSeries(counting, ['DGS2&x=1']);
    expect(!bad.ok && bad.error.kind).toBe('format');
    expect(calls).toBe(0);
  });
});

describe('parseFredCsv on the 2026 recordings (to 2026-09-10, LF, empty-field holidays)', () => {
  it('DGS2 2026: holidays are empty fields, left out and counted', () => {
    const r = parseFredCsv(readReal('fred_DGS2_2026-01-02_to_2026-09-10.csv'), 'DGS2');
    expect(r.ok && r.warnings).toEqual([]);
    const { series, missing } = unwrap(r);
    expect(series.DGS2).toHaveLength(174);
    expect(missing.DGS2).toBe(6); // MLK, Presidents', Good Friday, Memorial, Juneteenth/July 4, Labor Day
    expect(series.DGS2?.some((o) => o.date === '2026-01-19')).toBe(false); // '2026-01-19,' (MLK Day)
    expect(series.DGS2?.at(-1)).toEqual({ date: '2026-09-10', value: 4.56 });
  });

  it('the 30 days that overlap the older DGS2 recording are identical', () => {
    const older = unwrap(parseFredCsv(readReal(DGS2), 'DGS2')).series.DGS2 ?? [];
    const newer =
      unwrap(parseFredCsv(readReal('fred_DGS2_2026-01-02_to_2026-09-10.csv'), 'DGS2')).series.DGS2 ?? [];
    const overlap = newer.filter((o) => o.date <= '2026-02-12');
    expect(overlap.length).toBeGreaterThan(20);
    for (const o of overlap) expect(older.find((x) => x.date === o.date)).toEqual(o);
  });

  it('DFF (effective fed funds rate, daily incl. weekends): 3.63 % on 2026-09-10', () => {
    const { series, missing } = unwrap(
      parseFredCsv(readReal('fred_DFF_2026-01-01_to_2026-09-10.csv'), 'DFF'),
    );
    expect(series.DFF).toHaveLength(253);
    expect(missing.DFF).toBe(0);
    expect(series.DFF?.at(-1)).toEqual({ date: '2026-09-10', value: 3.63 });
  });
});
