import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { unwrap } from '../result';
import type { FetchImpl } from './http';
import { fetchStooqDaily, parseStooqCsv, stooqDailyUrl, toStooqSymbol } from './stooq';

const IWM = 'stooq_iwm_us_d_2026-05-05.csv';

describe('parseStooqCsv on the real IWM file', () => {
  it('5,330 bars, CRLF, fractional volumes, oldest first', () => {
    const text = readReal(IWM);
    expect(text).toContain('\r\n');
    const r = parseStooqCsv(text, 'iwm.us');
    expect(r.ok && r.warnings).toEqual([]);
    const s = unwrap(r);
    expect(s).toMatchObject({ symbol: 'iwm.us', currency: 'USD', timezone: 'America/New_York' });
    expect(s.bars).toHaveLength(5330);
    expect(s.bars[0]).toEqual({
      date: '2005-02-25',
      open: 53.0208,
      high: 53.9971,
      low: 53.0208,
      close: 53.9803,
      adjClose: 53.9803,
      volume: 27937545.35362,
    });
    expect(s.bars.find((b) => b.date === '2022-09-23')?.volume).toBe(40545338.484691);
    expect(s.bars.find((b) => b.date === '2022-09-26')?.volume).toBe(30597799);
    expect(s.bars.at(-1)).toMatchObject({ date: '2026-05-05', close: 282.145, volume: 10_074_800 });
    expect(s.lastPrice).toBe(282.145);
    expect(s.previousClose).toBe(277.88);
  });

  it('LF-only copy parses the same', () => {
    expect(unwrap(parseStooqCsv(readReal(IWM).replace(/\r\n/g, '\n'))).bars).toHaveLength(5330);
  });

  it('truncated mid-row: the broken last row is skipped with a warning', () => {
    const text = readReal(IWM);
    const cut = text.slice(0, text.lastIndexOf('2026-05-05') + 14); // "2026-05-05,280"
    const r = parseStooqCsv(cut);
    expect(r.ok).toBe(true);
    expect(unwrap(r).bars.at(-1)?.date).toBe('2026-05-04');
    expect(r.ok && r.warnings).toEqual(['1 unreadable Stooq line(s) skipped']);
  });

  it('Polish headers (stooq.pl) are accepted', () => {
    const text = readReal(IWM).replace(
      /^Date,Open,High,Low,Close,Volume/,
      'Data,Otwarcie,Najwyzszy,Najnizszy,Zamkniecie,Wolumen',
    );
    expect(unwrap(parseStooqCsv(text)).bars).toHaveLength(5330);
  });
});

describe('parseStooqCsv refusals and junk', () => {
  it('"No data" plain text → empty', () => {
    const r = parseStooqCsv('No data');
    expect(!r.ok && r.error.kind).toBe('empty');
  });

  it('"Exceeded the daily hits limit" → rate-limited', () => {
    const r = parseStooqCsv('Exceeded the daily hits limit');
    expect(!r.ok && r.error.kind).toBe('rate-limited');
  });

  it('HTML challenge page → challenge', () => {
    const r = parseStooqCsv('<html><head><script>check()</script></head><body></body></html>');
    expect(!r.ok && r.error.kind).toBe('challenge');
  });

  it('wrong columns → format', () => {
    const r = parseStooqCsv('Symbol,Name\nIWM,iShares\n');
    expect(!r.ok && r.error.kind).toBe('format');
  });

  it('header only → empty; header + junk rows → format', () => {
    const e = parseStooqCsv('Date,Open,High,Low,Close,Volume\r\n');
    expect(!e.ok && e.error.kind).toBe('empty');
    const j = parseStooqCsv('Date,Open,High,Low,Close,Volume\n' + 'garbage,1,2\n'.repeat(10));
    expect(!j.ok && j.error.kind).toBe('format');
  });

  it('empty, ~5 MB junk, random binary', () => {
    expect(parseStooqCsv('').ok).toBe(false);
    const big = parseStooqCsv('Date,Open,High,Low,Close,Volume\n' + 'zz,yy,xx\n'.repeat(600_000));
    expect(!big.ok && big.error.kind).toBe('format');
    expect(parseStooqCsv('\x00\x01'.repeat(2_600_000)).ok).toBe(false);
    let seed = 3;
    for (let n = 0; n < 20; n++) {
      const bytes = new Uint8Array(3000).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
      expect(parseStooqCsv(new TextDecoder().decode(bytes)).ok).toBe(false);
    }
    expect(parseStooqCsv(null as unknown as string).ok).toBe(false);
  });
});

describe('symbols and URL', () => {
  it('toStooqSymbol', () => {
    expect(toStooqSymbol('IWM')).toBe('iwm.us');
    expect(toStooqSymbol('iwm.us')).toBe('iwm.us');
    expect(toStooqSymbol('BRK-B')).toBe('brk-b.us');
    expect(toStooqSymbol('^RUT')).toBeNull();
    expect(toStooqSymbol('GC=F')).toBeNull();
  });

  it('stooqDailyUrl', () => {
    expect(stooqDailyUrl('iwm.us')).toBe('https://stooq.com/q/d/l/?s=iwm.us&i=d');
  });
});

describe('fetchStooqDaily', () => {
  it('maps the symbol, keeps the caller’s symbol, sets provenance', async () => {
    const seen: string[] = [];
    const fetchImpl: FetchImpl = async (url) => (
      seen.push(url),
      new Response(readReal(IWM), { status: 200 })
    );
    const v = unwrap(await fetchStooqDaily(fetchImpl, 'IWM'));
    expect(seen).toEqual(['https://stooq.com/q/d/l/?s=iwm.us&i=d']);
    expect(v.data.symbol).toBe('IWM');
    expect(v.provenance).toMatchObject({ source: 'stooq', asOf: '2026-05-05' });
  });

  it('plain-text refusal with HTTP 200 is typed', async () => {
    const fetchImpl: FetchImpl = async () => new Response('Exceeded the daily hits limit', { status: 200 });
    const r = await fetchStooqDaily(fetchImpl, 'IWM');
    expect(!r.ok && r.error.kind).toBe('rate-limited');
  });

  it('unmappable symbols are not requested', async () => {
    let calls = 0;
    const fetchImpl: FetchImpl = async () => (calls++, new Response('x'));
    const r = await fetchStooqDaily(fetchImpl, 'GC=F');
    expect(calls).toBe(0);
    expect(!r.ok && r.error.kind).toBe('unavailable');
  });
});
