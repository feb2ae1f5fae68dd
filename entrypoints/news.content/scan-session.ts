/**
 * One page's scanning: passes of the PageScanner over the document and the roots it reaches
 * (roots.ts), run by a SliceRunner in ~5 ms slices in idle time, with the underlines drawn at the
 * end of each pass.
 *
 * - A MutationObserver only queues roots; one queued step drains them in slices. Each burst of
 *   mutations ends with one debounced full rescan (fresh detector state, so "Name … (NASDAQ:
 *   SYM)" evidence anywhere on the page applies everywhere).
 * - The index that hover and keyboard read (`index`) is the last completed pass: a rescan swaps
 *   its index in only at the end, so the page never sees a half-built one.
 * - The end of a pass (deferred mentions) and the drawing run in slices too: thousands of
 *   mentions on a dense page never make one long task.
 */
import type { DetectOptions, Universe } from '../../lib/detect';
import { CARD_HOST_ATTR } from '../../lib/lens/card-contract';
import type { Highlighter } from './highlight';
import { ctxTimers, mark, whenIdle, type LensContext } from './lens-context';
import type { MentionIndex } from './lookup';
import { trackRoots } from './roots';
import { PageScanner } from './scanner';
import { debounceWithMax, SliceRunner, yieldTask, type SliceHost, type Step } from './scheduler';

const SLICE_MS = 5;

export interface ScanHooks {
  /** A same-origin frame's document, first seen (the pointer and keys are read there too). */
  frameDocument(doc: Document): void;
  /** A pass completed and `index` is now the live one (its drawing is under way). */
  passComplete(index: MentionIndex<Text>): void;
}

export interface ScanSession {
  /** The last completed pass. */
  readonly index: MentionIndex<Text>;
  /** A full rescan is under way (its index is not live yet). */
  readonly rescanning: boolean;
  readonly shadowRoots: ReadonlySet<ShadowRoot>;
  /** Observes the document and starts the first pass. */
  start(): void;
  /** A full rescan after the debounce (SPA navigation, or a burst of mutations). */
  rescanSoon(): void;
  stop(): void;
}

/** Slices in idle time on the context, next slice in a new task while the idle period lasts. */
export const idleSlices = (ctx: LensContext): SliceHost => ({
  now: () => performance.now(),
  schedule: (cb) => whenIdle(ctx, cb, 200, 16),
  yieldTask,
});

/** Our card host and our <style> elements carry the attribute: their mutations are not the page's. */
const isOwnNode = (n: Node) =>
  n.nodeType === Node.ELEMENT_NODE && (n as Element).hasAttribute(CARD_HOST_ATTR);

export function createScanSession(
  ctx: LensContext,
  universe: Universe,
  opts: DetectOptions,
  highlighter: Pick<Highlighter, 'addShadowRoot' | 'publish'>,
  hooks: ScanHooks,
  host: SliceHost = idleSlices(ctx),
): ScanSession {
  let stopped = false;
  const roots = trackRoots({
    observe: (root) => mo.observe(root, { childList: true, subtree: true, characterData: true }),
    walk: (root) => {
      scanned = true;
      runner.enqueue(scanner.walk(root));
    },
    shadowRoot: (root) => highlighter.addShadowRoot(root),
    frameDocument: hooks.frameDocument,
    frameLoad: (frame, cb) =>
      ctx.addEventListener(frame, 'load', () => {
        if (!stopped) cb();
      }),
  });
  const scanner = new PageScanner(universe, opts, { onRoot: roots.found });
  let live: MentionIndex<Text> = scanner.index;
  let rescanning = false;
  /** Scanning work ran since the last pass end (drawing alone must not end another pass). */
  let scanned = false;
  const runner = new SliceRunner(host, SLICE_MS, () => passDone());

  const mo = new MutationObserver((records) => {
    let relevant = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        queueRoot(r.target);
        relevant = true;
        continue;
      }
      for (const n of r.addedNodes) {
        if (isOwnNode(n)) continue;
        if (n.nodeType === Node.ELEMENT_NODE || n.nodeType === Node.TEXT_NODE) {
          queueRoot(n);
          relevant = true;
        }
      }
      for (const n of r.removedNodes) if (!isOwnNode(n)) relevant = true;
    }
    if (relevant) burst.call();
  });

  // Mutation roots are drained by one queued step, so the observer callback stays O(records).
  const queued = new Set<Node>();
  let activeWalk: Step | null = null;
  let drainQueued = false;
  function queueRoot(n: Node): void {
    queued.add(n);
    scanned = true;
    if (drainQueued) return;
    drainQueued = true;
    runner.enqueue(drain);
  }
  function drain(): boolean {
    if (activeWalk) {
      if (activeWalk()) return true;
      activeWalk = null;
    }
    const next = queued.values().next();
    if (next.done) {
      drainQueued = false;
      return false;
    }
    queued.delete(next.value);
    if (next.value.isConnected) activeWalk = scanner.walk(next.value);
    return true;
  }

  function fullRescan(): void {
    if (stopped) return;
    runner.clear();
    queued.clear();
    activeWalk = null;
    drainQueued = false;
    roots.newPass(document);
    scanner.reset(opts);
    mark('scl:scan-start');
    rescanning = true;
    scanned = true;
    runner.enqueue(scanner.walk(document));
  }

  const burst = debounceWithMax(() => fullRescan(), 1500, 10_000, ctxTimers(ctx));

  function passDone(): void {
    if (stopped || !scanned) return;
    scanned = false;
    const finish = scanner.finishSteps();
    runner.enqueue(() => {
      if (finish()) return true;
      completePass();
      return false;
    });
  }

  function completePass(): void {
    if (stopped) return;
    live = scanner.index;
    rescanning = false;
    if (import.meta.env.DEV) mark('scl:scan-done', { nodes: scanner.nodesScanned, hits: live.size });
    // A pass that ends while the last one is still drawing just queues the next drawing.
    runner.enqueue(highlighter.publish(live.all().slice()));
    hooks.passComplete(live);
  }

  return {
    get index() {
      return live;
    },
    get rescanning() {
      return rescanning;
    },
    shadowRoots: roots.shadowRoots,
    start() {
      roots.observe(document);
      fullRescan();
    },
    rescanSoon: () => burst.call(),
    stop() {
      stopped = true;
      mo.disconnect();
      runner.stop();
      burst.cancel();
    },
  };
}
