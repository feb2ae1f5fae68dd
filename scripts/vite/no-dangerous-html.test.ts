import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripDangerousHtml } from './no-dangerous-html';

describe('stripDangerousHtml on the installed Preact', () => {
  for (const file of [
    'preact/dist/preact.module.js',
    'preact/dist/preact.mjs',
  ] /* browser and import builds */) {
    it(`${file}: the one dynamic innerHTML write is replaced, the literal reset kept`, () => {
      const code = readFileSync(resolve('node_modules', file), 'utf8');
      expect(code).toMatch(/\.innerHTML=[A-Za-z_$]/); // what the add-on linter flags today
      const { code: out, replaced } = stripDangerousHtml(code);
      expect(replaced).toBe(1);
      expect(out).not.toMatch(/\.innerHTML\s*=\s*[A-Za-z_$]/);
      expect(out).toContain('innerHTML=""'); // clearing is a literal, not flagged
    });
  }

  it('leaves other code alone', () => {
    expect(stripDangerousHtml('a.textContent=b.__html').replaced).toBe(0);
  });
});
