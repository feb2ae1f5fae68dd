/**
 * In-page scan benchmark (bundled by scripts/bench/bundle.ts into an IIFE and injected with
 * page.addScriptTag). Uses the REAL detector (lib/detect) and the content script's REAL scanner
 * and slice runner (entrypoints/news.content/scanner.ts, scheduler.ts) — the same code the
 * extension ships — and exposes `window.__bench`.
 */
import { loadUniverse, type UniverseData } from '../../../lib/detect';
import { PageScanner, skipsElement } from '../../../entrypoints/news.content/scanner';
import { SliceRunner } from '../../../entrypoints/news.content/scheduler';
import universeJson from '../../../lib/data/universe.json';

const t0 = performance.now();
const universe = loadUniverse(universeJson as unknown as UniverseData);
const universeLoadMs = performance.now() - t0;

/** The scanner's own node filter (whitespace-only text skipped, skipped tags rejected). */
function walker(root: Node = document.body): TreeWalker {
  return document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(n: Node): number {
      if (n.nodeType === Node.TEXT_NODE)
        return /\S/.test((n as Text).data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      return skipsElement(n as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
}

/** Words in capitals that are not tickers in news prose (the usual hand-made stoplist). */
const STOP = new Set(
  (
    'A I AN AM AT BE BY DO GO HE IF IN IS IT ME MY NO OF ON OR SO TO UP US WE ' +
    'AI CEO CFO COO CTO EPS ETF ET GDP IPO IR FED CPI PCE PE USA UK EU SEC FDA NYSE NASDAQ ' +
    'AND THE FOR ARE NEW NOW ALL ONE TWO ITS CEOS Q1 Q2 Q3 Q4 YOY EBITDA AM PM CME'
  ).split(' '),
);
const NAIVE_RE = /\$?\b[A-Z]{1,5}(?:\.[A-Z])?\b/g;

export interface RunResult {
  ms: number;
  nodes: number;
  hits: number;
}

export interface SlicedResult extends RunResult {
  slices: number;
  maxSliceMs: number;
  longTasks: number[];
}

/** Walks `reps` times, reading the data of every node the walker yields; hits = characters. */
function readEveryText(makeWalker: () => TreeWalker, reps: number): RunResult {
  settle();
  const start = performance.now();
  let nodes = 0;
  let chars = 0;
  for (let r = 0; r < reps; r++) {
    nodes = 0;
    chars = 0;
    const w = makeWalker();
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      nodes++;
      chars += (n as Text).data.length;
    }
  }
  return { ms: (performance.now() - start) / reps, nodes, hits: chars };
}

function settle(): void {
  // Style and layout are computed before any variant runs, so no variant pays for them.
  void document.body.getBoundingClientRect();
}

const bench = {
  universeLoadMs,
  universeSize: universe.size,

  counts(): { all: number; text: number; accepted: number; chars: number } {
    let all = 0;
    let text = 0;
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
    for (let n: Node | null = w.currentNode; n; n = w.nextNode()) {
      all++;
      if (n.nodeType === Node.TEXT_NODE) text++;
    }
    let accepted = 0;
    let chars = 0;
    const f = walker();
    for (let n = f.nextNode(); n; n = f.nextNode()) {
      accepted++;
      chars += (n as Text).data.length;
    }
    return { all, text, accepted, chars };
  },

  /** The floor: the same TreeWalker and filter, reading each text node's data, no detection. */
  bare(reps = 1): RunResult {
    return readEveryText(() => walker(), reps);
  },

  /**
   * The browser's own walk: a filterless SHOW_TEXT TreeWalker reading every text node (script,
   * style and blank ones too). No JS runs per node, so this is far below any scan; reported for
   * scale, not as the budget's floor.
   */
  native(reps = 1): RunResult {
    return readEveryText(() => document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), reps);
  },

  /** A naive detector: one regex per text node, a stoplist and a universe lookup. */
  naive(reps = 1): RunResult {
    settle();
    const start = performance.now();
    let nodes = 0;
    let hits = 0;
    for (let r = 0; r < reps; r++) {
      nodes = 0;
      hits = 0;
      const w = walker();
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        nodes++;
        for (const m of (n as Text).data.matchAll(NAIVE_RE)) {
          const sym = m[0].startsWith('$') ? m[0].slice(1) : m[0];
          if (!STOP.has(sym) && universe.get(sym)) hits++;
        }
      }
    }
    return { ms: (performance.now() - start) / reps, nodes, hits };
  },

  /** Our full scan, driven synchronously: PageScanner.walk to the end, then finishPass. */
  full(reps = 1): RunResult & { finishMs: number } {
    settle();
    let nodes = 0;
    let hits = 0;
    let finishMs = 0;
    const start = performance.now();
    for (let r = 0; r < reps; r++) {
      const scanner = new PageScanner(universe, {}, { onRoot: () => {} });
      const step = scanner.walk(document);
      nodes = 0;
      while (step()) nodes += 24;
      const walked = performance.now();
      scanner.finishPass();
      finishMs += performance.now() - walked;
      hits = scanner.index.size;
    }
    return { ms: (performance.now() - start) / reps, finishMs: finishMs / reps, nodes, hits };
  },

  /**
   * Our full scan as the lens runs it: SliceRunner (5 ms budget) on requestIdleCallback with a
   * 200 ms timeout; reports wall time, slice count, the longest slice and long tasks seen.
   */
  sliced(): Promise<SlicedResult> {
    settle();
    const longTasks: number[] = [];
    const po = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) longTasks.push(e.duration);
    });
    try {
      po.observe({ type: 'longtask' });
    } catch {
      // no longtask support: slice timing still reported
    }
    const scanner = new PageScanner(universe, {}, { onRoot: () => {} });
    let maxSliceMs = 0;
    return new Promise((done) => {
      const start = performance.now();
      const runner = new SliceRunner(
        {
          now: () => performance.now(),
          schedule: (cb) =>
            requestIdleCallback(
              () => {
                const s = performance.now();
                cb();
                maxSliceMs = Math.max(maxSliceMs, performance.now() - s);
              },
              { timeout: 200 },
            ),
        },
        5,
        () => {
          const s = performance.now();
          scanner.finishPass();
          maxSliceMs = Math.max(maxSliceMs, performance.now() - s);
          const ms = performance.now() - start;
          // Long-task entries are delivered after the task: give them one turn.
          setTimeout(() => {
            po.disconnect();
            done({ ms, nodes: 0, hits: scanner.index.size, slices: runner.slices, maxSliceMs, longTasks });
          }, 50);
        },
      );
      runner.enqueue(scanner.walk(document));
    });
  },
};

declare global {
  interface Window {
    __bench: typeof bench;
  }
}
window.__bench = bench;
