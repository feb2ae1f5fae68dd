import { describe, expect, it } from 'vitest';
import { unwrap } from '../result';
import { readReal } from '../../test/shared-fixtures';
import {
  fetchIsharesFund,
  ISHARES_FUND_URLS,
  parseIsharesFundHistory,
  parseIsharesFundHistoryCsv,
} from './ishares-fund';

const IWM_XLS = 'ishares_IWM_fund_2025-12-24.excerpt.spreadsheetml.xls';
// The Holdings sheet is cut to its first rows (see PROVENANCE.md); the Historical sheet is whole.
const IVV_XLS = 'ishares_IVV_fund_2022-05-11.trimmed.spreadsheetml.xls';
const IWM_CSV = 'ishares_IWM_fund_historical_2025-02-04.csv';

describe('parseIsharesFundHistory on real SpreadsheetML files', () => {
  it('reads the IWM excerpt: 109 rows oldest first, preamble, ex-dividend days', () => {
    const r = parseIsharesFundHistory(readReal(IWM_XLS));
    expect(r.ok).toBe(true);
    const v = unwrap(r);
    expect(v.fundName).toBe('iShares Russell 2000 ETF');
    expect(v.holdingsAsOf).toBe('2025-12-24');
    expect(v.sharesOutstanding).toBe(304_650_000);
    expect(v.history).toHaveLength(109);
    expect(v.history[0]).toEqual({
      date: '2025-07-23',
      nav: 226.627894,
      sharesOutstanding: 291_000_000,
      exDividend: null,
    });
    expect(v.history[108]).toEqual({
      date: '2025-12-24',
      nav: 252.645908,
      sharesOutstanding: 304_650_000,
      exDividend: null,
    });
    const exDiv = v.history.filter((h) => h.exDividend !== null);
    expect(exDiv.map((h) => [h.date, h.exDividend])).toEqual([
      ['2025-09-16', 0.676797],
      ['2025-12-16', 0.842454],
    ]);
    expect(v.history.find((h) => h.date === '2025-11-05')?.sharesOutstanding).toBe(281_300_000);
    // Only the exchange holidays are absent.
    expect(v.history.some((h) => h.date === '2025-09-01' || h.date === '2025-11-27')).toBe(false);
    const dates = v.history.map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('reads the full IVV file: two BOMs, raw & in text, 5,534 Historical rows', () => {
    const text = readReal(IVV_XLS);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.charCodeAt(1)).toBe(0xfeff);
    const v = unwrap(parseIsharesFundHistory(text));
    expect(v.fundName).toBe('iShares Core S&P 500 ETF');
    expect(v.holdingsAsOf).toBe('2022-05-11');
    expect(v.sharesOutstanding).toBe(707_900_000);
    expect(v.history).toHaveLength(5534);
    expect(v.history[0]).toMatchObject({ date: '2000-05-15', nav: 145.236, sharesOutstanding: 150_000 });
    expect(v.history.at(-1)).toMatchObject({
      date: '2022-05-11',
      nav: 394.279541,
      sharesOutstanding: 707_900_000,
    });
    expect(v.history.find((h) => h.date === '2022-05-10')?.nav).toBe(400.865096);
  });

  it('is the same with or without the BOMs, and with CRLF line ends', () => {
    const text = readReal(IWM_XLS);
    const a = unwrap(parseIsharesFundHistory(text));
    const b = unwrap(parseIsharesFundHistory('\uFEFF\uFEFF' + text.replace(/\n/g, '\r\n')));
    expect(b).toEqual(a);
  });

  it('refuses a file cut inside the Historical sheet (mid-row)', () => {
    const text = readReal(IWM_XLS);
    const cut = text.indexOf('<ss:Data ss:Type="String">Oct 01, 2025</ss:Data>') + 20;
    const r = parseIsharesFundHistory(text.slice(0, cut));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('format');
    expect(r.ok ? '' : r.error.message).toMatch(/truncated/);
  });

  it('accepts a file cut after the Historical sheet (later sheets lost)', () => {
    const text = readReal(IVV_XLS);
    const cut = text.indexOf('<ss:Worksheet ss:Name="Performance">') + 100;
    const r = parseIsharesFundHistory(text.slice(0, cut));
    expect(unwrap(r).history).toHaveLength(5534);
  });

  it('fails clearly without a Historical sheet', () => {
    const text = readReal(IWM_XLS).replace('ss:Name="Historical"', 'ss:Name="Historisch"');
    const r = parseIsharesFundHistory(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('format');
      expect(r.error.message).toMatch(/Historical/);
    }
  });
});

describe('parseIsharesFundHistory on malformed input', () => {
  it('empty and whitespace', () => {
    for (const t of ['', '   \n', '\uFEFF\uFEFF']) {
      const r = parseIsharesFundHistory(t);
      expect(r.ok ? null : r.error.kind).toBe('empty');
    }
  });

  it('an HTML page is a challenge', () => {
    const r = parseIsharesFundHistory(
      '<!DOCTYPE html><html><head><title>Access denied</title></head></html>',
    );
    expect(r.ok ? null : r.error.kind).toBe('challenge');
  });

  it('JSON or CSV bodies are format errors', () => {
    expect(parseIsharesFundHistory('{"a":1}').ok).toBe(false);
    expect(parseIsharesFundHistory('As Of,NAV per Share\n"Feb 04, 2025",1').ok).toBe(false);
  });

  it('huge junk with many unclosed tags is refused quickly (linear scan)', () => {
    const junk =
      '<?xml version="1.0"?><ss:Workbook><ss:Worksheet ss:Name="Historical"><ss:Table>' +
      '<ss:Row><ss:Cell>'.repeat(300_000);
    const t0 = Date.now();
    const r = parseIsharesFundHistory(junk);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.ok).toBe(false);
    const t1 = Date.now();
    const r2 = parseIsharesFundHistory('x'.repeat(5_000_000));
    expect(Date.now() - t1).toBeLessThan(2000);
    expect(r2.ok).toBe(false);
  });

  it('a sheet with a header but no data rows is empty', () => {
    const t =
      '<?xml version="1.0"?><ss:Workbook><ss:Worksheet ss:Name="Historical"><ss:Table><ss:Row>' +
      ['As Of', 'NAV per Share', 'Ex-Dividends', 'Shares Outstanding']
        .map((h) => `<ss:Cell><ss:Data ss:Type="String">${h}</ss:Data></ss:Cell>`)
        .join('') +
      '</ss:Row></ss:Table></ss:Worksheet></ss:Workbook>';
    const r = parseIsharesFundHistory(t);
    expect(r.ok ? null : r.error.kind).toBe('empty');
  });

  it('`--` shares are null; entities and inner markup are cleaned', () => {
    const cell = (v: string, type = 'String') =>
      `<ss:Cell><ss:Data ss:Type="${type}">${v}</ss:Data></ss:Cell>`;
    const row = (...cells: string[]) => `<ss:Row>${cells.join('')}</ss:Row>`;
    const t =
      '<?xml version="1.0"?><ss:Workbook>' +
      '<ss:Worksheet ss:Name="Holdings"><ss:Table>' +
      row(cell('24-Dec-2025')) +
      row(cell('Fund <strong>A</strong> &amp; B & C')) +
      '</ss:Table></ss:Worksheet>' +
      '<ss:Worksheet ss:Name="Historical"><ss:Table>' +
      row(cell('As Of'), cell('NAV per Share'), cell('Ex-Dividends'), cell('Shares Outstanding')) +
      row(cell('Mar 31, 2024'), cell('210.5', 'Number'), cell('--'), cell('--')) +
      row(cell('Mar 28, 2024'), cell('210.5', 'Number'), cell('0.5', 'Number'), cell('1000', 'Number')) +
      row(cell('not a date'), cell('1', 'Number'), cell('--'), cell('1', 'Number')) +
      '</ss:Table></ss:Worksheet></ss:Workbook>';
    const r = parseIsharesFundHistory(t);
    const v = unwrap(r);
    expect(v.fundName).toBe('Fund A & B & C');
    expect(v.history).toEqual([
      { date: '2024-03-28', nav: 210.5, sharesOutstanding: 1000, exDividend: 0.5 },
      { date: '2024-03-31', nav: 210.5, sharesOutstanding: null, exDividend: null },
    ]);
    expect(v.sharesOutstanding).toBe(1000);
    expect(r.ok && r.warnings.join(' ')).toMatch(/1 Historical row/);
  });
});

