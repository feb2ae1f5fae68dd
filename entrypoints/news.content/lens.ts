/**
 * The content script's engine for one page: scanning (scanner.ts, sliced by scheduler.ts),
 * underlines (highlight.ts), pointer → ticker mapping, the hover card (loaded on first need:
 * lazy-card.ts), keyboard stepping and reporting the page's tickers to the popup.
 *
 * - A MutationObserver only queues roots; the SliceRunner does the work in ~5 ms slices in idle
 *   time, and a debounced full rescan follows each burst of mutations (fresh detector state, so
 *   "Name … (NASDAQ: SYM)" evidence anywhere on the page applies everywhere).
 * - The pointer is mapped with caretPositionFromPoint → (text node, offset) → binary search in
 *   that node's sorted mentions, then confirmed against the range's client rects.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { DetectOptions, Universe } from '../../lib/detect';
import type { PageTicker, SmallCapStrip, TickerInfo, TickerQuote } from '../../lib/view-models';
import { send } from '../../lib/messaging';
import type { Settings } from '../../lib/storage';
import type { CardApi, CardTheme, Rect } from '../../lib/lens/card-contract';
import { Highlighter, rangeOf } from './highlight';
import { isEditableTarget, isStepKey, isStepMessage } from './keyboard';
import { LazyCard } from './lazy-card';
import type { Hit, MentionIndex } from './lookup';
import { pointInRects } from './hit-test';
import { debounceWithMax, SliceRunner, type Step } from './scheduler';
import { CARD_HOST_ATTR, PageScanner } from './scanner';
import { resolveCardTheme, themeFromBackgrounds } from './theme';

export type LensSettings = Pick<
  Settings,
  'hoverDelayMs' | 'altToHover' | 'theme' | 'underline' | 'neverTag' | 'lowercaseCashtags'
>;

const SLICE_MS = 5;
const CLOSE_GRACE_MS = 300;
const REPORT_DELAY_MS = 800;
const MAX_REPORTED = 2000;

/** Caches for the card's requests (one page shows the same ticker many times). */
function createCardApi(): CardApi & { infos(symbols: string[]): Promise<Map<string, TickerInfo>> } {
  const info = new Map<string, Promise<TickerInfo>>();
  const quotes = new Map<string, { at: number; p: Promise<TickerQuote | null> }>();
  let strip: { at: number; p: Promise<SmallCapStrip> } | null = null;
  const fresh = (at: number, ms: number) => Date.now() - at < ms;
  const remember = <K, V>(m: Map<K, Promise<V>>, k: K, p: Promise<V>) => {
    m.set(k, p);
    p.catch(() => m.delete(k)); // an error is not cached: the next hover asks again
    return p;
  };
  return {
    info: (s) => info.get(s) ?? remember(info, s, send('getTickerInfo', { symbol: s })),
    quote: (s) => {
      const q = quotes.get(s);
      if (q && fresh(q.at, 60_000)) return q.p;
      const p = send('getQuote', { symbol: s });
      quotes.set(s, { at: Date.now(), p });
      p.catch(() => quotes.delete(s));
      return p;
    },
    strip: () => {
      if (strip && fresh(strip.at, 5 * 60_000)) return strip.p;
      const p = send('getStrip', {});
      strip = { at: Date.now(), p };
      p.catch(() => (strip = null));
      return p;
    },
    pin: (s) => send('pinFromPage', { symbol: s }),
    openPanel: () => send('openSidePanel', {}),
    openEvidence: (factor) => send('openEvidence', { factor }),
    openPopup: () => send('openPopup', {}),
    async infos(symbols) {
      const out = new Map<string, TickerInfo>();
      const missing = symbols.filter((s) => !info.has(s));
      for (let i = 0; i < missing.length; i += 500) {
        const batch = missing.slice(i, i + 500);
        const list = await send('getTickerInfos', { symbols: batch });
        for (const t of list) remember(info, t.symbol, Promise.resolve(t));
      }
      for (const s of symbols) {
        const p = info.get(s);
        if (p) out.set(s, await p.catch(() => null as unknown as TickerInfo));
      }
      for (const [k, v] of out) if (!v) out.delete(k);
      return out;
    },
  };
}

/** Offset of a (same-origin iframe) document's viewport inside the top viewport. */
function docOffset(doc: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let d: Document | null = doc;
  while (d && d !== document) {
    const frame = d.defaultView?.frameElement as HTMLElement | null | undefined;
    if (!frame) break;
    const r = frame.getBoundingClientRect();
    x += r.left + frame.clientLeft;
    y += r.top + frame.clientTop;
    d = frame.ownerDocument;
  }
  return { x, y };
}

