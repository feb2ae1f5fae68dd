/**
 * Probes added to benchmark pages with page.addInitScript (they run in the page's main world,
 * before any page or content script). They only observe: the content script exposes nothing,
 * so the lens is measured from the outside through the DOM, CSS.highlights and long tasks.
 * Each function is serialized by Playwright: no references to anything outside its body.
 */

export interface LoadProbe {
  long: Array<{ start: number; dur: number }>;
  /** [time, underline count] at every change of CSS.highlights (sampled every 4 ms). */
  timeline: Array<[number, number]>;
  count: number;
}

/** Long tasks (buffered, from navigation) and the underline count over time. */
export function loadProbe(): void {
  const st: LoadProbe = { long: [], timeline: [], count: 0 };
  (window as unknown as { __probe: LoadProbe }).__probe = st;
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) st.long.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser
  }
  const tick = () => {
    const h = (globalThis as unknown as { CSS?: { highlights?: Map<string, { size: number }> } }).CSS
      ?.highlights;
    const n = (h?.get('scl-r2000')?.size ?? 0) + (h?.get('scl-ticker')?.size ?? 0);
    if (n !== st.count) {
      st.count = n;
      st.timeline.push([performance.now(), n]);
    }
  };
  setInterval(tick, 4);
}

export interface HoverProbe {
  armed: boolean;
  /** The frame in which the lens hit-tested the pointer (its dwell timer starts there). */
  dwellStart: number;
  /** The card element was inserted into the card's shadow root. */
  visibleAt: number;
  /** The first animation frame after insertion (the card is painted in this frame). */
  paintAt: number;
  /** The membership line (data from the background) was rendered. */
  filledAt: number;
}

export function hoverProbe(): void {
  const st: HoverProbe = { armed: false, dwellStart: 0, visibleAt: 0, paintAt: 0, filledAt: 0 };
  (window as unknown as { __hover: HoverProbe }).__hover = st;
  // Window capture runs before the lens's document-capture listener, so this frame callback is
  // queued first and runs in the same frame as the lens's hit test.
  addEventListener(
    'pointermove',
    () => {
      if (!st.armed || st.dwellStart) return;
      requestAnimationFrame(() => {
        if (!st.dwellStart) st.dwellStart = performance.now();
      });
    },
    { capture: true, passive: true },
  );
  let watching: ShadowRoot | null = null;
  const check = (root: ShadowRoot) => {
    if (!st.armed) return;
    if (!st.visibleAt && root.querySelector('[data-testid="scl-card"]')) {
      st.visibleAt = performance.now();
      requestAnimationFrame(() => (st.paintAt = performance.now()));
    }
    if (!st.filledAt && root.querySelector('[data-testid="scl-membership"]')) st.filledAt = performance.now();
  };
  // The card's root is open only in the benchmark's build (SCL_OPEN_CARD_ROOT, see wxt.config.ts).
  const findHost = () => {
    if (watching) return;
    const root = document.querySelector('[data-scl="card"]')?.shadowRoot;
    if (!root) return;
    watching = root;
    new MutationObserver(() => check(root)).observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    check(root);
  };
  const start = () => {
    // The card host is a child of <html> (see card-host.tsx); watch both places to be safe.
    new MutationObserver(findHost).observe(document.documentElement, { childList: true });
    if (document.body) new MutationObserver(findHost).observe(document.body, { childList: true });
    findHost();
  };
  if (document.body) start();
  else addEventListener('DOMContentLoaded', start);
}

export interface PopupProbe {
  factorAt: number;
  cardAt: number;
  /** [message type, sent at, answered at] for every runtime message the page sends. */
  messages: Array<[string, number, number]>;
}

/**
 * Time (from navigation start) until the signal card's first factor row is in the DOM, and the
 * round trip of each message to the background worker (chrome.runtime.sendMessage wrapped).
 */
export function popupProbe(): void {
  const st: PopupProbe = { factorAt: 0, cardAt: 0, messages: [] };
  (window as unknown as { __popup: PopupProbe }).__popup = st;
  type Rt = { sendMessage: (...a: unknown[]) => unknown };
  const rt = (globalThis as unknown as { chrome?: { runtime?: Rt } }).chrome?.runtime;
  if (rt?.sendMessage) {
    const orig = rt.sendMessage.bind(rt);
    rt.sendMessage = (...a: unknown[]) => {
      const t = performance.now();
      const type = String((a[0] as { type?: string } | undefined)?.type ?? '?');
      const done = () => st.messages.push([type, t, performance.now()]);
      const last = a[a.length - 1];
      if (typeof last === 'function') {
        a[a.length - 1] = (...r: unknown[]) => {
          done();
          return (last as (...x: unknown[]) => unknown)(...r);
        };
        return orig(...a);
      }
      const p = orig(...a) as Promise<unknown> | undefined;
      p?.then(done, done);
      return p;
    };
  }
  const check = () => {
    if (!st.cardAt && document.querySelector('[data-testid="signal-card"]')) st.cardAt = performance.now();
    if (!st.factorAt && document.querySelector('[data-testid^="factor-"]')) st.factorAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

/**
 * A probe as init-script source. tsx (esbuild keepNames) wraps inner functions in `__name(…)`,
 * which does not exist in the page, so the serialized function gets a no-op `__name`.
 */
export function probeSource(fn: () => void): string {
  return `(() => { const __name = (f) => f; (${fn.toString()})(); })();`;
}
