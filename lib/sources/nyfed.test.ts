import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readReal, readRealBytes } from '../../test/shared-fixtures';
import { unwrap } from '../result';
import type { FetchImpl } from './http';
import { EFFR_LAST_URL, effrRangeUrl, fetchEffrLast, fetchEffrRange, parseNyFedEffr } from './nyfed';

const FILE = 'nyfed_effr_search_2023-01-01_to_2023-06-06.json';

describe('parseNyFedEffr on the real search body', () => {
  it('108 business days, sorted oldest first', () => {
    const r = parseNyFedEffr(readReal(FILE));
    expect(r.ok && r.warnings).toEqual([]);
    const rows = unwrap(r);
    expect(rows).toHaveLength(108);
    expect(rows[0]).toEqual({
      date: '2023-01-03',
      rate: 4.33,
      targetFrom: 4.25,
      targetTo: 4.5,
      volumeBn: 105,
    });
    expect(rows.at(-1)).toEqual({
      date: '2023-06-06',
      rate: 5.08,
      targetFrom: 5,
      targetTo: 5.25,
      volumeBn: 144,
    });
    const dates = rows.map((x) => x.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('shows the three 2023 hikes the day after each FOMC decision', () => {
    const rate = new Map(unwrap(parseNyFedEffr(readReal(FILE))).map((x) => [x.date, x.rate]));
    expect([rate.get('2023-02-01'), rate.get('2023-02-02')]).toEqual([4.33, 4.58]);
    expect([rate.get('2023-03-22'), rate.get('2023-03-23')]).toEqual([4.58, 4.83]);
    expect([rate.get('2023-05-03'), rate.get('2023-05-04')]).toEqual([4.83, 5.08]);
  });

  it('the gzip wire bytes decode to the same body', () => {
    const text = gunzipSync(readRealBytes(`${FILE}.gz`)).toString('utf8');
    expect(text).toBe(readReal(FILE));
  });

  it('truncated body → format error', () => {
    const text = readReal(FILE);
    const r = parseNyFedEffr(text.slice(0, 5000));
    expect(!r.ok && r.error.kind).toBe('format');
  });
});

describe('parseNyFedEffr edge cases', () => {
  it('a revised print replaces the original for the same day', () => {
    const body = JSON.stringify({
      refRates: [
        { effectiveDate: '2024-01-02', type: 'EFFR', percentRate: 5.33, revisionIndicator: 'R' },
        { effectiveDate: '2024-01-02', type: 'EFFR', percentRate: 5.34, revisionIndicator: '' },
        { effectiveDate: '2024-01-03', type: 'EFFR', percentRate: 5.33 },
      ],
    });
    const rows = unwrap(parseNyFedEffr(body));
    expect(rows.map((r) => [r.date, r.rate])).toEqual([
      ['2024-01-02', 5.33],
      ['2024-01-03', 5.33],
    ]);
    expect(rows[1]).toMatchObject({ targetFrom: null, targetTo: null, volumeBn: null });
  });

  it('rows of another rate type or without a rate are skipped with a warning', () => {
    const r = parseNyFedEffr(
      JSON.stringify({
        refRates: [
          { effectiveDate: '2024-01-02', type: 'SOFR', percentRate: 5.31 },
          { effectiveDate: '2024-01-02', type: 'EFFR', percentRate: null },
          { effectiveDate: '2024-01-02', type: 'EFFR', percentRate: 5.33 },
          'junk',
        ],
      }),
    );
    expect(unwrap(r)).toHaveLength(1);
    expect(r.ok && r.warnings).toEqual(['3 unreadable EFFR row(s) skipped']);
  });

  it('empty refRates → empty; wrong schema → format', () => {
    const e = parseNyFedEffr('{"refRates":[]}');
    expect(!e.ok && e.error.kind).toBe('empty');
    const w = parseNyFedEffr('{"rates":[]}');
    expect(!w.ok && w.error.kind).toBe('format');
    const only = parseNyFedEffr('{"refRates":[{"foo":1}]}');
    expect(!only.ok && only.error.kind).toBe('format');
  });

  it('empty, HTML, ~5 MB junk, random binary never throw', () => {
    expect(parseNyFedEffr('').ok).toBe(false);
    const html = parseNyFedEffr('<html><head><title>Service Unavailable</title></head></html>');
    expect(!html.ok && html.error.kind).toBe('challenge');
    const big = parseNyFedEffr('{"refRates":[' + '{"x":1},'.repeat(700_000));
    expect(!big.ok && big.error.kind).toBe('format');
    let seed = 5;
    for (let n = 0; n < 20; n++) {
      const bytes = new Uint8Array(3000).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
      expect(parseNyFedEffr(new TextDecoder().decode(bytes)).ok).toBe(false);
    }
    expect(parseNyFedEffr(undefined as unknown as string).ok).toBe(false);
  });
});

describe('fetchEffrLast / fetchEffrRange', () => {
  const serve =
    (seen: string[], body: string): FetchImpl =>
    async (url) => (
      seen.push(url),
      new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })
    );

  it('range: URL and provenance (asOf = newest date)', async () => {
    const seen: string[] = [];
    const v = unwrap(await fetchEffrRange(serve(seen, readReal(FILE)), '2023-01-01', '2023-06-06'));
    expect(seen).toEqual([
      'https://markets.newyorkfed.org/api/rates/unsecured/effr/search.json?startDate=2023-01-01&endDate=2023-06-06',
    ]);
    expect(effrRangeUrl('2023-01-01', '2023-06-06')).toBe(seen[0]);
    expect(v.data).toHaveLength(108);
    expect(v.provenance).toMatchObject({ source: 'nyfed', asOf: '2023-06-06', url: seen[0] });
  });

  it('last: one observation', async () => {
    const seen: string[] = [];
    const one = JSON.stringify({ refRates: [JSON.parse(readReal(FILE)).refRates[0]] });
    const v = unwrap(await fetchEffrLast(serve(seen, one)));
    expect(seen).toEqual([EFFR_LAST_URL]);
    expect(EFFR_LAST_URL).toBe('https://markets.newyorkfed.org/api/rates/unsecured/effr/last/1.json');
    expect(v.data).toEqual({ date: '2023-06-06', rate: 5.08, targetFrom: 5, targetTo: 5.25, volumeBn: 144 });
  });

  it('bad date range is refused without a request; HTTP errors pass through', async () => {
    const seen: string[] = [];
    const r = await fetchEffrRange(serve(seen, '{}'), '2023-06-06', '2023-01-01');
    expect(!r.ok && r.error.kind).toBe('format');
    expect(seen).toEqual([]);
    const down: FetchImpl = async () => new Response('x', { status: 500 });
    const r2 = await fetchEffrLast(down);
    expect(!r2.ok && r2.error).toMatchObject({ kind: 'http', status: 500, source: 'nyfed' });
  });
});