function pageThemeAt(el: Element | null): CardTheme {
  const bgs: string[] = [];
  for (let e = el, i = 0; e && i < 40; e = e.parentElement, i++) {
    const bg = getComputedStyle(e).backgroundColor;
    bgs.push(bg);
    const c = bg.replace(/\s/g, '');
    if (c !== 'rgba(0,0,0,0)' && c !== 'transparent') break; // first painted layer decides
  }
  const root = el?.ownerDocument.documentElement;
  const scheme = root ? getComputedStyle(root).colorScheme : '';
  const canvasDark = scheme.includes('dark') && !scheme.includes('light');
  return themeFromBackgrounds(bgs, canvasDark);
}

/** Runs `cb` in a new task: scheduler.postTask (background) where it exists, else a MessageChannel. */
let yieldChannel: { port: MessagePort; queue: Array<() => void> } | null = null;
function yieldTask(cb: () => void): void {
  const sched = (globalThis as { scheduler?: { postTask?: (cb: () => void, o: object) => Promise<unknown> } })
    .scheduler;
  if (typeof sched?.postTask === 'function') {
    sched.postTask(cb, { priority: 'background' }).catch(() => {});
    return;
  }
  if (!yieldChannel) {
    const ch = new MessageChannel();
    const queue: Array<() => void> = [];
    ch.port1.onmessage = () => queue.shift()?.();
    yieldChannel = { port: ch.port2, queue };
  }
  yieldChannel.queue.push(cb);
  yieldChannel.port.postMessage(0);
}

/**
 * User-timing marks for development builds only: the page can read performance entries, and
 * `scl:scan-done {nodes, hits}` would tell it what the lens found. A production build compiles
 * this to nothing (import.meta.env.DEV is false there).
 */
function mark(name: string, detail?: unknown): void {
  if (!import.meta.env.DEV) return;
  try {
    performance.mark(name, detail === undefined ? undefined : { detail });
  } catch {
    // no user timing
  }
}

