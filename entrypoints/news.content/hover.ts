/**
 * The pointer and the one hover card: a pointer resting on a ticker for the hover delay opens the
 * card there; leaving the ticker and the card closes it after a grace period; the card follows
 * its ticker while the page scrolls. The card itself (Preact, hover-card.js) is loaded on first
 * need by LazyCard; the keyboard stepper opens it through `open` as well.
 *
 * Only the user drives the card: a page's synthetic events (isTrusted false) open or close
 * nothing. The pointer is hit-tested at most once per animation frame.
 */
import type { Universe } from '../../lib/detect';
import type { CardControl, CardEvents } from '../../lib/lens/card-contract';
import { anchorRect, docOffset, hitAt } from './hit-test';
import { mark, whenIdle, type LensContext, type LensSettings } from './lens-context';
import type { Hit } from './lookup';
import type { ScanSession } from './scan-session';

const CLOSE_GRACE_MS = 300;

export type HoverSettings = Pick<LensSettings, 'hoverDelayMs' | 'altToHover' | 'theme' | 'underline'>;

/** The card as the hover drives it (LazyCard; a stand-in in tests). */
export type HoverCard = CardControl & { preload(): Promise<void> };

export interface Hover {
  readonly card: HoverCard;
  /** Reads the pointer in a same-origin frame's document too (the page's is read from the start). */
  listen(doc: Document): void;
  /** Opens the card on `hit` (near: the pointer, in top-viewport coordinates, picks the line). */
  open(hit: Hit<Text>, via: 'pointer' | 'keyboard', near?: { x: number; y: number }): void;
  close(): void;
  /** After each pass: warm the card script once the page has tickers; drop a card whose ticker left. */
  passComplete(tickers: number): void;
  stop(): void;
}

