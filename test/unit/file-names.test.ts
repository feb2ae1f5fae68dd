/**
 * The repository's naming rule (docs/ARCHITECTURE.md, "Names"), checked over `git ls-files`:
 * no two files whose paths differ only by case (an import of one is ambiguous on a
 * case-insensitive disk), views in components/ only, and one spelling per kind of file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const FILES = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PASCAL = /^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)*$/;
/** "lens.test.ts" → stem "lens", suffixes ".test.ts". */
const split = (name: string) => ({ stem: name.split('.')[0]!, suffixes: name.slice(name.indexOf('.')) });
const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);
/** What an import names: the path without its script extension. */
const specifier = (path: string) => path.replace(/\.(d\.ts|ts|tsx|mts|js|mjs)$/, '');

/** Files named by something outside the rule: recordings keep their source's names, docs their capitals. */
const exempt = (path: string) =>
  path.startsWith('test/fixtures/') || /(^|\/)[A-Z]+\.md$/.test(path) || base(path).startsWith('.');

function sameButCase(keys: string[]): string[][] {
  const byLower = new Map<string, Set<string>>();
  for (const k of keys) {
    const set = byLower.get(k.toLowerCase()) ?? new Set<string>();
    set.add(k);
    byLower.set(k.toLowerCase(), set);
  }
  return [...byLower.values()].filter((s) => s.size > 1).map((s) => [...s]);
}

/** A .tsx module whose main export is a Preact view (a capitalised function) is a view file. */
const VIEW_EXPORT = /^export (default )?function [A-Z]/m;

/** Why `path` (with its text, for .tsx files) breaks the rule, or null. */
function namingProblem(path: string, source = ''): string | null {
  if (exempt(path)) return null;
  const dirs = path.split('/').slice(0, -1);
  const badDir = dirs.find((d) => !d.startsWith('.') && !KEBAB.test(d.replace(/\.content$/, '')));
  if (badDir) return `folder "${badDir}" is not kebab-case`;
  const { stem, suffixes } = split(base(path));
  const isTsx = suffixes === '.tsx' || suffixes === '.test.tsx';
  if (PASCAL.test(stem)) return isTsx ? null : 'PascalCase names are for .tsx view files only';
  if (!KEBAB.test(stem)) return `"${stem}" is neither kebab-case nor a PascalCase view`;
  if (suffixes === '.tsx' && stem !== 'main' && VIEW_EXPORT.test(source))
    return 'a .tsx file that exports a view is PascalCase, named after it';
  if (path.startsWith('components/') && !/\.(css|test\.ts)$/.test(suffixes) && !/^use-/.test(stem))
    return 'components/ holds views (PascalCase.tsx), their hooks (use-*.ts) and styles';
  return null;
}

describe('file names', () => {
  it('lists the repository (the rule is checked on something)', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(FILES).toContain('components/Watchlist.tsx');
  });

  it('no two files differ only by case, neither as paths nor as import specifiers', () => {
    expect(sameButCase(FILES)).toEqual([]);
    expect(sameButCase([...new Set(FILES.map(specifier))])).toEqual([]);
  });

  it('every file follows the naming rule', () => {
    const text = (f: string) => (f.endsWith('.tsx') ? readFileSync(resolve(root, f), 'utf8') : '');
    const problems = FILES.map((f) => [f, namingProblem(f, text(f))]).filter(([, p]) => p);
    expect(problems).toEqual([]);
  });

  it('the rule catches what it is meant to catch', () => {
    expect(sameButCase(['components/Watchlist', 'components/watchlist', 'lib/watchlist'])).toEqual([
      ['components/Watchlist', 'components/watchlist'],
    ]);
    expect(namingProblem('components/settingsFile.ts')).toMatch(/neither kebab-case/);
    expect(namingProblem('lib/ui/Theme.ts')).toMatch(/for .tsx view files only/);
    expect(namingProblem('components/format.ts')).toMatch(/holds views/);
    expect(namingProblem('lib/signalWords/x.ts')).toMatch(/folder "signalWords"/);
    expect(namingProblem('entrypoints/hover-card/card.tsx', 'export function Card() {}')).toMatch(
      /exports a view is PascalCase/,
    );
    expect(namingProblem('entrypoints/hover-card/card-host.tsx', 'export class CardHost {}')).toBeNull();
    for (const ok of [
      'components/MiniChart.tsx',
      'components/use-resolved-theme.ts',
      'components/base.css',
      'components/base.test.ts',
      'entrypoints/hover-card/card-host.tsx',
      'entrypoints/options/sections/SitesSection.test.tsx',
      'lib/ui/page-tickers.test.ts',
      'test/fixtures/real/IWM_holdings_2026-05-05.csv',
      'docs/ARCHITECTURE.md',
    ])
      expect(namingProblem(ok), ok).toBeNull();
  });
});