export function startLens(ctx: ContentScriptContext, universe: Universe, settings: LensSettings): () => void {
  mark('scl:universe-ready');
  let stopped = false;
  // ctx listeners live as long as the context; a stopped lens (settings changed) must ignore them.
  const guard =
    <A extends unknown[]>(fn: (...a: A) => void) =>
    (...a: A) => {
      if (!stopped) fn(...a);
    };
  const detectOpts: DetectOptions = {
    social: settings.lowercaseCashtags,
    blocklist: new Set(settings.neverTag.map((s) => s.toUpperCase())),
  };
  const highlighter = new Highlighter(settings.underline);
  const api = createCardApi();
  const shadowRoots = new Set<ShadowRoot>();
  const observed = new WeakSet<Node>();
  const frameDocs = new WeakSet<Document>();
  let walkedRoots = new WeakSet<Node>();

  const scanner = new PageScanner(universe, detectOpts, { onRoot: (r) => onRoot(r) });
  /** The index hover and keyboard use: the last completed pass (a rescan swaps it in at the end). */
  let live: MentionIndex<Text> = scanner.index;
  let rescanning = false;
  /** Scanning work ran since the last pass end (drawing alone must not end another pass). */
  let scanned = false;

  const runner = new SliceRunner(
    {
      now: () => performance.now(),
      schedule: (cb) => {
        if (typeof requestIdleCallback === 'function')
          ctx.requestIdleCallback((d: IdleDeadline) => cb(d), { timeout: 200 });
        else ctx.setTimeout(() => cb(), 16);
      },
      yieldTask,
    },
    SLICE_MS,
    () => passDone(),
  );

  // ------------------------------------------------------------------ scanning

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

  const observe = (root: Document | ShadowRoot) => {
    if (observed.has(root)) return;
    observed.add(root);
    mo.observe(root, { childList: true, subtree: true, characterData: true });
  };

  function isOwnNode(n: Node): boolean {
    // Our card host and our <style> elements carry the attribute.
    return n.nodeType === Node.ELEMENT_NODE && (n as Element).hasAttribute(CARD_HOST_ATTR);
  }

  function onRoot(r: ShadowRoot | HTMLIFrameElement): void {
    if (r instanceof ShadowRoot) {
      shadowRoots.add(r);
      highlighter.addShadowRoot(r);
      observe(r);
      if (!walkedRoots.has(r)) {
        walkedRoots.add(r);
        scanned = true;
        runner.enqueue(scanner.walk(r));
      }
      return;
    }
    let doc: Document | null = null;
    try {
      doc = r.contentDocument; // null when cross-origin
    } catch {
      doc = null;
    }
    if (!observed.has(r)) {
      observed.add(r);
      // A frame that navigates gets a new document: scan that one too.
      ctx.addEventListener(
        r,
        'load',
        guard(() => {
          try {
            if (r.contentDocument) onRoot(r);
          } catch {
            // cross-origin now
          }
        }),
      );
    }
    if (!doc || !doc.body || walkedRoots.has(doc)) return;
    walkedRoots.add(doc);
    observe(doc);
    scanned = true;
    if (!frameDocs.has(doc)) {
      frameDocs.add(doc);
      listenPointer(doc);
      ctx.addEventListener(doc, 'keydown', onKeyDown, { capture: true });
    }
    runner.enqueue(scanner.walk(doc));
  }

  // Mutation roots are drained by one queued task, so the observer callback stays O(records).
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
    walkedRoots = new WeakSet();
    scanner.reset(detectOpts);
    mark('scl:scan-start');
    rescanning = true;
    scanned = true;
    walkedRoots.add(document);
    runner.enqueue(scanner.walk(document));
  }

  const burst = debounceWithMax(() => fullRescan(), 1500, 10_000, {
    setTimeout: (cb, ms) => ctx.setTimeout(cb, ms),
    clearTimeout: (id) => clearTimeout(id),
    now: () => performance.now(),
  });

  function passDone(): void {
    if (stopped || !scanned) return;
    scanned = false;
    // The end of the pass runs in slices too (thousands of deferred mentions on a dense page).
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
    mark('scl:scan-done', { nodes: scanner.nodesScanned, hits: live.size });
    // Drawn in slices too; a pass that ends while drawing just queues the next drawing.
    runner.enqueue(highlighter.publish(live.all().slice()));
    if (live.size > 0) preloadCardWhenIdle();
    if (shown && !shown.node.isConnected) card.close(false);
    if (focused && !focused.node.isConnected) setFocus(null);
    reportSoon.call();
  }

  // ------------------------------------------------------------------ reporting

  let lastReport = '';
  const reportSoon = debounceWithMax(() => void report(), REPORT_DELAY_MS, 5000, {
    setTimeout: (cb, ms) => ctx.setTimeout(cb, ms),
    clearTimeout: (id) => clearTimeout(id),
    now: () => performance.now(),
  });
  async function report(): Promise<void> {
    if (stopped || rescanning) return;
    const counts = [...live.counts()].slice(0, MAX_REPORTED);
    const key = counts.map(([s, n]) => `${s}:${n}`).join(',');
    if (key === lastReport) return;
    lastReport = key;
    let infos = new Map<string, TickerInfo>();
    try {
      infos = await api.infos(counts.map(([s]) => s));
    } catch {
      // The bundled universe still knows names and Russell 2000 membership.
    }
    const tickers: PageTicker[] = counts.map(([symbol, count]) => {
      const i = infos.get(symbol);
      const u = universe.get(symbol);
      return {
        symbol,
        name: i?.name ?? (u?.name || null),
        count,
        russell2000: i ? !!i.russell2000 : !!u?.r2000,
        listed: i ? i.listed : !!u,
      };
    });
    if (stopped) return;
    try {
      await send('reportPageTickers', { tickers });
    } catch {
      lastReport = ''; // try again after the next pass
    }
  }

  // ------------------------------------------------------------------ hover

  let shown: Hit<Text> | null = null;
  let pending: Hit<Text> | null = null;
  let dwellTimer = 0;
  let graceTimer = 0;
  let pointer: { x: number; y: number; alt: boolean; doc: Document; overCard: boolean } | null = null;
  let frameQueued = false;

  // The card (Preact) is a separate script, imported the first time the pointer rests on a
  // ticker or the keyboard steps: pages that are only read never load it.
  const card = new LazyCard(ctx, api, {
    onPointerEnter: () => clearTimeout(graceTimer),
    onPointerLeave: () => scheduleClose(),
    onClosed: () => {
      shown = null;
    },
  });

  // Once the first pass found tickers, fetch the card script in idle time so the first hover is
  // warm. Cheap: the file is parsed off the main thread; compiling and running it is a ~1–3 ms
  // task. Pages without tickers never load it; a hover before then loads it on the spot.
  let preloadAsked = false;
  function preloadCardWhenIdle(): void {
    if (preloadAsked) return;
    preloadAsked = true;
    const go = () => {
      if (!stopped) void card.preload();
    };
    if (typeof requestIdleCallback === 'function') ctx.requestIdleCallback(go, { timeout: 5000 });
    else ctx.setTimeout(go, 1000);
  }

  function scheduleClose(): void {
    clearTimeout(graceTimer);
    graceTimer = ctx.setTimeout(() => {
      if (card.hovered || shownVia !== 'pointer' || !shown) return;
      // Still on the ticker (a layout change fired pointerleave on the card): keep it open.
      const p = pointer;
      const again = p && !p.overCard ? hitAt(p.doc, p.x, p.y) : null;
      if (again && again.node === shown.node && again.start === shown.start) return;
      card.close(false);
    }, CLOSE_GRACE_MS);
  }

  function hitAt(doc: Document, x: number, y: number): Hit<Text> | null {
    let node: Node | null = null;
    let offset = 0;
    if (typeof doc.caretPositionFromPoint === 'function') {
      const p = doc.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] });
      node = p?.offsetNode ?? null;
      offset = p?.offset ?? 0;
    } else if (typeof doc.caretRangeFromPoint === 'function') {
      const r = doc.caretRangeFromPoint(x, y);
      node = r?.startContainer ?? null;
      offset = r?.startOffset ?? 0;
    }
    if (!node || node.nodeType !== Node.TEXT_NODE) return null;
    const hit = live.at(node as Text, offset);
    if (!hit) return null;
    // The caret snaps to the nearest text: confirm the pointer is really over the ticker.
    const range = rangeOf(hit);
    return range && pointInRects(x, y, range.getClientRects()) ? hit : null;
  }

  function anchorRect(hit: Hit<Text>, near?: { x: number; y: number }): Rect | null {
    const range = rangeOf(hit);
    if (!range) return null;
    const off = docOffset(hit.node.ownerDocument);
    const rects = [...range.getClientRects()];
    const r =
      (near && rects.find((q) => pointInRects(near.x, near.y, [q]))) ??
      rects[0] ??
      range.getBoundingClientRect();
    return { left: r.left + off.x, top: r.top + off.y, right: r.right + off.x, bottom: r.bottom + off.y };
  }

  let shownVia: 'pointer' | 'keyboard' = 'pointer';
  function openFor(hit: Hit<Text>, via: 'pointer' | 'keyboard', near?: { x: number; y: number }): void {
    const rect = anchorRect(hit, near);
    if (!rect) return;
    const theme = resolveCardTheme(settings.theme, () => pageThemeAt(hit.node.parentElement));
    const info = universe.get(hit.symbol);
    shown = hit;
    shownVia = via;
    clearTimeout(graceTimer);
    card.open({
      target: { symbol: hit.symbol, name: hit.name, exchange: info?.exchange ?? '' },
      anchor: rect,
      theme,
      via,
    });
  }

  function onFrame(): void {
    frameQueued = false;
    const p = pointer;
    if (!p || stopped) return;
    if (p.overCard) {
      clearTimeout(graceTimer);
      return;
    }
    let hit = settings.underline ? hitAt(p.doc, p.x, p.y) : null;
    if (hit && settings.altToHover && !p.alt) hit = null;
    if (hit && shown && hit.node === shown.node && hit.start === shown.start) {
      clearTimeout(graceTimer);
      clearTimeout(dwellTimer);
      pending = null;
      return;
    }
    if (hit && pending && hit.node === pending.node && hit.start === pending.start) return;
    clearTimeout(dwellTimer);
    pending = hit;
    if (hit) {
      void card.preload(); // during the dwell: the first card then opens without a wait
      const h = hit;
      const off = docOffset(p.doc);
      const near = { x: p.x + off.x, y: p.y + off.y };
      dwellTimer = ctx.setTimeout(() => {
        mark('scl:dwell-end');
        pending = null;
        openFor(h, 'pointer', near);
      }, settings.hoverDelayMs);
    }
    if (card.isOpen && shownVia === 'pointer' && !card.hovered) scheduleClose();
  }

  function listenPointer(doc: Document): void {
    ctx.addEventListener(
      doc,
      'pointermove',
      guard((e: PointerEvent) => {
        // Only the user drives the card: a page's synthetic events (isTrusted false) open nothing.
        if (!e.isTrusted || e.pointerType === 'touch') return;
        const host = card.host;
        pointer = {
          x: e.clientX,
          y: e.clientY,
          alt: e.altKey,
          doc,
          overCard: !!host && e.composedPath().includes(host),
        };
        if (!frameQueued) {
          frameQueued = true;
          ctx.requestAnimationFrame(onFrame); // at most one hit-test per frame
        }
      }),
      { passive: true, capture: true },
    );
  }
  listenPointer(document);

  // Keep the card on its ticker while the page scrolls; close it when the ticker leaves view.
  let scrollQueued = false;
  ctx.addEventListener(
    document,
    'scroll',
    guard(() => {
      if (!card.isOpen || scrollQueued) return;
      scrollQueued = true;
      ctx.requestAnimationFrame(() => {
        scrollQueued = false;
        if (!shown) return;
        const r = anchorRect(shown);
        if (!r || r.bottom < 0 || r.top > innerHeight) {
          if (shownVia === 'pointer') card.close(false);
          return;
        }
        card.reposition(r);
      });
    }),
    { passive: true, capture: true },
  );
  ctx.addEventListener(
    document,
    'pointerdown',
    guard((e: PointerEvent) => {
      // A click elsewhere closes the card and ends keyboard stepping (a user's click only).
      if (!e.isTrusted) return;
      const host = card.host;
      if (host && e.composedPath().includes(host)) return;
      if (card.isOpen) card.close(false);
      if (focused) setFocus(null);
    }),
    { capture: true },
  );

  // ------------------------------------------------------------------ keyboard

  let focused: Hit<Text> | null = null;
  function setFocus(hit: Hit<Text> | null): void {
    focused = hit;
    highlighter.focus(hit);
  }

  function step(dir: 1 | -1): void {
    if (live.size === 0) {
      card.announce('No tickers found on this page.');
      return;
    }
    let next = live.step(focused, dir);
    for (let i = 0; next && !next.node.isConnected && i < live.size; i++) next = live.step(next, dir);
    if (!next || !next.node.isConnected) return;
    if (card.isOpen) card.close(false);
    setFocus(next);
    const range = rangeOf(next);
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    next.node.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const r = range?.getBoundingClientRect();
    if (r && (r.top < 60 || r.bottom > innerHeight - 60)) {
      window.scrollBy({ top: r.top - innerHeight / 2, behavior: reduce ? 'auto' : 'smooth' });
    }
    const all = live.all();
    const n = all.indexOf(next) + 1;
    const name = next.name ? `, ${next.name}` : '';
    card.announce(`${next.symbol}${name}. Ticker ${n} of ${all.length}. Press Enter for details.`);
  }

  function onKeyDown(e: KeyboardEvent): void {
    // A page's synthetic keys (isTrusted false) neither step nor open the card.
    if (stopped || !e.isTrusted) return;
    // Keys inside the card are the card's (Enter on its buttons, Esc handled there).
    const host = card.host;
    if (host && e.composedPath().includes(host)) return;
    if (isStepKey(e)) {
      if (isEditableTarget(e.target)) return;
      e.preventDefault();
      step(1);
      return;
    }
    if (e.key === 'Escape') {
      if (card.isOpen) {
        card.close();
        return;
      }
      if (focused) setFocus(null);
      return;
    }
    if (
      e.key === 'Enter' &&
      focused &&
      !e.altKey &&
      !e.ctrlKey &&
      !e.metaKey &&
      !isEditableTarget(e.target)
    ) {
      e.preventDefault();
      e.stopPropagation();
      openFor(focused, 'keyboard');
      return;
    }
    // Tab moves on in the page: stepping mode ends so Enter means the page's Enter again.
    if (e.key === 'Tab' && focused && !card.isOpen) setFocus(null);
  }
  ctx.addEventListener(window, 'keydown', onKeyDown, { capture: true });

  // The background may forward the manifest command (Chrome keeps Alt+Shift+K for itself).
  const onMessage = (msg: unknown): undefined => {
    if (isStepMessage(msg)) step(1);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  // ------------------------------------------------------------------ lifecycle

  ctx.addEventListener(
    window,
    'wxt:locationchange',
    guard(() => {
      // SPA navigation: the article changed under us.
      if (card.isOpen) card.close(false);
      setFocus(null);
      lastReport = '';
      burst.call();
    }),
  );

  observe(document);
  fullRescan();

  const stop = () => {
    if (stopped) return;
    stopped = true;
    mo.disconnect();
    runner.stop();
    burst.cancel();
    reportSoon.cancel();
    clearTimeout(dwellTimer);
    clearTimeout(graceTimer);
    card.close(false);
    highlighter.dispose();
    browser.runtime.onMessage.removeListener(onMessage);
  };
  ctx.onInvalidated(stop);
  return stop;
}
