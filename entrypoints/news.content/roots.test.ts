// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { trackRoots } from './roots';

afterEach(() => document.body.replaceChildren());

const docNames = new WeakMap<Node, string>();

function setup() {
  const log: string[] = [];
  const name = (r: Node) =>
    r instanceof ShadowRoot ? `shadow:${(r.host as HTMLElement).id}` : `doc:${docNames.get(r) ?? 'top'}`;
  const loads = new Map<object, () => void>();
  const tracker = trackRoots({
    observe: (r) => log.push(`observe ${name(r)}`),
    walk: (r) => log.push(`walk ${name(r)}`),
    shadowRoot: (r) => log.push(`styles ${name(r)}`),
    frameDocument: (d) => log.push(`listen ${name(d)}`),
    frameLoad: (frame, cb) => loads.set(frame, cb),
  });
  return { log, loads, tracker };
}

function shadowHost(id: string): ShadowRoot {
  const host = document.createElement('div');
  host.id = id;
  document.body.append(host);
  return host.attachShadow({ mode: 'open' });
}

/** A same-origin frame: what PageScanner reports is the <iframe>; its document is read on demand. */
function frame(title: string | null): { el: HTMLIFrameElement; navigate(t: string | null): void } {
  let doc: Document | null = null;
  const el = { tagName: 'IFRAME' } as unknown as HTMLIFrameElement;
  const navigate = (t: string | null) => {
    doc = t === null ? null : document.implementation.createHTMLDocument(t);
    if (doc && t) docNames.set(doc, t);
  };
  Object.defineProperty(el, 'contentDocument', {
    get: () => {
      if (doc === null && title === 'cross-origin') throw new DOMException('Blocked', 'SecurityError');
      return doc;
    },
  });
  navigate(title === 'cross-origin' ? null : title);
  return { el, navigate };
}

describe('trackRoots', () => {
  it('observes, styles and walks an open shadow root once per pass', () => {
    const { log, tracker } = setup();
    const root = shadowHost('widget');
    tracker.found(root);
    tracker.found(root);
    expect(log).toEqual([
      'styles shadow:widget',
      'observe shadow:widget',
      'walk shadow:widget',
      'styles shadow:widget',
    ]);
    expect([...tracker.shadowRoots]).toEqual([root]);
    log.length = 0;
    tracker.newPass(document);
    tracker.found(root);
    expect(log).toEqual(['styles shadow:widget', 'walk shadow:widget']); // walked again, observed once
  });

  it("gives a same-origin frame's document listeners once and walks it once per pass", () => {
    const { log, tracker } = setup();
    const f = frame('quotes');
    tracker.found(f.el);
    tracker.found(f.el);
    expect(log).toEqual(['observe doc:quotes', 'listen doc:quotes', 'walk doc:quotes']);
    log.length = 0;
    tracker.newPass(document);
    tracker.found(f.el);
    expect(log).toEqual(['walk doc:quotes']);
  });

  it('scans the new document of a frame that navigates, on its load', () => {
    const { log, loads, tracker } = setup();
    const f = frame('first');
    tracker.found(f.el);
    f.navigate('second');
    loads.get(f.el)!();
    expect(log.slice(3)).toEqual(['observe doc:second', 'listen doc:second', 'walk doc:second']);
    expect(loads.size).toBe(1); // one load listener per frame
  });

  it('ignores a cross-origin frame, but still listens for it to load', () => {
    const { log, loads, tracker } = setup();
    const f = frame('cross-origin');
    tracker.found(f.el);
    expect(log).toEqual([]);
    expect(loads.has(f.el)).toBe(true);
    loads.get(f.el)!(); // still cross-origin: nothing
    expect(log).toEqual([]);
  });

  it('observes a root once however often it is asked', () => {
    const { log, tracker } = setup();
    tracker.observe(document);
    tracker.observe(document);
    expect(log).toEqual(['observe doc:top']);
  });
});
