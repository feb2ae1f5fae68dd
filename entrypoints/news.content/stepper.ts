/**
 * Keyboard stepping: Alt+Shift+K (or the manifest command the background forwards) moves a focus
 * ring to the next ticker on the page and announces it to screen readers; Enter opens the card
 * there, Escape closes it or ends stepping, Tab (back to the page) ends stepping.
 *
 * Only the user's keys count (isTrusted), and never while they type in a field; keys inside the
 * card are the card's.
 */
import { browser } from 'wxt/browser';
import { rangeOf, type Highlighter } from './highlight';
import type { Hover } from './hover';
import { isEditableTarget, isStepKey, isStepMessage } from './keyboard';
import type { LensContext } from './lens-context';
import type { Hit, MentionIndex } from './lookup';

export interface Stepper {
  /** Reads the keys in a same-origin frame's document too (the window's are read from the start). */
  listen(doc: Document): void;
  step(dir: 1 | -1): void;
  /** Ends stepping (the focus ring goes). */
  clear(): void;
  /** After each pass: a focused ticker that left the page ends stepping. */
  passComplete(): void;
  stop(): void;
}

export function createStepper(
  ctx: LensContext,
  scan: { readonly index: MentionIndex<Text> },
  hover: Pick<Hover, 'card' | 'open'>,
  highlighter: Pick<Highlighter, 'focus'>,
): Stepper {
  let stopped = false;
  let focused: Hit<Text> | null = null;
  const card = hover.card;

  function setFocus(hit: Hit<Text> | null): void {
    focused = hit;
    highlighter.focus(hit);
  }

  function step(dir: 1 | -1): void {
    const live = scan.index;
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
      hover.open(focused, 'keyboard');
      return;
    }
    // Tab moves on in the page: stepping mode ends so Enter means the page's Enter again.
    if (e.key === 'Tab' && focused && !card.isOpen) setFocus(null);
  }

  // The background may forward the manifest command (Chrome keeps Alt+Shift+K for itself).
  const onMessage = (msg: unknown): undefined => {
    if (isStepMessage(msg)) step(1);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.addEventListener(window, 'keydown', onKeyDown, { capture: true });

  return {
    listen: (doc) => ctx.addEventListener(doc, 'keydown', onKeyDown, { capture: true }),
    step,
    clear() {
      if (focused) setFocus(null);
    },
    passComplete() {
      if (focused && !focused.node.isConnected) setFocus(null);
    },
    stop() {
      stopped = true;
      browser.runtime.onMessage.removeListener(onMessage);
    },
  };
}