describe('parseIsharesFundHistoryCsv on the converted IWM history', () => {
  it('reads 6,218 data rows, skips the 2 with shares "--", oldest first', () => {
    const text = readReal(IWM_CSV);
    expect(text.trim().split('\n')).toHaveLength(6219); // header + 6,218 rows
    const r = parseIsharesFundHistoryCsv(text);
    const v = unwrap(r);
    expect(v.history).toHaveLength(6216);
    expect(r.ok && r.warnings.join(' ')).toMatch(/2 row\(s\) with Shares Outstanding "--"/);
    expect(v.history[0]).toEqual({
      date: '2000-05-22',
      nav: 47.167,
      sharesOutstanding: 300_000,
      exDividend: null,
    });
    expect(v.history.at(-1)).toEqual({
      date: '2025-02-04',
      nav: 226.977305,
      sharesOutstanding: 327_750_000,
      exDividend: null,
    });
    expect(v.history.some((h) => h.date === '2024-03-29' || h.date === '2024-03-31')).toBe(false);
    expect(v.history.find((h) => h.date === '2013-06-30')?.sharesOutstanding).toBe(221_000_000);
    expect(v.history.filter((h) => h.exDividend !== null)).toHaveLength(99);
    expect(v.history.find((h) => h.date === '2024-12-17')?.exDividend).toBe(0.694004);
    expect(v.sharesOutstanding).toBe(327_750_000);
    expect(v.fundName).toBeNull();
  });

  it('agrees with the SpreadsheetML excerpt where they overlap (2021 spot values)', () => {
    const v = unwrap(parseIsharesFundHistoryCsv(readReal(IWM_CSV)));
    expect(v.history.find((h) => h.date === '2021-05-04')).toMatchObject({
      nav: 223.243224,
      sharesOutstanding: 303_050_000,
    });
    expect(v.history.find((h) => h.date === '2021-03-25')?.exDividend).toBe(0.398096);
  });

  it('malformed CSV input', () => {
    expect(parseIsharesFundHistoryCsv('').ok).toBe(false);
    expect(parseIsharesFundHistoryCsv('<html><body>blocked</body></html>').ok).toBe(false);
    const headerOnly = parseIsharesFundHistoryCsv('As Of,NAV per Share,Ex-Dividends,Shares Outstanding\n');
    expect(headerOnly.ok ? null : headerOnly.error.kind).toBe('empty');
    const truncated = parseIsharesFundHistoryCsv(
      'As Of,NAV per Share,Ex-Dividends,Shares Outstanding\n"Feb 04, 2025",226.977305,--,327750000\n"Feb 03, 20',
    );
    expect(unwrap(truncated).history).toHaveLength(1);
  });
});

