import { describe, expect, it } from 'vitest';
import { contrastRatio, readTokens } from '../../test/contrast';
import { CARD_CSS } from './card-style';

// Text on background in the card: every pair its markup uses (the primary button's text is --bg).
const TEXT_PAIRS: Array<[string, string]> = [
  ['--fg', '--bg'],
  ['--muted', '--bg'],
  ['--accent', '--bg'],
  ['--up', '--bg'],
  ['--down', '--bg'],
  ['--fg', '--chip'],
  ['--muted', '--chip'],
  ['--up', '--chip'],
  ['--bg', '--accent'],
];

describe('hover card colours', () => {
  const light = readTokens(CARD_CSS, '.scl-card');
  const dark = { ...light, ...readTokens(CARD_CSS, '.scl-card[data-theme="dark"]') };
  for (const [name, t] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`${name}: text reaches 4.5:1, the index dots 3:1`, () => {
      expect(Object.keys(t).length).toBeGreaterThan(8);
      const failing = TEXT_PAIRS.filter(([fg, bg]) => contrastRatio(t[fg]!, t[bg]!) < 4.5).map(
        ([fg, bg]) => `${fg} on ${bg}: ${contrastRatio(t[fg]!, t[bg]!).toFixed(2)}`,
      );
      expect(failing).toEqual([]);
      for (const dot of ['--r2000', '--r1000', '--other'])
        expect(contrastRatio(t[dot]!, t['--bg']!), dot).toBeGreaterThanOrEqual(3);
    });
  }
});
