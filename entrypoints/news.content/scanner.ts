/**
 * Page scanner: walks visible text with a TreeWalker in small steps (see scheduler.ts), feeds
 * each text node to the detector's DocumentContext, and records mentions in a MentionIndex. It
 * never changes the page: highlighting is done by highlight.ts with the CSS Highlight API.
 */
import {
  DocumentContext,
  type DeferredMention,
  isImplicit,
  isUsListing,
  type DetectOptions,
  type Mention,
  type Universe,
  withLinkMention,
} from '../../lib/detect';
import { CARD_HOST_ATTR } from '../../lib/lens/card-contract';
import { isFurniture } from './furniture';
import { MentionIndex, type Hit } from './lookup';

/** Tag names whose text is never a ticker mention (code, form fields, media, our own host). */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'OBJECT',
  'EMBED',
  'IFRAME',
  'HEAD',
  'TITLE',
]);

export { CARD_HOST_ATTR };
/** Long text nodes (minified JSON in a div, a data dump) are scanned up to this many characters. */
export const MAX_NODE_CHARS = 10_000;
/** Text nodes handled per step; the runner checks the clock between steps. */
const NODES_PER_STEP = 24;
/** Deferred mentions applied per step at the end of a pass. */
const FINISH_PER_STEP = 100;
/** Nodes visited per step at most (skipped and whitespace nodes cost little, but not nothing). */
const MAX_VISITS_PER_STEP = 1024;
/** Per-element walk state: inside a skipped region, or the enclosing link (null: none). */
const SKIPPED = 0;
type ElementState = Element | null | typeof SKIPPED;

const NON_SPACE = /\S/;
/** Hosts symbolFromQuoteUrl knows; a plain ASCII href naming none of them is not a quote link. */
const QUOTE_HOSTS =
  /(?:yahoo|google|marketwatch|cnbc|nasdaq|seekingalpha|stocktwits|finviz|tradingview|benzinga|morningstar|barrons|wsj|robinhood|fool|zacks|reuters|investing)\.com/i;
const PLAIN_HREF = /^[\x21-\x7e]*$/;
/** A scheme ("https:", "javascript:") or a network-path reference ("//host", "\\host"). */
const ABSOLUTE = /^(?:[A-Za-z][A-Za-z0-9+.-]*:|[\\/]{2})/;

/** Cheap pre-check before `new URL()`: false only when the href cannot be a known quote page. */
export function mayBeQuoteUrl(href: string): boolean {
  // A relative reference (no scheme, not "//host") stays on the page's own site: the caller
  // resolves those itself when that site is a quote site.
  if (!ABSOLUTE.test(href) && PLAIN_HREF.test(href)) return false;
  if (QUOTE_HOSTS.test(href)) return true;
  // Escapes, whitespace or non-ASCII can spell a host in ways only the URL parser resolves.
  return href.includes('%') || !PLAIN_HREF.test(href);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** Editable regions (contenteditable, editors with role=textbox) and non-text content. */
export function skipsElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  if (el.namespaceURI === SVG_NS || el.namespaceURI === MATHML_NS) return true;
  if (el.getAttribute(CARD_HOST_ATTR) === 'card') return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  const role = el.getAttribute('role');
  return role === 'textbox' || role === 'code' || role === 'math';
}

/** What a walk skips: non-text content (skipsElement) and page furniture (navigation, captions…). */
export function skipsInWalk(el: Element): boolean {
  return skipsElement(el) || isFurniture(el);
}

/** Whether a node lies inside a region the scanner skips (used for mutation roots). */
export function insideSkipped(node: Node): boolean {
  let n: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (n) {
    if (n.nodeType === Node.ELEMENT_NODE) {
      if (skipsInWalk(n as Element)) return true;
      n = n.parentNode;
    } else if (n.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      n = (n as ShadowRoot).host ?? null; // open shadow root: continue at the host
    } else break;
  }
  return (node.ownerDocument ?? document).designMode === 'on';
}

/** The frame itself, or the element's open shadow root, when a walk starts at one. */
function ownRoot(node: Node): ShadowRoot | HTMLIFrameElement | null {
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  if (el.localName === 'iframe') return el as HTMLIFrameElement;
  return el.shadowRoot && !skipsElement(el) ? el.shadowRoot : null;
}

export interface ScannerHooks {
  /** An open shadow root or an iframe (same-origin ones get scanned) found during a walk. */
  onRoot(root: ShadowRoot | HTMLIFrameElement): void;
}

export class PageScanner {
  index: MentionIndex<Text>;
  private ctx: DocumentContext;
  /** Segment number (DocumentContext's count) → its text node, for deferred mentions. */
  private segments: Text[] = [];
  /** Quote links met in this generation → their symbol (null: not a quote link). */
  private anchors = new WeakMap<Element, string | null>();
  /** Visibility per element, for the walk in progress (a Map per walk: cheaper than a WeakMap,
   * and nothing outlives the walk). */
  private visible = new Map<Element, boolean>();
  /** Underline facts per symbol (universe rows decode lazily; a page repeats its symbols). */
  private readonly facts = new Map<string, { r2000: boolean; name: string }>();
  /** The page's own host is a quote site: relative links may be quote links. */
  private readonly quoteSite = QUOTE_HOSTS.test(globalThis.document?.baseURI ?? '');

