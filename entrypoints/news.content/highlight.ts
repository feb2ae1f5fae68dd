/**
 * Underlines tickers with the CSS Custom Highlight API: the page's text nodes and layout are
 * never touched. One registry per document (same-origin iframes have their own); the
 * `::highlight()` rules are adopted by the document and by each open shadow root we scan
 * (document styles do not reach into shadow trees). Where the API is missing, nothing is drawn
 * and hover / keyboard still work by hit-testing.
 */
import type { Hit } from './lookup';

export const HL_TICKER = 'scl-ticker';
export const HL_R2000 = 'scl-r2000';
export const HL_FOCUS = 'scl-focus';

// Only ::highlight() rules: nothing else on the page is restyled.
const UNDERLINE_RULES = `
::highlight(${HL_TICKER}) { text-decoration: underline dotted 1.5px; text-decoration-color: #2f6fdb; text-underline-offset: 3px; }
::highlight(${HL_R2000}) { text-decoration: underline solid 2px; text-decoration-color: #d9480f; text-underline-offset: 3px; }
::highlight(${HL_FOCUS}) { background-color: #ffd43b; color: #111; }
`;

// Firefox (140 ESR, checked on screen by the Firefox suite) paints only color and
// background-color for ::highlight(), not text-decoration: the underlines above would draw
// nothing. There the tickers get a translucent tint in the same two colours (readable on light
// and dark pages), and keep the underline rule for when Firefox paints it. The only
// Firefox-specific styling in the content script.
const FIREFOX_RULES = `
::highlight(${HL_TICKER}) { background-color: rgba(47, 111, 219, 0.16); text-decoration: underline dotted 1.5px; text-decoration-color: #2f6fdb; }
::highlight(${HL_R2000}) { background-color: rgba(217, 72, 15, 0.2); text-decoration: underline solid 2px; text-decoration-color: #d9480f; }
::highlight(${HL_FOCUS}) { background-color: #ffd43b; color: #111; }
`;

const RULES = import.meta.env.FIREFOX ? FIREFOX_RULES : UNDERLINE_RULES;

interface DocHighlights {
  ticker: Highlight;
  r2000: Highlight;
  focus: Highlight;
  sheet: CSSStyleSheet | null;
  registry: HighlightRegistry;
  /** The document's Highlight constructor (a publish builds new highlights and swaps them in). */
  make: () => Highlight;
}

type HighlightWindow = Window & typeof globalThis;

export class Highlighter {
  private readonly docs = new Map<Document, DocHighlights>();
  private readonly roots = new Set<ShadowRoot>();

  static supported(view: Window = window): boolean {
    const w = view as HighlightWindow;
    return typeof w.Highlight === 'function' && !!w.CSS && 'highlights' in w.CSS;
  }

  constructor(private readonly enabled: boolean) {}

  private forDoc(doc: Document): DocHighlights | null {
    const have = this.docs.get(doc);
    if (have) return have;
    const view = doc.defaultView as HighlightWindow | null;
    if (!view || !Highlighter.supported(view)) return null;
    const ticker = new view.Highlight();
    const r2000 = new view.Highlight();
    const focus = new view.Highlight();
    focus.priority = 2;
    r2000.priority = 1;
    const registry = view.CSS.highlights;
    registry.set(HL_TICKER, ticker);
    registry.set(HL_R2000, r2000);
    registry.set(HL_FOCUS, focus);
    let sheet: CSSStyleSheet | null = null;
    try {
      sheet = new view.CSSStyleSheet();
      sheet.replaceSync(RULES);
    } catch {
      sheet = null;
    }
    const entry = { ticker, r2000, focus, sheet, registry, make: () => new view.Highlight() };
    this.docs.set(doc, entry);
    this.adopt(doc, entry);
    return entry;
  }

  // The rules are adopted even with underlines off: empty highlights paint nothing, and the
  // keyboard focus ring still needs its rule.
  private adopt(target: Document | ShadowRoot, entry: DocHighlights): void {
    if (entry.sheet) {
      try {
        if (!target.adoptedStyleSheets.includes(entry.sheet)) {
          target.adoptedStyleSheets = [...target.adoptedStyleSheets, entry.sheet];
        }
        return;
      } catch {
        // Fall through to a <style> element. Firefox always does: from a content script the
        // page's adoptedStyleSheets is an Xray wrapper that cannot be read or set ("Accessing
        // from Xray wrapper is not supported").
      }
    }
    const doc = target instanceof Document ? target : target.ownerDocument;
    const parent = target instanceof Document ? (target.head ?? target.documentElement) : target;
    if (parent.querySelector(':scope > style[data-scl]')) return;
    const style = doc.createElement('style');
    style.dataset.scl = '';
    style.textContent = RULES;
    parent.append(style);
  }

