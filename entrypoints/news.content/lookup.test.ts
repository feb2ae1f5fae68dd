import { describe, expect, it } from 'vitest';
import { findInSorted, MentionIndex, type Hit } from './lookup';

const node = (id: string) => ({ id });
type N = ReturnType<typeof node>;
const hit = (n: N, start: number, end: number, symbol = 'CRDO'): Hit<N> => ({
  node: n,
  start,
  end,
  symbol,
  r2000: true,
  name: '',
});

describe('findInSorted', () => {
  const list = [
    { start: 3, end: 7 },
    { start: 10, end: 12 },
    { start: 20, end: 25 },
  ];
  it('finds the mention covering an offset, including a caret right after it', () => {
    expect(findInSorted(list, 3)).toBe(list[0]);
    expect(findInSorted(list, 7)).toBe(list[0]);
    expect(findInSorted(list, 11)).toBe(list[1]);
    expect(findInSorted(list, 25)).toBe(list[2]);
  });
  it('returns null between and outside mentions', () => {
    expect(findInSorted(list, 0)).toBeNull();
    expect(findInSorted(list, 8)).toBeNull();
    expect(findInSorted(list, 19)).toBeNull();
    expect(findInSorted(list, 99)).toBeNull();
    expect(findInSorted([], 1)).toBeNull();
  });
  it('agrees with a linear scan on many random lists', () => {
    for (let k = 0; k < 200; k++) {
      let p = 0;
      const l: Array<{ start: number; end: number }> = [];
      for (let i = 0; i < 20; i++) {
        p += 1 + Math.floor(Math.random() * 5);
        const s = p;
        p += 1 + Math.floor(Math.random() * 5);
        l.push({ start: s, end: p });
      }
      for (let o = 0; o <= p + 2; o++) {
        const linear = l.find((m) => m.start <= o && o <= m.end) ?? null;
        // Adjacent mentions share a boundary: the later one wins, as in the binary search.
        const expected = l.filter((m) => m.start <= o && o <= m.end).pop() ?? linear;
        expect(findInSorted(l, o)).toBe(expected);
      }
    }
  });
});

describe('MentionIndex', () => {
  it('maps node + offset to a hit and keeps scan order for stepping', () => {
    const a = node('a');
    const b = node('b');
    const idx = new MentionIndex<N>();
    idx.set(a, [hit(a, 10, 14, 'BE'), hit(a, 0, 4, 'CRDO')]);
    idx.set(b, [hit(b, 5, 9, 'IWM')]);
    expect(idx.at(a, 2)?.symbol).toBe('CRDO');
    expect(idx.at(a, 12)?.symbol).toBe('BE');
    expect(idx.at(a, 7)).toBeNull();
    expect(idx.all().map((h) => h.symbol)).toEqual(['CRDO', 'BE', 'IWM']);
    expect(idx.step(null)?.symbol).toBe('CRDO');
    expect(idx.step(idx.all()[2]!)?.symbol).toBe('CRDO'); // wraps
    expect(idx.step(null, -1)?.symbol).toBe('IWM');
    expect([...idx.counts()]).toEqual([
      ['CRDO', 1],
      ['BE', 1],
      ['IWM', 1],
    ]);
  });

  it('replaces a rescanned node and prunes removed ones', () => {
    const a = node('a');
    const b = node('b');
    const idx = new MentionIndex<N>();
    idx.set(a, [hit(a, 0, 4)]);
    idx.set(b, [hit(b, 0, 4)]);
    idx.set(a, [hit(a, 1, 5, 'BE')]);
    expect(idx.size).toBe(2);
    expect(idx.at(a, 1)?.symbol).toBe('BE');
    idx.prune((n) => n !== b);
    expect(idx.size).toBe(1);
    expect(idx.has(b)).toBe(false);
    expect(idx.all()).toHaveLength(1);
  });

  it('adding to the hits of a node (end of a pass) lists each hit once', () => {
    const a = node('a');
    const b = node('b');
    const idx = new MentionIndex<N>();
    idx.set(a, [hit(a, 0, 4, 'CRDO')]);
    idx.set(b, [hit(b, 0, 4, 'BE')]);
    // As finishPass does: the node's current hits plus a confirmed one.
    idx.set(a, [...idx.get(a), hit(a, 9, 12, 'IWM')]);
    expect(idx.size).toBe(3);
    expect(idx.all().map((h) => h.symbol)).toEqual(['BE', 'CRDO', 'IWM']);
    expect([...idx.counts()]).toEqual([
      ['BE', 1],
      ['CRDO', 1],
      ['IWM', 1],
    ]);
  });

  it('never holds more than its cap', () => {
    const idx = new MentionIndex<N>(5);
    for (let i = 0; i < 4; i++) {
      const n = node(String(i));
      idx.set(n, [hit(n, 0, 2), hit(n, 3, 5)]);
    }
    expect(idx.size).toBe(5);
    expect(idx.full).toBe(true);
  });
});