  constructor(
    readonly universe: Universe,
    private opts: DetectOptions,
    private readonly hooks: ScannerHooks,
    readonly cap = 5000,
  ) {
    this.index = new MentionIndex<Text>(cap);
    this.ctx = new DocumentContext(universe, opts);
  }

  /** Text nodes scanned in this generation. */
  get nodesScanned(): number {
    return this.segments.length;
  }

  /** Starts a new generation (full rescan): fresh detector state, fresh index. */
  reset(opts: DetectOptions = this.opts): MentionIndex<Text> {
    this.opts = opts;
    this.ctx = new DocumentContext(this.universe, opts);
    this.segments = [];
    this.anchors = new WeakMap();
    this.visible = new Map();
    const old = this.index;
    this.index = new MentionIndex<Text>(this.cap);
    return old;
  }

  /**
   * A resumable walk over `root` (an element, text node, shadow root or document): each call
   * handles a few text nodes; returns false when done.
   *
   * Why not a TreeWalker with a JS `acceptNode` filter: the browser then calls back into JS for
   * every element and text node, and that crossing costs ~25× the native walk (measured: 11.7 ms
   * vs 0.3 ms on a 10,000-node page). Instead a filterless SHOW_TEXT walker runs natively and each
   * text node's parent is looked up in a per-walk memo (skipped region? enclosing link?) that is
   * filled once per element. A second, filterless element sweep finds open shadow roots and
   * frames after the text is done.
   */
  walk(root: Node): () => boolean {
    if (root.nodeType === Node.TEXT_NODE) {
      return () => {
        this.visible = new Map();
        if (root.isConnected && !insideSkipped(root)) this.scanText(root as Text);
        return false;
      };
    }
    const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : (root.ownerDocument ?? document);
    const start = root.nodeType === Node.DOCUMENT_NODE ? (root as Document).body : root;
    if (!start) return () => false;
    // An added frame or shadow host as the walk root: report it like the sweep below would.
    const own = ownRoot(start);
    if (start.nodeType === Node.ELEMENT_NODE && insideSkipped(start)) {
      if (own && !insideSkipped((start as Element).parentElement ?? start)) this.hooks.onRoot(own);
      return () => false;
    }
    if (own) this.hooks.onRoot(own);
    const hooks = this.hooks;
    const startEl = start.nodeType === Node.ELEMENT_NODE ? (start as Element) : null;
    // The link around the walk root (once; a shadow root has none above it), then per element:
    // SKIPPED or the enclosing a[href]. The root itself is not skipped (checked above).
    const rootState: ElementState = startEl?.closest('a[href]') ?? null;
    const memo = new Map<Element, ElementState>();
    if (startEl) memo.set(startEl, rootState);
    const chain: Element[] = [];
    const stateOf = (el: Element): ElementState => {
      let state = memo.get(el);
      if (state !== undefined) return state;
      // Climb to the nearest element already known (or the walk root's top), then fill downwards.
      state = rootState;
      for (let e: Element | null = el; e; e = e.parentElement) {
        const known = memo.get(e);
        if (known !== undefined) {
          state = known;
          break;
        }
        chain.push(e);
      }
      while (chain.length > 0) {
        const e = chain.pop() as Element;
        if (state !== SKIPPED) {
          if (skipsInWalk(e)) state = SKIPPED;
          else if (e.localName === 'a' && e.hasAttribute('href')) state = e;
        }
        memo.set(e, state);
      }
      return state;
    };
    const texts = doc.createTreeWalker(start, NodeFilter.SHOW_TEXT);
    let elements: TreeWalker | null = null;
    const vis = new Map<Element, boolean>();
    return () => {
      this.visible = vis;
      if (!elements) {
        let scanned = 0;
        for (let visited = 0; visited < MAX_VISITS_PER_STEP; visited++) {
          const n = texts.nextNode() as Text | null;
          if (!n) {
            elements = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT);
            return true;
          }
          // Whitespace-only nodes carry nothing (and are half of a typical DOM).
          if (!NON_SPACE.test(n.data)) continue;
          const parent = n.parentElement;
          const state = parent ? stateOf(parent) : rootState;
          if (state === SKIPPED) continue;
          this.scanText(n, state);
          if (++scanned >= NODES_PER_STEP) return true;
        }
        return true;
      }
      // Open shadow roots (closed ones are null) and frames, outside skipped regions.
      for (let visited = 0; visited < MAX_VISITS_PER_STEP; visited++) {
        const el = elements.nextNode() as Element | null;
        if (!el) return false;
        const frame = el.localName === 'iframe';
        const shadow = frame ? null : el.shadowRoot;
        if (!frame && !shadow) continue;
        const parent = el.parentElement;
        if ((parent ? stateOf(parent) : rootState) === SKIPPED) continue;
        if (frame) hooks.onRoot(el as HTMLIFrameElement);
        else if (shadow && stateOf(el) !== SKIPPED) hooks.onRoot(shadow);
      }
      return true;
    };
  }

  /** `link`: the `a[href]` around the node (undefined: look it up). */
  scanText(node: Text, link?: Element | null): void {
    const data = node.data;
    const text = data.length > MAX_NODE_CHARS ? data.slice(0, MAX_NODE_CHARS) : data;
    this.segments.push(node);
    let found = this.ctx.scanSegment(text);
    const a = link === undefined ? (node.parentElement?.closest('a[href]') ?? null) : link;
    if (a) {
      const seen = this.anchors.get(a);
      if (seen === undefined) {
        // One link mention per link, on its first text node; the quote link says which company
        // its text means (a "Google" link to GOOG is not also GOOGL).
        const linkMention = this.quoteLinkMention(a, text);
        this.anchors.set(a, linkMention ? linkMention.symbol : null);
        if (linkMention) found = withLinkMention(found, linkMention);
      } else if (seen !== null && found.length > 0) {
        // Later text nodes of a quote link: the link is underlined once already.
        found = found.filter((m) => m.symbol !== seen && !isImplicit(m));
      }
    }
    // At the cap nothing more can be underlined: detection runs on (its state spans the page),
    // the bookkeeping of hits that would be dropped does not.
    if (found.length > 0 && !this.index.full) this.record(node, found);
    else if (this.index.has(node)) {
      // Old hits of a rescanned node go (also at the cap: they would point at changed text).
      this.index.delete(node);
      if (found.length > 0) this.record(node, found);
    }
  }

  /** Applies deferred mentions confirmed later in the page (end of a pass), all at once. */
  finishPass(): void {
    const step = this.finishSteps();
    while (step());
  }

  /**
   * The end of a pass as a resumable step: a dense page defers thousands of mentions, and
   * applying them (each may check an element's visibility) must not become one long task.
   */
  finishSteps(): () => boolean {
    let confirmed: DeferredMention[] | null = null;
    let i = 0;
    return () => {
      if (!confirmed) {
        confirmed = this.ctx.finish();
        return true;
      }
      const end = Math.min(confirmed.length, i + FINISH_PER_STEP);
      for (; i < end; i++) {
        const d = confirmed[i] as DeferredMention;
        const node = this.segments[d.segment];
        if (!node || !node.isConnected) continue;
        const existing = this.index.at(node, d.mention.start);
        if (existing && existing.start < d.mention.end) continue;
        this.addHits(node, [d.mention]);
      }
      if (i < confirmed.length) return true;
      this.index.prune((n) => n.isConnected);
      return false;
    };
  }

  private record(node: Text, mentions: Mention[]): void {
    const parent = node.parentElement;
    if (parent && !this.isVisible(parent)) this.index.delete(node);
    else this.index.set(node, this.toHits(node, mentions));
  }

  private addHits(node: Text, mentions: Mention[]): void {
    const parent = node.parentElement;
    if (parent && !this.isVisible(parent)) return;
    const current = this.index.get(node);
    this.index.set(node, [...current, ...this.toHits(node, mentions)]);
  }

  private toHits(node: Text, mentions: Mention[]): Array<Hit<Text>> {
    const out: Array<Hit<Text>> = [];
    for (const m of mentions) {
      if (!isUsListing(m) || m.end <= m.start) continue;
      let f = this.facts.get(m.symbol);
      if (!f) {
        const info = this.universe.get(m.symbol);
        // The indexes are disjoint: a row flagged both comes from holdings files of different
        // dates, and the background (newer IWB file) reports Russell 1000, so the underline does too.
        f = { r2000: !!info?.r2000 && !info.r1000, name: info?.name ?? '' };
        this.facts.set(m.symbol, f);
      }
      const hit: Hit<Text> = {
        node,
        start: m.start,
        end: m.end,
        symbol: m.symbol,
        r2000: f.r2000,
        name: f.name,
      };
      if (m.reason) hit.reason = m.reason;
      out.push(hit);
    }
    return out;
  }

  /** Visibility is checked only for nodes with mentions, once per element per walk. */
  private isVisible(el: Element): boolean {
    let v = this.visible.get(el);
    if (v === undefined) {
      v =
        typeof el.checkVisibility === 'function'
          ? el.checkVisibility({ visibilityProperty: true })
          : el.getClientRects().length > 0;
      this.visible.set(el, v);
    }
    return v;
  }

  /** The link mention of `a` when its href is a quote page (the href is resolved only if it may be). */
  private quoteLinkMention(a: Element, text: string): Mention | null {
    // Most links of a page point elsewhere: the raw attribute tells without resolving the URL,
    // unless the page is itself on a quote site (then relative links may be quote links).
    const raw = this.quoteSite ? null : (a.getAttribute('href') ?? '');
    if (raw !== null && !mayBeQuoteUrl(raw)) return null;
    const href = (a as HTMLAnchorElement).href;
    if (typeof href !== 'string' || (raw === null && !mayBeQuoteUrl(href))) return null;
    return this.ctx.scanLink(href, text);
  }
}
