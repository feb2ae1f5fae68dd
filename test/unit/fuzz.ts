/**
 * Shared arbitraries and checks for the property-based tests (fast-check): hostile strings,
 * mutated copies of real recorded files, and the "never throws, returns ok or a typed error"
 * contract of every parser (lib/result.ts).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Result, SourceErrorKind } from '../../lib/result';

export const ERROR_KINDS: readonly SourceErrorKind[] = [
  'network',
  'timeout',
  'http',
  'rate-limited',
  'challenge',
  'format',
  'empty',
  'too-large',
  'unavailable',
];

/** Runs per property. 2-core CI: keep the whole fuzz layer within a few seconds per file. */
export const RUNS = Number(process.env.SCL_FUZZ_RUNS ?? 200);

/** Every input a property feeds to a module under test is counted here (SECURITY.md table). */
export const tally = { inputs: 0 };

/** Strings an attacker or a broken server would send: markup, bidi overrides, zero-widths, NULs. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '\u202Egnp.exe',
  'A\u200B\u200C\u200D\uFEFFB',
  '\u0000\u0001\u0007',
  '\uD800',
  '\uDFFF\uD800',
  '👩‍👩‍👧‍👦🇺🇸',
  'Ａ\u0301\u0308',
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  '=HYPERLINK("http://evil.example")',
  '\r\n\r\n',
  '"',
  '""""',
  ',,,,',
  '|||',
  '\t',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '9'.repeat(400),
];

const codePoint = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(',', '"', '\n', '\r\n', '\r', '|', '{', '}', '[', ']', ':', '-', '.', '<', '\uFEFF', ' '),
);

/** Arbitrary text: any unicode (lone surrogates included), hostile snippets, and separators. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(codePoint, { maxLength: 30 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? '') },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => new TextDecoder().decode(b)),
  },
);

type Op =
  | { t: 'truncate'; at: number }
  | { t: 'dropLine'; i: number }
  | { t: 'dupLine'; i: number }
  | { t: 'swapLines'; i: number; j: number }
  | { t: 'spliceLine'; i: number; j: number }
  | { t: 'insert'; at: number; s: string }
  | { t: 'replace'; at: number; len: number; s: string }
  | { t: 'eol'; to: string }
  | { t: 'bom' }
  | { t: 'dupBlock'; at: number; len: number };

const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('truncate' as const), at: frac }),
  fc.record({ t: fc.constant('dropLine' as const), i: frac }),
  fc.record({ t: fc.constant('dupLine' as const), i: frac }),
  fc.record({ t: fc.constant('swapLines' as const), i: frac, j: frac }),
  fc.record({ t: fc.constant('spliceLine' as const), i: frac, j: frac }),
  fc.record({ t: fc.constant('insert' as const), at: frac, s: codePoint }),
  fc.record({ t: fc.constant('replace' as const), at: frac, len: fc.nat(20), s: codePoint }),
  fc.record({ t: fc.constant('eol' as const), to: fc.constantFrom('\n', '\r\n', '\r', '\r\r\n', '') }),
  fc.record({ t: fc.constant('bom' as const) }),
  fc.record({ t: fc.constant('dupBlock' as const), at: frac, len: fc.nat(2000) }),
);

const idx = (f: number, n: number) => Math.min(n - 1, Math.max(0, Math.floor(f * n)));

export function applyOps(text: string, ops: Op[]): string {
  let s = text;
  for (const o of ops) {
    const lines = s.split(/\r?\n/);
    switch (o.t) {
      case 'truncate':
        s = s.slice(0, Math.floor(o.at * s.length));
        break;
      case 'dropLine':
        lines.splice(idx(o.i, lines.length), 1);
        s = lines.join('\n');
        break;
      case 'dupLine': {
        const i = idx(o.i, lines.length);
        lines.splice(i, 0, lines[i] ?? '');
        s = lines.join('\n');
        break;
      }
      case 'swapLines': {
        const i = idx(o.i, lines.length);
        const j = idx(o.j, lines.length);
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        s = lines.join('\n');
        break;
      }
      case 'spliceLine': {
        // A line from elsewhere in the same file (a header in the data, a footer in the middle).
        const from = lines[idx(o.i, lines.length)] ?? '';
        lines.splice(idx(o.j, lines.length), 0, from);
        s = lines.join('\n');
        break;
      }
      case 'insert': {
        const at = Math.floor(o.at * s.length);
        s = s.slice(0, at) + o.s + s.slice(at);
        break;
      }
      case 'replace': {
        const at = Math.floor(o.at * s.length);
        s = s.slice(0, at) + o.s + s.slice(at + o.len);
        break;
      }
      case 'eol':
        s = lines.join(o.to);
        break;
      case 'bom':
        s = '\uFEFF' + s;
        break;
      case 'dupBlock': {
        const at = Math.floor(o.at * s.length);
        s = s.slice(0, at) + s.slice(at, at + o.len) + s.slice(at);
        break;
      }
    }
  }
  return s;
}

/** A real recorded file with 1–4 random edits: truncation, lost/duplicated/moved lines, junk. */
export function mutated(text: string): fc.Arbitrary<string> {
  return fc.array(op, { minLength: 1, maxLength: 4 }).map((ops) => applyOps(text, ops));
}

