/**
 * For the stage tests of the scanner (not shipped: only *.test.ts files import it): the bundled
 * universe, and one stage run on one text node with a fresh or given page state.
 */
import universeJson from '../data/universe.json';
import type { UniverseData } from './build';
import type { DetectOptions, Mention } from './mention';
import { ScanState } from './scan-state';
import { loadUniverse } from './universe';

export const bundledUniverse = loadUniverse(universeJson as unknown as UniverseData);

export function pageState(opts: DetectOptions = {}): ScanState {
  return new ScanState(bundledUniverse, opts);
}

/** Opens `text` as the next segment of `st`, runs `stage` on it, closes it; the mentions emitted. */
export function runStage(st: ScanState, text: string, stage: (st: ScanState) => void): Mention[] {
  const out: Mention[] = [];
  st.segment++;
  st.open(text, out);
  stage(st);
  st.close();
  return out;
}

/** Like runStage, for a stage that returns where it stopped: the mentions and that end. */
export function runStageTo(
  st: ScanState,
  text: string,
  stage: (st: ScanState) => number,
): { ms: Mention[]; end: number } {
  let end = Number.NaN;
  const ms = runStage(st, text, (s) => {
    end = stage(s);
  });
  return { ms, end };
}

/** `kind:SYMBOL` of each mention, for compact expectations. */
export const kinds = (ms: readonly Mention[]): string[] => ms.map((m) => `${m.kind}:${m.symbol}`);
