/**
 * The part of WXT's content-script context the lens uses. Every timer and listener of the lens
 * goes through it, so an invalidated script (extension reloaded or updated under the page)
 * leaves nothing running; the parts of the lens also stop on their own when settings restart it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Settings } from '../../lib/storage';

/** The settings the lens reads (a change to any of them restarts it). */
export type LensSettings = Pick<
  Settings,
  'hoverDelayMs' | 'altToHover' | 'theme' | 'underline' | 'neverTag' | 'lowercaseCashtags'
>;

export type LensContext = Pick<
  ContentScriptContext,
  | 'isInvalid'
  | 'onInvalidated'
  | 'setTimeout'
  | 'requestAnimationFrame'
  | 'requestIdleCallback'
  | 'addEventListener'
>;

/** The timers debounceWithMax needs, on the context. */
export function ctxTimers(ctx: LensContext) {
  return {
    setTimeout: (cb: () => void, ms: number) => ctx.setTimeout(cb, ms),
    clearTimeout: (id: number) => clearTimeout(id),
    now: () => performance.now(),
  };
}

/**
 * Runs `cb` in idle time (waiting at most `timeout` ms), or after `fallbackMs` in a browser
 * without requestIdleCallback.
 */
export function whenIdle(
  ctx: LensContext,
  cb: (deadline?: IdleDeadline) => void,
  timeout: number,
  fallbackMs: number,
): void {
  if (typeof requestIdleCallback === 'function')
    ctx.requestIdleCallback((d: IdleDeadline) => cb(d), { timeout });
  else ctx.setTimeout(() => cb(), fallbackMs);
}

/**
 * User-timing marks for development builds only: the page can read performance entries, and
 * `scl:scan-done {nodes, hits}` would tell it what the lens found. A production build compiles
 * this to nothing (import.meta.env.DEV is false there).
 */
export function mark(name: string, detail?: unknown): void {
  if (!import.meta.env.DEV) return;
  try {
    performance.mark(name, detail === undefined ? undefined : { detail });
  } catch {
    // no user timing
  }
}
