import { describe, expect, it } from 'vitest';
import type { TickerInfo, TickerQuote, WatchlistItem } from './view-models';
import {
  mergeWatchlists,
  moveItem,
  parseWatchlistCsv,
  setNote,
  sortWatchlist,
  watchlistToCsv,
} from './watchlist';

const NOW = new Date('2025-12-24T12:00:00Z');
const item = (
  symbol: string,
  note = '',
  membershipAtPin: WatchlistItem['membershipAtPin'] = 'R2000',
): WatchlistItem => ({
  symbol,
  note,
  addedAt: '2025-11-01T10:00:00.000Z',
  membershipAtPin,
});

describe('CSV export and import', () => {
  it('round-trips notes with commas, quotes, newlines and formula-like text', () => {
    const items = [
      item('CRDO', 'AI "networking", watch Q3\nsecond line'),
      item('BRK.B', '=HYPERLINK("x")', 'SP500'),
      item('IWM', '  padded  ', null),
    ];
    const csv = watchlistToCsv(items);
    expect(csv.startsWith('symbol,note,added_at,membership_at_pin\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`); // defused for spreadsheets
    const back = parseWatchlistCsv(csv, NOW);
    expect(back).toEqual({ ok: true, items, warnings: [] });
  });

  it('quotes a field holding a semicolon or a tab, and defuses every formula prefix', () => {
    const items = [
      item('CRDO', 'buy; then hold'),
      item('BE', 'tab\there'),
      item('FN', '+1 call'),
      item('NXT', '-2'),
      item('STRL', '@SUM(A1)'),
      item('HWC', '\tindented'),
    ];
    const csv = watchlistToCsv(items);
    const rows = csv.split('\r\n');
    expect(rows[1]).toBe('CRDO,"buy; then hold",2025-11-01T10:00:00.000Z,R2000');
    expect(rows[2]).toBe('BE,"tab\there",2025-11-01T10:00:00.000Z,R2000');
    expect(rows[3]).toBe("FN,'+1 call,2025-11-01T10:00:00.000Z,R2000");
    expect(rows[4]).toBe("NXT,'-2,2025-11-01T10:00:00.000Z,R2000");
    expect(rows[5]).toBe("STRL,'@SUM(A1),2025-11-01T10:00:00.000Z,R2000");
    expect(rows[6]).toBe('HWC,"\'\tindented",2025-11-01T10:00:00.000Z,R2000');
    // A reader that splits on semicolons or tabs (a spreadsheet's guess) sees whole fields.
    expect(parseWatchlistCsv(csv, NOW)).toEqual({ ok: true, items, warnings: [] });
  });

  it('accepts a foreign CSV with a Ticker column, BOM, semicolons and CRLF', () => {
    const r = parseWatchlistCsv('\uFEFFName;Ticker;Notes\r\nCredo;crdo;fast\r\nAcme;$acme;\r\n', NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items.map((i) => [i.symbol, i.note, i.membershipAtPin])).toEqual([
      ['CRDO', 'fast', null],
      ['ACME', '', null],
    ]);
    expect(r.items[0]?.addedAt).toBe(NOW.toISOString());
  });

  it('accepts a bare list of symbols', () => {
    const r = parseWatchlistCsv('CRDO\nAAPL\n\nbrk-b\n', NOW);
    expect(r.ok && r.items.map((i) => i.symbol)).toEqual(['CRDO', 'AAPL', 'BRK.B']);
  });

  it('skips bad rows and duplicates with warnings naming the lines', () => {
    const r = parseWatchlistCsv('symbol,note\nCRDO,a\n123,b\nCRDO,c\n,d\nAAPL,\n', NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items.map((i) => i.symbol)).toEqual(['CRDO', 'AAPL']);
    expect(r.warnings).toEqual([
      'Skipped 2 row(s) without a valid symbol (line 3, 5).',
      'Ignored 1 repeated symbol(s): CRDO.',
    ]);
  });

  it('gives clear errors for files it cannot use', () => {
    const err = (t: string) => {
      const r = parseWatchlistCsv(t, NOW);
      return r.ok ? null : r.error;
    };
    expect(err('')).toBe('The file is empty.');
    expect(err('\uFEFF  \n')).toBe('The file is empty.');
    expect(err('symbol,note\nCRDO,"unterminated\n')).toMatch(/never closed/);
    expect(err('name,price\nCredo,54.2\n')).toMatch(
      /No "symbol" column found\. The first line is: "name, price"\./,
    );
    expect(err('<html><body>Sign in</body></html>')).toMatch(/HTML or JSON/);
    expect(err('{"items":[]}')).toMatch(/HTML or JSON/);
    expect(err('symbol\n')).toBe('The file has a header but no rows.');
    expect(err('symbol\n123\n!!\n')).toBe('No valid ticker symbols found (lines 2, 3).');
    expect(err('a\u0000b')).toMatch(/binary/);
  });

  it('never touches the current list: merge appends only new symbols', () => {
    const current = [item('CRDO'), item('AAPL', 'mine')];
    const frozen = JSON.stringify(current);
    const imported = [item('AAPL', 'theirs'), item('CRDO', 'fill'), item('NVTS')];
    const m = mergeWatchlists(current, imported);
    expect(JSON.stringify(current)).toBe(frozen);
    expect(m.added).toBe(1);
    expect(m.items.map((i) => [i.symbol, i.note])).toEqual([
      ['CRDO', 'fill'],
      ['AAPL', 'mine'],
      ['NVTS', ''],
    ]);
  });
});

describe('list edits', () => {
  const list = [item('A'), item('B'), item('C')];
  it('moves rows and ignores out-of-range moves', () => {
    expect(moveItem(list, 0, 2).map((i) => i.symbol)).toEqual(['B', 'C', 'A']);
    expect(moveItem(list, 2, 0).map((i) => i.symbol)).toEqual(['C', 'A', 'B']);
    expect(moveItem(list, 0, -1)).toBe(list);
    expect(moveItem(list, 2, 3)).toBe(list);
  });

  it('edits a note', () => {
    expect(setNote(list, 'B', 'hello')[1]?.note).toBe('hello');
  });

  it('sorts by symbol, weight and change with missing figures last', () => {
    const infos = new Map<string, TickerInfo>([
      ['A', { russell2000: { weightPct: 0.1 } } as TickerInfo],
      ['C', { russell2000: { weightPct: 0.3 } } as TickerInfo],
    ]);
    const quotes = new Map<string, TickerQuote | null>([
      ['A', { changePct: -2 } as TickerQuote],
      ['B', { changePct: 5 } as TickerQuote],
      ['C', null],
    ]);
    const shuffled = [item('C'), item('A'), item('B')];
    expect(sortWatchlist(shuffled, 'symbol', infos, quotes).map((i) => i.symbol)).toEqual(['A', 'B', 'C']);
    expect(sortWatchlist(shuffled, 'weight', infos, quotes).map((i) => i.symbol)).toEqual(['C', 'A', 'B']);
    expect(sortWatchlist(shuffled, 'change', infos, quotes).map((i) => i.symbol)).toEqual(['B', 'A', 'C']);
  });
});
