/**
 * One reusable hover card in a shadow root (page CSS cannot reach it; the host gets
 * `all: initial`), mounted on first use and re-rendered for each ticker.
 *
 * Why not WXT's createShadowRootUi: it pulls in autoMount (wait-element, many-keys-map, defu),
 * ~3.5 KB gzip of a 30 KB budget, for a card we mount once at <body>. This is the same recipe
 * (a shadow root, `:host { all: initial }`, key events kept inside) in a few lines, with the
 * root closed.
 *
 * Bundled into hover-card.js with the card and Preact, not into the content script.
 */
import { render } from 'preact';
import { Card } from './Card';
import {
  CARD_HOST_ATTR,
  type CardApi,
  type CardContext,
  type CardControl,
  type CardEvents,
  type CardTheme,
  type OpenOptions,
  type Rect,
} from '../../lib/lens/card-contract';
import { CARD_CSS } from './card-style';
import { pageThemeAt, resolveCardTheme } from './theme';

interface Ui {
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
}

function createUi(): Ui {
  // A plain element the page cannot define or pre-empt (see CARD_HOST_ATTR), with a closed
  // shadow root: page code gets null from host.shadowRoot and cannot read or click the card.
  const host = document.createElement('div');
  host.setAttribute(CARD_HOST_ATTR, 'card');
  const shadow = host.attachShadow({ mode: import.meta.env.SCL_OPEN_CARD_ROOT ? 'open' : 'closed' });
  try {
    // Constructed sheets are not blocked by a page's style-src CSP, unlike <style>.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CARD_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    shadow.append(style);
  }
  const container = document.createElement('div');
  shadow.append(container);
  // Keys typed in the card stay in the card: page shortcuts must not fire.
  for (const type of ['keydown', 'keyup', 'keypress'])
    container.addEventListener(type, (e) => e.stopPropagation());
  return { host, shadow, container };
}

export class CardHost implements CardControl {
  private ui: Ui | null = null;
  /** What is shown: the options, the theme resolved when the card opened. */
  private current: (OpenOptions & { resolved: CardTheme }) | null = null;
  private announcement = '';
  private returnFocus: HTMLElement | null = null;
  /** Pointer is over the card (the grace timer must not close it). */
  hovered = false;

  constructor(
    private readonly ctx: CardContext,
    private readonly api: CardApi,
    private readonly events: CardEvents,
  ) {}

  get isOpen(): boolean {
    return this.current !== null;
  }

  get symbol(): string | null {
    return this.current?.target.symbol ?? null;
  }

  get host(): HTMLElement | null {
    return this.ui?.host ?? null;
  }

  private mount(): Ui {
    if (!this.ui) {
      this.ui = createUi();
      this.ctx.onInvalidated(() => {
        if (this.ui) render(null, this.ui.container);
        this.ui?.host.remove();
      });
    }
    // On <html>, not <body>: a transformed <body> would become the fixed card's containing block,
    // and pages that police <body>'s children would remove it. (Re)attached if removed anyway.
    if (!this.ui.host.isConnected) document.documentElement.append(this.ui.host);
    return this.ui;
  }

  open(opts: OpenOptions): void {
    if (opts.via === 'keyboard' && !this.current) {
      const active = document.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
    }
    this.current = { ...opts, resolved: resolveCardTheme(opts.theme, () => pageThemeAt(opts.themeFrom)) };
    if (this.ctx.isInvalid) return;
    this.draw(this.mount());
  }

  /** Moves the open card (scroll, resize) without refetching. */
  reposition(anchor: Rect): void {
    if (!this.current || !this.ui) return;
    this.current = { ...this.current, anchor };
    this.draw(this.ui);
  }

  close(restoreFocus = true): void {
    if (!this.current) return;
    const hadFocus = !!this.ui && this.ui.shadow.activeElement !== null;
    this.current = null;
    this.hovered = false;
    if (this.ui) this.draw(this.ui);
    if (restoreFocus && hadFocus && this.returnFocus?.isConnected)
      this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
    this.events.onClosed();
  }

  /** Says something to screen readers (keyboard stepping) through a live region. */
  announce(text: string): void {
    this.announcement = text;
    if (!this.ctx.isInvalid) this.draw(this.mount());
  }

  private draw(ui: Ui): void {
    const c = this.current;
    render(
      <>
        {c ? (
          <Card
            key={c.target.symbol}
            target={c.target}
            anchor={c.anchor}
            theme={c.resolved}
            takeFocus={c.via === 'keyboard'}
            api={this.api}
            onClose={() => this.close()}
            onPointerEnter={() => {
              this.hovered = true;
              this.events.onPointerEnter();
            }}
            onPointerLeave={() => {
              this.hovered = false;
              this.events.onPointerLeave();
            }}
          />
        ) : null}
        <p class="sr" aria-live="polite" data-testid="scl-announce">
          {this.announcement}
        </p>
      </>,
      ui.container,
    );
  }
}