/** Head and tail of a large file (keeps header and footer, cuts runtime per parse). */
export function excerpt(text: string, headLines = 150, tailLines = 3): string {
  const lines = text.split('\n');
  if (lines.length <= headLines + tailLines) return text;
  return [...lines.slice(0, headLines), ...lines.slice(-tailLines)].join('\n');
}

/** Every leaf path of a JSON value (capped), to replace one with junk. */
function leafPaths(v: unknown, path: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  if (out.length > 5000) return out;
  if (Array.isArray(v)) v.forEach((x, i) => leafPaths(x, [...path, i], out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) leafPaths(x, [...path, k], out);
  out.push(path);
  return out;
}

/** The real JSON document with 1–3 values (leaves or whole subtrees) replaced by arbitrary JSON. */
export function jsonMutated(text: string): fc.Arbitrary<string> {
  const base = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  const paths = leafPaths(base);
  const edit = fc.record({
    p: frac,
    v: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(...HOSTILE_STRINGS),
      fc.constantFrom(null, -1, 0, 1e308, -1e308, '', [], {}),
    ),
  });
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    let doc = structuredClone(base);
    for (const e of edits) {
      const path = paths[idx(e.p, paths.length)]!;
      if (path.length === 0) {
        doc = e.v;
        continue;
      }
      let parent = doc as Record<string | number, unknown> | null;
      for (const k of path.slice(0, -1)) {
        parent =
          parent && typeof parent === 'object' ? (parent[k] as Record<string | number, unknown>) : null;
      }
      if (parent && typeof parent === 'object') parent[path.at(-1)!] = e.v;
    }
    return JSON.stringify(doc);
  });
}

/**
 * The parser contract: no throw past the boundary; ok with a warnings array, or a typed error
 * with a kind from SourceErrorKind and a non-empty message.
 */
export function expectResult<T>(run: () => Result<T>): Result<T> {
  tally.inputs++;
  let r: Result<T>;
  try {
    r = run();
  } catch (e) {
    throw new Error(`parser threw past its boundary: ${e instanceof Error ? e.stack : String(e)}`);
  }
  expect(r && typeof r === 'object').toBe(true);
  if (r.ok) {
    expect(Array.isArray(r.warnings)).toBe(true);
    for (const w of r.warnings) expect(typeof w).toBe('string');
  } else {
    expect(ERROR_KINDS).toContain(r.error.kind);
    expect(typeof r.error.message).toBe('string');
    expect(r.error.message.length).toBeGreaterThan(0);
  }
  return r;
}
