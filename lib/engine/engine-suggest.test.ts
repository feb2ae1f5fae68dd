import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setBundledLoader } from './bundled';
import { Engine } from './engine';

const json = (name: string) => JSON.parse(readFileSync(`lib/data/${name}`, 'utf8')) as never;

describe('Engine.suggest (watchlist add box)', () => {
  let engine: Engine;
  beforeAll(() => {
    setBundledLoader({
      snapshot: async () => json('snapshot.json'),
      universe: async () => json('universe.json'),
    });
    engine = new Engine(() => Promise.reject(new Error('offline')));
  });

  it('finds a company by its name', async () => {
    const s = await engine.suggest('Hancock Whitney');
    expect(s[0]).toEqual({ symbol: 'HWC', name: 'Hancock Whitney' });
  });

  it('puts the exact symbol first, then symbol prefixes', async () => {
    const s = await engine.suggest('crdo');
    expect(s[0]?.symbol).toBe('CRDO');
    const p = await engine.suggest('Credo');
    expect(p.map((x) => x.symbol)).toContain('CRDO');
  });

  it('matches names without punctuation or spacing ("Co Diag", "codiag", "Co-Diag")', async () => {
    for (const q of ['Co Diag', 'codiag', 'Co-Diag', 'co-diagnostics']) {
      const s = await engine.suggest(q);
      expect(
        s.map((x) => x.symbol),
        q,
      ).toContain('CODX');
    }
  });

  it('returns nothing for blank input', async () => {
    expect(await engine.suggest('  ')).toEqual([]);
  });
});