export function createHover(
  ctx: LensContext,
  scan: Pick<ScanSession, 'index' | 'shadowRoots'>,
  universe: Universe,
  settings: HoverSettings,
  /** A user's click outside the card (keyboard stepping ends too). */
  pressedOutside: () => void,
  /** The card (a LazyCard on the page), made once with the hover's events. */
  makeCard: (events: CardEvents) => HoverCard,
): Hover {
  let stopped = false;
  let shown: Hit<Text> | null = null;
  let shownVia: 'pointer' | 'keyboard' = 'pointer';
  let pending: Hit<Text> | null = null;
  let dwellTimer = 0;
  let graceTimer = 0;
  let pointer: { x: number; y: number; alt: boolean; doc: Document; overCard: boolean } | null = null;
  let preloadAsked = false;

  const card = makeCard({
    onPointerEnter: () => clearTimeout(graceTimer),
    onPointerLeave: () => scheduleClose(),
    onClosed: () => void (shown = null),
  });
  const inCard = (e: Event) => !!card.host && e.composedPath().includes(card.host);
  const same = (a: Hit<Text> | null, b: Hit<Text> | null) =>
    !!a && !!b && a.node === b.node && a.start === b.start;
  const hitUnder = (doc: Document, x: number, y: number) => hitAt(scan.index, scan.shadowRoots, doc, x, y);

  function scheduleClose(): void {
    clearTimeout(graceTimer);
    graceTimer = ctx.setTimeout(() => {
      if (card.hovered || shownVia !== 'pointer' || !shown) return;
      const p = pointer;
      // The pointer last moved over the card and has not moved since: the card moved (it grew
      // as its data came in and re-placed itself), not the reader. Keep it until the pointer moves.
      if (p?.overCard) return;
      // Still on the ticker (a layout change fired pointerleave on the card): keep it open.
      if (same(p ? hitUnder(p.doc, p.x, p.y) : null, shown)) return;
      card.close(false);
    }, CLOSE_GRACE_MS);
  }

  function open(hit: Hit<Text>, via: 'pointer' | 'keyboard', near?: { x: number; y: number }): void {
    const rect = anchorRect(hit, near);
    if (!rect) return;
    shown = hit;
    shownVia = via;
    clearTimeout(graceTimer);
    card.open({
      target: { symbol: hit.symbol, name: hit.name, exchange: universe.get(hit.symbol)?.exchange ?? '' },
      anchor: rect,
      theme: settings.theme,
      themeFrom: hit.node.parentElement,
      via,
    });
  }

  function onFrame(): void {
    const p = pointer;
    if (!p || stopped) return;
    if (p.overCard) {
      clearTimeout(graceTimer);
      return;
    }
    let hit = settings.underline ? hitUnder(p.doc, p.x, p.y) : null;
    if (hit && settings.altToHover && !p.alt) hit = null;
    if (same(hit, shown)) {
      clearTimeout(graceTimer);
      clearTimeout(dwellTimer);
      pending = null;
      return;
    }
    if (same(hit, pending)) return;
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
        open(h, 'pointer', near);
      }, settings.hoverDelayMs);
    }
    if (card.isOpen && shownVia === 'pointer' && !card.hovered) scheduleClose();
  }

  const hitTestSoon = oncePerFrame(ctx, onFrame); // at most one hit-test per frame
  function listen(doc: Document): void {
    ctx.addEventListener(
      doc,
      'pointermove',
      (e: PointerEvent) => {
        if (stopped || !e.isTrusted || e.pointerType === 'touch') return;
        pointer = { x: e.clientX, y: e.clientY, alt: e.altKey, doc, overCard: inCard(e) };
        hitTestSoon();
      },
      { passive: true, capture: true },
    );
  }

  listen(document);

  followScrollAndClicks(
    ctx,
    card,
    () => (stopped ? null : { hit: shown, via: shownVia }),
    inCard,
    pressedOutside,
  );

  return {
    card,
    listen,
    open,
    close: () => card.isOpen && card.close(false),
    passComplete(tickers) {
      // Once a pass found tickers, fetch the card script in idle time so the first hover is warm.
      // Cheap: the file is parsed off the main thread; compiling and running it is a ~1–3 ms task.
      // Pages without tickers never load it; a hover before then loads it on the spot.
      if (tickers > 0 && !preloadAsked) {
        preloadAsked = true;
        whenIdle(ctx, () => !stopped && void card.preload(), 5000, 1000);
      }
      if (shown && !shown.node.isConnected) card.close(false);
    },
    stop() {
      stopped = true;
      clearTimeout(dwellTimer);
      clearTimeout(graceTimer);
      card.close(false);
    },
  };
}

/**
 * Keeps the card on its ticker while the page scrolls (closed when the ticker leaves view), and
 * closes it on a user's click elsewhere. `state` is null once the hover has stopped.
 */
function followScrollAndClicks(
  ctx: LensContext,
  card: HoverCard,
  state: () => { hit: Hit<Text> | null; via: 'pointer' | 'keyboard' } | null,
  inCard: (e: Event) => boolean,
  pressedOutside: () => void,
): void {
  const followScroll = oncePerFrame(ctx, () => {
    const shown = state()?.hit;
    if (!shown) return;
    const r = anchorRect(shown);
    if (!r || r.bottom < 0 || r.top > innerHeight) {
      if (state()?.via === 'pointer') card.close(false);
      return;
    }
    card.reposition(r);
  });
  ctx.addEventListener(document, 'scroll', () => !!state() && card.isOpen && followScroll(), {
    passive: true,
    capture: true,
  });
  ctx.addEventListener(
    document,
    'pointerdown',
    (e: PointerEvent) => {
      // A click elsewhere closes the card and ends keyboard stepping (a user's click only).
      if (!state() || !e.isTrusted || inCard(e)) return;
      if (card.isOpen) card.close(false);
      pressedOutside();
    },
    { capture: true },
  );
}

/** Calls `fn` at the next animation frame, however often it is asked before then. */
function oncePerFrame(ctx: LensContext, fn: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    ctx.requestAnimationFrame(() => {
      queued = false;
      fn();
    });
  };
}
