import { describe, expect, it } from 'vitest';
import * as storage from '../lib/storage';
import { MAX_WATCHLIST, SOURCE_IDS, normalizeSymbol } from './symbols';

describe('UI copies of lib/storage constants', () => {
  it('match the originals', () => {
    expect(MAX_WATCHLIST).toBe(storage.MAX_WATCHLIST);
    expect([...SOURCE_IDS]).toEqual([...storage.SOURCE_IDS]);
    for (const s of ['$crdo', 'brk-b', 'BRK/B', ' aapl ', '123', '', 'TOOLONGSYMBOL', 'a.b-c']) {
      expect(normalizeSymbol(s)).toBe(storage.normalizeSymbol(s));
    }
  });
});