describe('fetchIsharesFund', () => {
  it('GETs the SOURCES.md URL and parses the body', async () => {
    const body = readReal(IWM_XLS);
    const seen: string[] = [];
    const fakeFetch = async (url: string) => {
      seen.push(url);
      return new Response(body, { status: 200, headers: { 'content-type': 'application/vnd.ms-excel' } });
    };
    const r = await fetchIsharesFund(fakeFetch, 'IWM');
    expect(seen).toEqual([ISHARES_FUND_URLS.IWM]);
    expect(ISHARES_FUND_URLS.IWM).toBe(
      'https://www.ishares.com/us/products/239710/ishares-russell-2000-etf/1521942788811.ajax?fileType=xls&fileName=iShares-Russell-2000-ETF_fund&dataType=fund',
    );
    const v = unwrap(r);
    expect(v.data.history).toHaveLength(109);
    expect(v.provenance).toMatchObject({
      source: 'ishares-fund',
      asOf: '2025-12-24',
      url: ISHARES_FUND_URLS.IWM,
    });
  });

  it('passes on HTTP and challenge errors', async () => {
    const r404 = await fetchIsharesFund(async () => new Response('nope', { status: 404 }), 'IWM');
    expect(r404.ok ? null : r404.error.kind).toBe('http');
    const html = await fetchIsharesFund(
      async () => new Response('<!doctype html><html><title>Just a moment</title></html>', { status: 200 }),
      'IWM',
    );
    expect(html.ok ? null : html.error.kind).toBe('challenge');
  });
});
