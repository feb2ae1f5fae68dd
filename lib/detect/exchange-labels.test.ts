import { describe, expect, it } from 'vitest';
import { classifyGroup, EXCH_GROUP, EXCH_STARTERS, normaliseUsLabel } from './exchange-labels';

const group = (text: string): string | null => {
  EXCH_GROUP.lastIndex = 0;
  return EXCH_GROUP.exec(text)?.[1] ?? null;
};

describe('exchange labels', () => {
  it('reads a label group up to its colon', () => {
    expect(group('NYSE: KO')).toBe('NYSE');
    expect(group('NYSE and TSX: ABX')).toBe('NYSE and TSX');
    expect(group('Nasdaq Global Select Market：XYZ')).toBe('Nasdaq Global Select Market');
    expect(group('NYSE KO')).toBeNull();
  });

  it('classifies a group: a US exchange wins, then OTC, then a ticker label, else foreign', () => {
    expect(classifyGroup('NYSE and TSX')).toEqual({ kind: 'us', label: 'NYSE' });
    expect(classifyGroup('TSX / NASDAQ')).toEqual({ kind: 'us', label: 'NASDAQ' });
    expect(classifyGroup('OTCQX')).toEqual({ kind: 'otc' });
    expect(classifyGroup('Ticker Symbol')).toEqual({ kind: 'ticker' });
    expect(classifyGroup('TSX, ASX')).toEqual({ kind: 'foreign' });
    expect(classifyGroup('Nasdaq Stockholm')).toEqual({ kind: 'foreign' });
  });

  it('normalises US labels to the listing exchange names', () => {
    expect(normaliseUsLabel('NasdaqGS')).toBe('NASDAQ');
    expect(normaliseUsLabel('NYSE  Arca')).toBe('NYSE Arca');
    expect(normaliseUsLabel('AMEX')).toBe('NYSE American');
    expect(normaliseUsLabel('NYSE MKT')).toBe('NYSE American');
    expect(normaliseUsLabel('NYSE Texas')).toBe('NYSE Texas');
    expect(normaliseUsLabel('New York Stock Exchange')).toBe('NYSE');
    expect(normaliseUsLabel('Cboe BZX')).toBe('Cboe');
    expect(normaliseUsLabel('IEX')).toBe('IEX');
  });

  it('every label starts with a token the scanner checks', () => {
    for (const label of ['NYSE', 'Nasdaq', 'OTCQX', 'TSX', 'Ticker', 'New', 'Euronext', 'Stock'])
      expect(EXCH_STARTERS.has(label), label).toBe(true);
  });
});