  /** Shadow roots need the rules adopted too (document styles stop at the shadow boundary). */
  addShadowRoot(root: ShadowRoot): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    const entry = this.forDoc(root.ownerDocument);
    if (entry) this.adopt(root, entry);
  }

  /**
   * Redraws the underlines from scratch, as a resumable step (500 ranges per call) so 5,000
   * underlines never make one long task. The new ranges go into fresh Highlight objects that are
   * swapped into the registry at the end: the old underlines stay up until the new set is
   * complete. StaticRange: not updated on every DOM mutation, so thousands of them cost the page
   * nothing.
   */
  publish(hits: ReadonlyArray<Hit<Text>>): () => boolean {
    let i = 0;
    const fresh = new Map<DocHighlights, { ticker: Highlight; r2000: Highlight }>();
    const target = (e: DocHighlights) => {
      let f = fresh.get(e);
      if (!f) {
        f = { ticker: e.make(), r2000: e.make() };
        f.r2000.priority = 1;
        fresh.set(e, f);
      }
      return f;
    };
    return () => {
      if (!this.enabled) {
        for (const e of this.docs.values()) {
          e.ticker.clear();
          e.r2000.clear();
        }
        return false;
      }
      const end = Math.min(hits.length, i + 500);
      for (; i < end; i++) {
        const h = hits[i]!;
        if (!h.node.isConnected || h.end > h.node.length) continue;
        const e = this.forDoc(h.node.ownerDocument);
        if (!e) continue;
        const r = new StaticRange({
          startContainer: h.node,
          startOffset: h.start,
          endContainer: h.node,
          endOffset: h.end,
        });
        const f = target(e);
        (h.r2000 ? f.r2000 : f.ticker).add(r);
      }
      if (i < hits.length) return true;
      for (const e of this.docs.values()) {
        const f = target(e);
        e.ticker = f.ticker;
        e.r2000 = f.r2000;
        e.registry.set(HL_TICKER, f.ticker);
        e.registry.set(HL_R2000, f.r2000);
      }
      this.readopt();
      return false;
    };
  }

  /** A page that replaced document.adoptedStyleSheets dropped our rules: put them back. */
  private readopt(): void {
    for (const [doc, e] of this.docs) this.adopt(doc, e);
    for (const root of this.roots) {
      const e = this.docs.get(root.ownerDocument);
      if (e && root.host.isConnected) this.adopt(root, e);
      else if (!root.host.isConnected) this.roots.delete(root);
    }
  }

  /** The keyboard focus ring on one mention (drawn even when underlines are off). */
  focus(hit: Hit<Text> | null): void {
    for (const e of this.docs.values()) e.focus.clear();
    if (!hit) return;
    const e = this.forDoc(hit.node.ownerDocument);
    if (!e) return;
    e.focus.add(
      new StaticRange({
        startContainer: hit.node,
        startOffset: hit.start,
        endContainer: hit.node,
        endOffset: hit.end,
      }),
    );
  }

  dispose(): void {
    for (const [doc, e] of this.docs) {
      for (const name of [HL_TICKER, HL_R2000, HL_FOCUS]) e.registry.delete(name);
      if (e.sheet) {
        const sheet = e.sheet;
        try {
          doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
          for (const r of this.roots) r.adoptedStyleSheets = r.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch {
          // document gone
        }
      }
      doc.querySelectorAll('style[data-scl]').forEach((s) => s.remove());
    }
    this.docs.clear();
    this.roots.clear();
  }
}

/** A live Range for one hit (for geometry: client rects, scrolling). */
export function rangeOf(hit: Hit<Text>): Range | null {
  if (!hit.node.isConnected || hit.end > hit.node.length) return null;
  const r = hit.node.ownerDocument.createRange();
  r.setStart(hit.node, hit.start);
  r.setEnd(hit.node, hit.end);
  return r;
}
