/**
 * The hover card, loaded on first need. Preact and the card UI live in hover-card.js (see
 * entrypoints/hover-card/index.ts), a web-accessible IIFE that this content script imports the first
 * time the pointer rests on a ticker or the keyboard steps to one; the content script itself
 * carries no Preact.
 *
 * Until the script has loaded, LazyCard stands in for the card: it remembers what should be
 * shown (open / reposition / close / announce) and replays the latest state once the real card
 * exists, so a slow first load only delays the first card, it never loses it. When the import
 * fails (a blocked or missing resource, an extension update mid-page) it warns once on the
 * console and the lens keeps underlining without cards.
 */
import {
  CARD_MODULE_KEY,
  type CardApi,
  type CardContext,
  type CardControl,
  type CardEvents,
  type CardModule,
  type OpenOptions,
  type Rect,
} from '../../lib/lens/card-contract';

export const CARD_SCRIPT = '/hover-card.js';

// The global `chrome` (both browsers expose it to content scripts), named as such so the import
// below stays `import(chrome.runtime.getURL(…))` after minification: Mozilla's add-on linter
// accepts a dynamic import only of `chrome/browser.runtime.getURL(…)` (addons-linter #4686).
declare const chrome: { runtime: { getURL(path: string): string } };

let modulePromise: Promise<CardModule> | null = null;

/** Imports hover-card.js once per page (every LazyCard shares it). */
export function loadCardModule(
  importer: () => Promise<unknown> = () => import(/* @vite-ignore */ chrome.runtime.getURL(CARD_SCRIPT)),
): Promise<CardModule> {
  const g = globalThis as unknown as Record<string, CardModule | undefined>;
  const ready = g[CARD_MODULE_KEY];
  if (ready) return Promise.resolve(ready);
  modulePromise ??= importer().then(() => {
    const m = g[CARD_MODULE_KEY];
    if (!m) throw new Error(`${CARD_SCRIPT} loaded but registered no card`);
    return m;
  });
  return modulePromise;
}

export class LazyCard implements CardControl {
  private real: CardControl | null = null;
  private loading: Promise<void> | null = null;
  private failed = false;
  /** What the card should show while the script loads. */
  private wanted: OpenOptions | null = null;
  private announcement: string | null = null;

  constructor(
    private readonly ctx: CardContext,
    private readonly api: CardApi,
    private readonly events: CardEvents,
    private readonly load: () => Promise<CardModule> = () => loadCardModule(),
  ) {}

  get isOpen(): boolean {
    return this.real ? this.real.isOpen : this.wanted !== null;
  }

  get host(): HTMLElement | null {
    return this.real?.host ?? null;
  }

  get hovered(): boolean {
    return this.real?.hovered ?? false;
  }

  /** Starts loading the card script (pointer on a ticker, before the dwell ends). */
  preload(): Promise<void> {
    if (this.real || this.failed) return Promise.resolve();
    this.loading ??= this.load().then(
      (m) => {
        if (this.ctx.isInvalid) return;
        this.real = m.createCard(this.ctx, this.api, this.events);
        const wanted = this.wanted;
        const text = this.announcement;
        this.wanted = null;
        this.announcement = null;
        if (text !== null) this.real.announce(text);
        if (wanted) this.real.open(wanted);
      },
      (e: unknown) => {
        this.failed = true;
        console.warn(
          '[Small-Cap Lens] the hover card could not be loaded; tickers stay underlined without cards:',
          e instanceof Error ? e.message : e,
        );
        if (this.wanted) {
          this.wanted = null;
          this.events.onClosed();
        }
      },
    );
    return this.loading;
  }

  open(opts: OpenOptions): void {
    if (this.real) return this.real.open(opts);
    if (this.failed) return this.events.onClosed();
    this.wanted = opts;
    void this.preload();
  }

  reposition(anchor: Rect): void {
    if (this.real) return this.real.reposition(anchor);
    if (this.wanted) this.wanted = { ...this.wanted, anchor };
  }

  close(restoreFocus = true): void {
    if (this.real) return this.real.close(restoreFocus);
    if (!this.wanted) return;
    this.wanted = null;
    this.events.onClosed();
  }

  announce(text: string): void {
    if (this.real) return this.real.announce(text);
    if (this.failed) return;
    this.announcement = text;
    void this.preload();
  }
}
