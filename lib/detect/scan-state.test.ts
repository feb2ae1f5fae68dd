import { describe, expect, it } from 'vitest';
import { kinds, pageState, runStage } from './stage-testing';

describe('page state across text nodes', () => {
  it('"before" reaches into the previous node’s last 80 characters', () => {
    const st = pageState();
    runStage(st, `${'x'.repeat(100)} shares of`, () => {});
    runStage(st, ' CROX', (s) => {
      expect(s.before(1, 11)).toBe(' shares of ');
      expect(s.before(1, 200)).toHaveLength(81);
    });
  });

  it('a node skipped without scanning still leaves its tail', () => {
    const st = pageState();
    st.keepTail('the stock of');
    runStage(st, ' ACME', (s) => expect(s.before(0, 6)).toBe('ock of'));
  });

  it('line shape is that of the line around the position', () => {
    const st = pageState();
    runStage(st, 'ALL CAPS HEADLINE HERE\nA normal sentence follows.', (s) => {
      s.lineAt(3);
      expect(s.lineCaps).toBe(true);
      s.lineAt(30);
      expect(s.lineCaps).toBe(false);
    });
  });

  it('an explicit form records the symbol, marks finance (not for cashtags) and says why', () => {
    const st = pageState();
    const ms = runStage(st, 'NASDAQ: NVDA and $ZZZQ', (s) => {
      s.emitExplicit('exchange', 'NVDA', 8, 12, { kind: 'us', label: 'NASDAQ' });
    });
    expect(ms).toMatchObject([{ symbol: 'NVDA', exchange: 'NASDAQ', reason: 'written as NASDAQ: NVDA' }]);
    expect(st.finance).toBe(2);
    const st2 = pageState();
    const tag = runStage(st2, '$zzzq', (s) => s.emitExplicit('cashtag', 'zzzq', 0, 5));
    expect(tag).toMatchObject([
      { symbol: 'ZZZQ', kind: 'cashtag', inUniverse: false, reason: 'written as $ZZZQ' },
    ]);
    expect(st2.finance).toBe(0);
    expect(st2.explicit.has('ZZZQ')).toBe(true);
  });

  it('OTC labels make an otc mention; blocked symbols are never emitted', () => {
    const st = pageState({ blocklist: new Set(['KO']) });
    const ms = runStage(st, 'OTCQX: TATYY NYSE: KO', (s) => {
      s.emitExplicit('exchange', 'TATYY', 7, 12, { kind: 'otc' });
      s.emitExplicit('exchange', 'KO', 19, 21, { kind: 'us', label: 'NYSE' });
    });
    expect(kinds(ms)).toEqual(['otc:TATYY']);
    expect(st.explicit.has('KO')).toBe(true);
  });

  it('defer returns the index of the held candidate', () => {
    const st = pageState();
    runStage(st, 'x', (s) => {
      const m = { symbol: 'A', kind: 'bare' as const, start: 0, end: 1, text: 'x', inUniverse: true };
      expect(s.defer(m, 0)).toBe(0);
      expect(s.defer(m, 2, true)).toBe(1);
    });
    expect(st.deferred.map((d) => [d.segment, d.density, d.finance])).toEqual([
      [0, 0, false],
      [0, 2, true],
    ]);
  });
});
