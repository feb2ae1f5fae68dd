import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contrastRatio, readTokens } from '../test/contrast';

const css = readFileSync(fileURLToPath(new URL('./base.css', import.meta.url)), 'utf8');

// Text colour on background colour: every pair the pages actually use.
const PAIRS: Array<[string, string]> = [
  ['--fg', '--bg'],
  ['--fg', '--surface'],
  ['--fg', '--chip'],
  ['--fg', '--good-bg'],
  ['--fg', '--bad-bg'],
  ['--fg', '--warn-bg'],
  ['--muted', '--bg'],
  ['--muted', '--surface'],
  ['--muted', '--chip'],
  ['--accent', '--bg'],
  ['--accent', '--surface'],
  ['--accent-fg', '--accent'],
  ['--good', '--good-bg'],
  ['--good', '--bg'],
  ['--good', '--surface'],
  ['--bad', '--bad-bg'],
  ['--bad', '--bg'],
  ['--bad', '--surface'],
  ['--warn', '--warn-bg'],
  ['--warn', '--bg'],
  ['--warn', '--surface'],
  ['--idx-r2000', '--idx-r2000-bg'],
  ['--idx-r2000', '--bg'],
  ['--idx-r1000', '--bg'],
  ['--idx-other', '--bg'],
];

describe('theme tokens', () => {
  for (const [name, selector] of [
    ['light', ":root[data-theme='light']"],
    ['dark', ":root[data-theme='dark']"],
  ] as const) {
    it(`${name}: every text pair reaches 4.5:1`, () => {
      const t = readTokens(css, selector);
      expect(Object.keys(t).length).toBeGreaterThan(10);
      const failing = PAIRS.filter(([fg, bg]) => contrastRatio(t[fg]!, t[bg]!) < 4.5).map(
        ([fg, bg]) => `${fg} on ${bg}: ${contrastRatio(t[fg]!, t[bg]!).toFixed(2)}`,
      );
      expect(failing).toEqual([]);
    });
    it(`${name}: chart and control borders reach 3:1 (non-text)`, () => {
      const t = readTokens(css, selector);
      expect(contrastRatio(t['--chart-1']!, t['--bg']!)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(t['--chart-2']!, t['--bg']!)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(t['--border-strong']!, t['--bg']!)).toBeGreaterThanOrEqual(3);
    });
  }
});
