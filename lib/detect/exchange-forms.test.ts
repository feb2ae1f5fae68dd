import { describe, expect, it } from 'vitest';
import { tryExchange, tryTickerWord } from './exchange-forms';
import { detectInDocument, detectMentions } from './index';
import { bundledUniverse as u, kinds, pageState, runStage } from './stage-testing';

const detect = (t: string) => kinds(detectMentions(t, u));

describe('symbols after an exchange label', () => {
  it('exchange-qualified forms and offsets', () => {
    const text = 'Acme (NASDAQ: ZZZQ) and ( NYSE:KO ) plus NYSE American: UAMY';
    const ms = detectMentions(text, u);
    expect(kinds(ms)).toEqual(['exchange:ZZZQ', 'exchange:KO', 'exchange:UAMY']);
    expect(ms[0]).toMatchObject({ inUniverse: false, exchange: 'NASDAQ', text: 'ZZZQ' });
    expect(ms[1]).toMatchObject({ inUniverse: true, exchange: 'NYSE' });
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('lists, semicolons, foreign and OTC listings', () => {
    expect(detect('Visa and Mastercard (NYSE: V, MA) rose')).toContain('exchange:MA');
    expect(detect('Foo Corp (NASDAQ: FOOX; TSX: FOO)')).toEqual(['exchange:FOOX']);
    expect(detect('Bar Mining (TSX: ABX, ASX: BHP) (LSE: VOD) (HKEX: 0700) (Euronext Paris: MC)')).toEqual(
      [],
    );
    expect(detect('Tate & Lyle (OTCQX: TATYY) and NasdaqGS:AAPL and Cboe BZX: CBOE')).toEqual([
      'otc:TATYY',
      'exchange:AAPL',
      'exchange:CBOE',
    ]);
    expect(detect('Home Depot (ticker: HD) and the ticker symbol "LOW"')).toContain('exchange:LOW');
  });

  it('an exchange label split from its symbol across text nodes', () => {
    const r = detectInDocument(['Qualcomm  (', 'NASDAQ: ', 'QCOM', ')'], u);
    expect(r.segments[2]?.map((m) => m.kind)).toEqual(['exchange']);
    expect(r.tickers).toEqual(['QCOM']);
  });

  it('outside parens a label takes one symbol; a label ending the node is left pending', () => {
    const st = pageState();
    let end = -1;
    const ms = runStage(st, 'NYSE: KO, PEP', (s) => (end = tryExchange(s, 0, false)));
    expect(kinds(ms)).toEqual(['exchange:KO']);
    expect(end).toBe(8);
    runStage(st, 'listed on NYSE: ', (s) => expect(tryExchange(s, 10, false)).toBe(16));
    expect(st.pendingExchange).toEqual({ kind: 'us', label: 'NYSE' });
    runStage(st, 'no label here', (s) => expect(tryExchange(s, 0, false)).toBe(-1));
  });
});

describe('symbols after the word ticker or symbol', () => {
  it('reads the symbol and says why', () => {
    const st = pageState();
    const text = 'under the ticker symbol "ACME" today';
    const ms = runStage(st, text, (s) => expect(tryTickerWord(s, 16)).toBe(30));
    expect(ms).toMatchObject([{ symbol: 'ACME', text: 'ACME', reason: 'written after "ticker"/"symbol"' }]);
    expect(text.slice(ms[0]!.start, ms[0]!.end)).toBe('ACME');
    runStage(st, 'the ticker tape', (s) => expect(tryTickerWord(s, 10)).toBe(-1));
  });
});
