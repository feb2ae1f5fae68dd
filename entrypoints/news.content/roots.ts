/**
 * The roots a page scan reaches besides the document: open shadow roots and same-origin frames
 * (PageScanner reports them as its walks meet them). Each root is observed once and walked once
 * per pass; a frame's document gets the lens's pointer and key listeners once, and a frame that
 * navigates (a new document) is scanned again on its load. Cross-origin frames are out of reach
 * and ignored.
 */

export interface RootHooks {
  /** Start watching the root's mutations (called once per root). */
  observe(root: Document | ShadowRoot): void;
  /** Scan the root (called once per root per pass). */
  walk(root: Document | ShadowRoot): void;
  /** A shadow root the underlines must reach (document styles stop at its boundary). */
  shadowRoot(root: ShadowRoot): void;
  /** A same-origin frame's document, first seen: the pointer and keys are read there too. */
  frameDocument(doc: Document): void;
  /** Call `cb` on each later load of the frame (ctx.addEventListener). */
  frameLoad(frame: HTMLIFrameElement, cb: () => void): void;
}

export interface RootTracker {
  /** Every open shadow root met so far (caretPositionFromPoint needs them to see inside). */
  readonly shadowRoots: ReadonlySet<ShadowRoot>;
  /** Observe `root` unless it already is. */
  observe(root: Document | ShadowRoot): void;
  /** A root a walk met. */
  found(root: ShadowRoot | HTMLIFrameElement): void;
  /** A new pass starts with a walk of `doc`: every other root is walked again when met. */
  newPass(doc: Document): void;
}

export function trackRoots(hooks: RootHooks): RootTracker {
  const shadowRoots = new Set<ShadowRoot>();
  const observed = new WeakSet<Node>();
  const frameDocs = new WeakSet<Document>();
  let walked = new WeakSet<Node>();

  const observe = (root: Document | ShadowRoot) => {
    if (observed.has(root)) return;
    observed.add(root);
    hooks.observe(root);
  };

  function found(r: ShadowRoot | HTMLIFrameElement): void {
    if (r instanceof ShadowRoot) {
      shadowRoots.add(r);
      hooks.shadowRoot(r);
      observe(r);
      if (!walked.has(r)) {
        walked.add(r);
        hooks.walk(r);
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
      hooks.frameLoad(r, () => {
        try {
          if (r.contentDocument) found(r);
        } catch {
          // cross-origin now
        }
      });
    }
    if (!doc || !doc.body || walked.has(doc)) return;
    walked.add(doc);
    observe(doc);
    if (!frameDocs.has(doc)) {
      frameDocs.add(doc);
      hooks.frameDocument(doc);
    }
    hooks.walk(doc);
  }

  return {
    shadowRoots,
    observe,
    found,
    newPass(doc) {
      walked = new WeakSet([doc]);
    },
  };
}
