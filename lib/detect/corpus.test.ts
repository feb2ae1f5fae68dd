/**
 * Precision / recall of the detector on the hand-labelled corpus in test/fixtures/detect/corpus.json
 * (press releases, newswire, analyst notes, headline lists, social posts, hard negatives, name-only
 * passages). Scored per passage on unique symbols: "written" = symbols that appear as text (cashtag,
 * exchange-qualified, paren, bare, link); "names" = companies named without their symbol. `optional`
 * labels are neither required nor counted as errors.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectMentions, loadUniverse, type UniverseData } from './index';

interface Passage {
  id: string;
  kind: string;
  text: string;
  symbols: string[];
  names: string[];
  optional?: string[];
  social?: boolean;
}

const root = resolve(__dirname, '../..');
const corpus = JSON.parse(
  readFileSync(resolve(root, 'test/fixtures/detect/corpus.json'), 'utf8'),
) as Passage[];
const universe = loadUniverse(
  JSON.parse(readFileSync(resolve(root, 'lib/data/universe.json'), 'utf8')) as UniverseData,
);

interface Score {
  tp: number;
  fp: number;
  fn: number;
}
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function evaluate() {
  const written: Score = { tp: 0, fp: 0, fn: 0 };
  const named: Score = { tp: 0, fp: 0, fn: 0 };
  const errors: string[] = [];
  for (const p of corpus) {
    const ms = detectMentions(p.text, universe, { social: p.social });
    const predWritten = new Set(ms.filter((m) => m.kind !== 'name').map((m) => m.symbol));
    const predNamed = new Set(ms.filter((m) => m.kind === 'name').map((m) => m.symbol));
    const all = new Set([...predWritten, ...predNamed]);
    const ok = new Set([...p.symbols, ...p.names, ...(p.optional ?? [])]);
    const optional = new Set(p.optional ?? []);
    for (const s of p.symbols) {
      if (predWritten.has(s)) written.tp++;
      else {
        written.fn++;
        errors.push(`${p.id}: missed written ${s}`);
      }
    }
    for (const s of p.names) {
      if (all.has(s)) named.tp++;
      else {
        named.fn++;
        errors.push(`${p.id}: missed name ${s}`);
      }
    }
    for (const s of predWritten) {
      if (!ok.has(s)) {
        written.fp++;
        errors.push(`${p.id}: false written ${s}`);
      }
    }
    for (const s of predNamed) {
      if (!ok.has(s) && !predWritten.has(s)) {
        named.fp++;
        errors.push(`${p.id}: false name ${s} (${ms.find((m) => m.symbol === s)?.text})`);
      } else if (optional.has(s)) continue;
    }
  }
  const all: Score = { tp: written.tp + named.tp, fp: written.fp + named.fp, fn: written.fn + named.fn };
  return {
    written: {
      precision: ratio(written.tp, written.tp + written.fp),
      recall: ratio(written.tp, written.tp + written.fn),
    },
    names: { precision: ratio(named.tp, named.tp + named.fp), recall: ratio(named.tp, named.tp + named.fn) },
    precision: ratio(all.tp, all.tp + all.fp),
    errors,
  };
}

describe('detector corpus', () => {
  it('has at least 40 passages of every kind, labelled with known symbols', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map((p) => p.kind)).size).toBeGreaterThanOrEqual(7);
    // Name labels must resolve in the universe (written symbols may be absent: explicit forms stand).
    const unknown = corpus.flatMap((p) => p.names.filter((s) => !universe.get(s)).map((s) => `${p.id}:${s}`));
    expect(unknown).toEqual([]);
  });

  it('meets precision ≥ 0.97, recall ≥ 0.95 (written) and ≥ 0.75 (names)', () => {
    const r = evaluate();
    console.info(
      `corpus: ${corpus.length} passages; written P=${r.written.precision.toFixed(3)} R=${r.written.recall.toFixed(3)}; ` +
        `names P=${r.names.precision.toFixed(3)} R=${r.names.recall.toFixed(3)}; overall P=${r.precision.toFixed(3)}` +
        (r.errors.length ? `\n  ${r.errors.join('\n  ')}` : ''),
    );
    expect(r.precision).toBeGreaterThanOrEqual(0.97);
    expect(r.written.precision).toBeGreaterThanOrEqual(0.97);
    expect(r.written.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.names.recall).toBeGreaterThanOrEqual(0.75);
  });
});
