// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadUniverse } from '../../lib/detect';
import type { Hit } from './lookup';
import { CARD_HOST_ATTR, insideSkipped, mayBeQuoteUrl, PageScanner, skipsElement } from './scanner';

/** Our card host as card-host.tsx makes it: a plain element with the marker attribute. */
function cardHost(): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute(CARD_HOST_ATTR, 'card');
  return el;
}

const universe = loadUniverse({
  v: 1,
  asOf: {},
  rows: [
    'NVDA|Q1sn|NVIDIA|Nvidia',
    'KO|N1s|Coca-Cola',
    'CRDO|Q2|Credo Technology',
    'AMAT|Q1s|Applied Materials',
  ],
});

function mount(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  const nodes = Array.from(parsed.body.childNodes);
  document.body.replaceChildren(...nodes.map((n) => document.adoptNode(n)));
  return document.body;
}

// Stub: happy-dom has Element.checkVisibility (it reads computed display/visibility) but no UA
// style sheet, so `[hidden] { display: none }` does not apply. Elements under a `hidden` attribute
// are made invisible here, as in a browser; `style="display:none"` works natively.
const nativeCheckVisibility = Element.prototype.checkVisibility;
beforeAll(() => {
  Element.prototype.checkVisibility = function (this: Element, options?: CheckVisibilityOptions) {
    return !this.closest('[hidden]') && nativeCheckVisibility.call(this, options);
  };
});
afterAll(() => {
  Element.prototype.checkVisibility = nativeCheckVisibility;
});

afterEach(() => {
  document.body.replaceChildren();
  document.designMode = 'off';
});

/** Runs a walk to the end; returns how many steps returned true. */
function drain(step: () => boolean): number {
  let more = 0;
  while (step()) {
    more++;
    if (more > 100_000) throw new Error('walk does not end');
  }
  return more;
}

function scan(root: Node = document, cap?: number) {
  const roots: Array<ShadowRoot | HTMLIFrameElement> = [];
  const scanner = new PageScanner(universe, {}, { onRoot: (r) => roots.push(r) }, cap);
  const steps = drain(scanner.walk(root));
  scanner.finishPass();
  return { scanner, roots, steps, hits: scanner.index.all() };
}

/** `SYMBOL:covered text` per hit. */
const show = (hits: ReadonlyArray<Hit<Text>>) =>
  hits.map((h) => `${h.symbol}:${h.node.data.slice(h.start, h.end)}`);

describe('skipped regions', () => {
  const skippedTags = [
    'script type="application/json"',
    'style',
    'code',
    'pre',
    'textarea',
    'kbd',
    'noscript',
  ];
  it.each(skippedTags)('text in <%s> is never indexed, the same text in <p> is', (tag) => {
    const name = tag.split(' ')[0];
    mount(`<p>Buy $NVDA now</p><${tag}>Buy $KO now</${name}>`);
    expect(show(scan().hits)).toEqual(['NVDA:$NVDA']);
  });

  it('text nested deeper inside a skipped element', () => {
    mount('<pre><span>Buy <b>$KO</b> now</span></pre><code><i>$KO</i></code><p><span>$NVDA</span></p>');
    expect(show(scan().hits)).toEqual(['NVDA:$NVDA']);
  });

  it('contenteditable regions, and contenteditable=false only outside them', () => {
    mount(
      '<div contenteditable><p>$KO</p></div>' +
        '<div contenteditable="true"><p>$KO</p></div>' +
        '<div contenteditable="plaintext-only">$KO</div>' +
        '<div contenteditable=""><span contenteditable="false">$KO <b>$KO</b></span></div>' +
        '<div contenteditable="false"><p>$NVDA</p></div>',
    );
    const { hits } = scan();
    expect(show(hits)).toEqual(['NVDA:$NVDA']);
    expect(hits[0]!.node.parentElement!.closest('[contenteditable]')!.getAttribute('contenteditable')).toBe(
      'false',
    );
  });

  it('role=textbox (and code, math) regions', () => {
    mount(
      '<div role="textbox"><span>$KO</span></div><div role="code">$KO</div><div role="math">$KO</div>' +
        '<div role="article"><span>$NVDA</span></div>',
    );
    expect(show(scan().hits)).toEqual(['NVDA:$NVDA']);
  });

  it('SVG text', () => {
    mount('<svg><text>$KO</text></svg><p>$NVDA</p>');
    expect(show(scan().hits)).toEqual(['NVDA:$NVDA']);
  });

  it(`our own card host (<div ${CARD_HOST_ATTR}="card">)`, () => {
    const body = mount('<p>$NVDA</p>');
    const host = cardHost();
    const p = document.createElement('p');
    p.textContent = '$KO';
    host.append(p);
    body.append(host);
    expect(show(scan().hits)).toEqual(['NVDA:$NVDA']);
    // Walking into it directly finds nothing either.
    expect(scan(p).hits).toEqual([]);
    expect(scan(p.firstChild!).hits).toEqual([]);
  });

  it('skipsElement and insideSkipped on plain elements', () => {
    const body = mount(
      '<p id="p">x</p><div contenteditable="false" id="f">x</div><div contenteditable id="e"><b id="b">x</b></div>',
    );
    const $ = (id: string) => body.querySelector(`#${id}`)!;
    expect(skipsElement($('p'))).toBe(false);
    expect(skipsElement($('f'))).toBe(false);
    expect(skipsElement($('e'))).toBe(true);
    expect(skipsElement($('b'))).toBe(false);
    expect(insideSkipped($('b'))).toBe(true);
    expect(insideSkipped($('b').firstChild!)).toBe(true);
    expect(insideSkipped($('p').firstChild!)).toBe(false);
    expect(skipsElement(cardHost())).toBe(true);
    expect(skipsElement(document.createElement('textarea'))).toBe(true);
  });

  it('designMode makes everything skipped', () => {
    mount('<p>$NVDA</p>');
    expect(insideSkipped(document.body.firstChild!)).toBe(false);
    document.designMode = 'on';
    expect(insideSkipped(document.body.firstChild!)).toBe(true);
    expect(scan().hits).toEqual([]);
  });
});

describe('links', () => {
  const quote = 'https://finance.yahoo.com/quote/CRDO';

  it('a quote link yields a link hit over its text', () => {
    mount(`<p>Shares of <a href="${quote}">Credo</a> rose.</p>`);
    const { hits } = scan();
    expect(show(hits)).toEqual(['CRDO:Credo']);
    expect(hits[0]).toMatchObject({ start: 0, end: 5, r2000: true, name: 'Credo Technology' });
  });

  it('one link hit per link, on its first text node, also when the text is split', () => {
    mount(
      `<p><a href="${quote}"><span><b>Cre</b></span>do <i>Technology</i></a></p>` +
        `<p><a href="${quote}">Credo</a></p>`,
    );
    const { hits } = scan();
    expect(show(hits)).toEqual(['CRDO:Cre', 'CRDO:Credo']);
    expect(hits[0]!.node.parentElement!.localName).toBe('b');
    expect(hits[1]!.node.parentElement!.localName).toBe('a');
  });

  it('a link whose first text node is whitespace or skipped puts its hit on the next one', () => {
    mount(`<a href="${quote}">  <code>CRDO</code> <span>Credo</span></a>`);
    expect(show(scan().hits)).toEqual(['CRDO:Credo']);
  });

  it('a linked ticker gets one underline: the link names the company, later nodes add nothing', () => {
    mount(
      '<p><a href="https://finance.yahoo.com/quote/KO">Nvidia</a> and ' +
        `<a href="${quote}"><b>Credo</b> <i>CRDO</i> <i>$CRDO</i></a></p>`,
    );
    expect(show(scan().hits)).toEqual(['KO:Nvidia', 'CRDO:Credo']);
  });

  it('links to non-quote pages give nothing', () => {
    mount('<a href="https://example.com/quote/CRDO">Credo</a> <a href="/quote/CRDO">Credo</a>');
    expect(scan().hits).toEqual([]);
  });

  it('a quote link inside a skipped region is not indexed', () => {
    mount(
      `<div contenteditable><a href="${quote}">Credo</a></div>` +
        `<pre><a href="${quote}"><span>Credo</span></a></pre>` +
        `<div role="textbox"><p><a href="${quote}">Credo</a></p></div>`,
    );
    expect(scan().hits).toEqual([]);
  });

  it('a walk rooted inside a link still attributes the link', () => {
    const body = mount(`<p><a href="${quote}"><span id="s"><b>Credo</b> Technology</span></a></p>`);
    const span = body.querySelector('#s')!;
    expect(show(scan(span).hits)).toEqual(['CRDO:Credo']);
    expect(show(scan(span.querySelector('b')!).hits)).toEqual(['CRDO:Credo']);
    // A lone text node inside the link too.
    expect(show(scan(span.lastChild!).hits)).toEqual(['CRDO: Technology']);
  });

  it('mayBeQuoteUrl passes known hosts and anything the URL parser could resolve', () => {
    expect(mayBeQuoteUrl(quote)).toBe(true);
    expect(mayBeQuoteUrl('https://www.google.com/finance/quote/CRDO:NASDAQ')).toBe(true);
    expect(mayBeQuoteUrl('https://WWW.NASDAQ.COM/market-activity/stocks/crdo')).toBe(true);
    expect(mayBeQuoteUrl('https://example.com/quote/CRDO')).toBe(false);
    expect(mayBeQuoteUrl('/relative/path')).toBe(false);
    expect(mayBeQuoteUrl('https://finance.%79ahoo.com/quote/CRDO')).toBe(true);
    expect(mayBeQuoteUrl('https://finance.yahoo\u3002com/quote/CRDO')).toBe(true);
    expect(mayBeQuoteUrl('https://example.com/a b')).toBe(true);
  });
});

describe('shadow roots and frames', () => {
  function withShadow(parent: Element, mode: 'open' | 'closed' = 'open'): ShadowRoot {
    const host = document.createElement('div');
    parent.append(host);
    const root = host.attachShadow({ mode });
    const p = document.createElement('p');
    p.textContent = '$KO';
    root.append(p);
    return root;
  }

  it('reports open shadow roots and iframes through onRoot, without walking into them', () => {
    const body = mount('<p>$NVDA</p><section><div id="a"></div></section><iframe srcdoc=""></iframe>');
    const open = withShadow(body.querySelector('#a')!);
    withShadow(body, 'closed');
    const { roots, hits } = scan();
    expect(roots).toEqual([open, body.querySelector('iframe')]);
    expect(show(hits)).toEqual(['NVDA:$NVDA']);
  });

  it('does not report them inside skipped regions', () => {
    const body = mount(
      '<div contenteditable><div id="a"></div><iframe srcdoc=""></iframe></div>' +
        '<pre><span id="b"></span></pre><div role="textbox" id="c"></div>' +
        '<p>$NVDA</p>',
    );
    withShadow(body.querySelector('#a')!);
    withShadow(body.querySelector('#b')!);
    // The host itself is skipped (an editor, or our own card host).
    body.querySelector('#c')!.attachShadow({ mode: 'open' });
    const card = cardHost();
    card.attachShadow({ mode: 'open' });
    body.append(card);
    const { roots, hits } = scan();
    expect(roots).toEqual([]);
    expect(show(hits)).toEqual(['NVDA:$NVDA']);
  });

  it('walks an open shadow root given as the root', () => {
    const body = mount('<p>$NVDA</p>');
    const root = withShadow(body);
    const inner = document.createElement('div');
    root.append(inner);
    const nested = inner.attachShadow({ mode: 'open' });
    const { roots, hits } = scan(root);
    expect(show(hits)).toEqual(['KO:$KO']);
    expect(roots).toEqual([nested]);
  });

  it('a walk rooted at an added frame or shadow host reports it', () => {
    const body = mount(
      '<div id="host"></div><iframe srcdoc=""></iframe><pre><iframe srcdoc=""></iframe></pre>',
    );
    const hostRoot = withShadow(body.querySelector('#host')!);
    const [frame, skippedFrame] = Array.from(body.querySelectorAll('iframe'));
    expect(scan(body.querySelector('#host')!).roots).toEqual([hostRoot]);
    expect(scan(frame!).roots).toEqual([frame]);
    expect(scan(skippedFrame!).roots).toEqual([]);
  });

  it('insideSkipped crosses shadow boundaries to the host', () => {
    const body = mount('<div contenteditable><span id="e"></span></div><div id="plain"></div>');
    const skipped = withShadow(body.querySelector('#e')!);
    const plain = withShadow(body.querySelector('#plain')!);
    const text = (r: ShadowRoot) => r.querySelector('p')!.firstChild!;
    expect(insideSkipped(text(skipped))).toBe(true);
    expect(insideSkipped(skipped.querySelector('p')!)).toBe(true);
    expect(insideSkipped(text(plain))).toBe(false);
    expect(insideSkipped(plain.querySelector('p')!)).toBe(false);
    // So walks rooted inside such a shadow root find nothing.
    expect(scan(skipped.querySelector('p')!).hits).toEqual([]);
    expect(scan(text(skipped)).hits).toEqual([]);
    expect(show(scan(text(plain)).hits)).toEqual(['KO:$KO']);
  });
});

describe('walking', () => {
  it('a lone text node: one step', () => {
    const body = mount('<p>Buy $NVDA</p>');
    const scanner = new PageScanner(universe, {}, { onRoot: () => {} });
    const step = scanner.walk(body.firstChild!.firstChild!);
    expect(step()).toBe(false);
    expect(show(scanner.index.all())).toEqual(['NVDA:$NVDA']);
    expect(scanner.nodesScanned).toBe(1);
  });

  it('finishPass applies mentions confirmed later in the page and drops removed nodes', () => {
    const body = mount('<p>We met NVDA at noon.</p><p>Buy $NVDA.</p><p id="gone">$KO</p>');
    const scanner = new PageScanner(universe, {}, { onRoot: () => {} });
    drain(scanner.walk(document));
    expect(show(scanner.index.all())).toEqual(['NVDA:$NVDA', 'KO:$KO']);
    body.querySelector('#gone')!.remove();
    scanner.finishPass();
    expect(show(scanner.index.all())).toEqual(['NVDA:$NVDA', 'NVDA:NVDA']);
    expect(scanner.index.get(body.firstChild!.firstChild as Text)).toMatchObject([{ start: 7, end: 11 }]);
  });

  it('finishPass does not stack a deferred mention on a hit that already covers it', () => {
    mount('<p><a href="https://finance.yahoo.com/quote/NVDA">NVDA and AMAT</a></p><p>Buy $AMAT.</p>');
    const { scanner } = scan();
    const linkText = document.querySelector('a')!.firstChild as Text;
    // The link hit spans its text; the bare NVDA and AMAT inside, confirmed at the end, stay out.
    expect(show(scanner.index.get(linkText))).toEqual(['NVDA:NVDA and AMAT']);
    expect(show(scanner.index.all())).toEqual(['NVDA:NVDA and AMAT', 'AMAT:$AMAT']);
  });

  it('rescanning a text node replaces its hits', () => {
    const body = mount('<p>$NVDA</p><p>$KO</p>');
    const scanner = new PageScanner(universe, {}, { onRoot: () => {} });
    drain(scanner.walk(document));
    const text = body.firstChild!.firstChild as Text;
    text.data = 'Shares of $AMAT rose';
    drain(scanner.walk(text));
    expect(show(scanner.index.get(text))).toEqual(['AMAT:$AMAT']);
    text.data = 'no tickers';
    drain(scanner.walk(body.firstChild!));
    expect(scanner.index.has(text)).toBe(false);
    expect(show(scanner.index.all())).toEqual(['KO:$KO']);
  });

  it('a disconnected text node is not scanned', () => {
    const scanner = new PageScanner(universe, {}, { onRoot: () => {} });
    expect(scanner.walk(document.createTextNode('$NVDA'))()).toBe(false);
    expect(scanner.nodesScanned).toBe(0);
  });

  it('hidden elements are scanned but not indexed', () => {
    mount('<p hidden>$KO</p><div style="display:none"><span>$KO</span></div><p>$NVDA</p>');
    const { hits, scanner } = scan();
    expect(show(hits)).toEqual(['NVDA:$NVDA']);
    expect(scanner.nodesScanned).toBe(3);
  });

  /** A page mixing prose, links, skipped regions, whitespace and tickers confirmed later. */
  function bigPage(): HTMLElement {
    const parts: string[] = [];
    for (let i = 0; i < 120; i++) {
      parts.push(
        `<p>Item ${i}: chips (AMAT) and <a href="https://finance.yahoo.com/quote/CRDO"><b>Cr</b>edo</a> ` +
          `rose; $NVDA too.</p>\n  <pre>$KO ${i}</pre>\n`,
      );
      if (i % 10 === 0) parts.push('<div contenteditable><p>$KO</p></div><p>   </p>');
    }
    parts.push('<p>Also NVDA and KO traded, see $AMAT.</p>');
    return mount(parts.join(''));
  }
  const key = (body: Node, hits: ReadonlyArray<Hit<Text>>) => {
    const all: Node[] = [];
    const w = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) all.push(n);
    return hits.map((h) => `${all.indexOf(h.node)}:${h.start}-${h.end}:${h.symbol}`);
  };

  it('is resumable: many steps return true before false, with the same hits as other step sizes', () => {
    const body = bigPage();
    const whole = scan(document);
    expect(whole.steps).toBeGreaterThanOrEqual(5);
    expect(Object.fromEntries(whole.scanner.index.counts())).toEqual({
      AMAT: 121,
      CRDO: 120,
      NVDA: 121,
      KO: 1,
    });

    // Smaller steps: one walk per text node, in document order.
    const perText = new PageScanner(universe, {}, { onRoot: () => {} });
    const w = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const texts: Node[] = [];
    for (let n = w.nextNode(); n; n = w.nextNode()) texts.push(n);
    for (const t of texts) if (/\S/.test((t as Text).data)) drain(perText.walk(t));
    perText.finishPass();

    // Other boundaries: one walk per top-level element.
    const perChild = new PageScanner(universe, {}, { onRoot: () => {} });
    for (const el of Array.from(body.children)) drain(perChild.walk(el));
    perChild.finishPass();

    const expected = key(body, whole.hits);
    expect(key(body, perText.index.all())).toEqual(expected);
    expect(key(body, perChild.index.all())).toEqual(expected);
    expect(perText.nodesScanned).toBe(whole.scanner.nodesScanned);
    // Deferred mentions (bare "NVDA", "KO" confirmed by explicit ones) were applied at finishPass.
    expect(show(whole.hits.slice(-3))).toEqual(['NVDA:NVDA', 'KO:KO', 'AMAT:$AMAT']);
  });

  it('returns between steps on long runs of nodes that are skipped or blank', () => {
    const body = mount('<p>$KO</p>');
    for (let i = 0; i < 3000; i++) body.append(document.createTextNode(i % 2 ? '\n  ' : ' '));
    const pres = Array.from({ length: 1500 }, () => {
      const pre = document.createElement('pre');
      pre.textContent = '$KO';
      return pre;
    });
    body.append(...pres);
    const last = document.createElement('p');
    last.textContent = '$NVDA';
    body.append(last);
    const { steps, hits } = scan(document);
    expect(steps).toBeGreaterThanOrEqual(4);
    expect(show(hits)).toEqual(['KO:$KO', 'NVDA:$NVDA']);
  });

  it('respects the index cap and keeps scanning past it', () => {
    bigPage();
    const { scanner, hits } = scan(document, 7);
    const uncapped = scan(document);
    expect(hits.length).toBe(7);
    expect(scanner.index.size).toBe(7);
    expect(scanner.index.full).toBe(true);
    // Same first hits as without a cap, and every text node was still fed to the detector.
    expect(show(hits)).toEqual(show(uncapped.hits.slice(0, 7)));
    expect(scanner.nodesScanned).toBe(uncapped.scanner.nodesScanned);
    // A reset starts a fresh, empty index under the same cap.
    scanner.reset();
    expect(scanner.index.size).toBe(0);
    drain(scanner.walk(document));
    expect(scanner.index.size).toBe(7);
  });

  it('at the cap, a rescanned node loses hits that no longer match its text', () => {
    mount('<p>$NVDA</p><p>$KO</p>');
    const { scanner } = scan(document, 2);
    expect(scanner.index.full).toBe(true);
    const node = document.querySelector('p')!.firstChild as Text;
    node.data = 'Shares of $AMAT rose';
    drain(scanner.walk(node));
    // The freed room takes the new hit; the stale NVDA hit over "Share" is gone.
    expect(show(scanner.index.get(node))).toEqual(['AMAT:$AMAT']);
    node.data = 'nothing here';
    drain(scanner.walk(node));
    expect(scanner.index.get(node)).toEqual([]);
  });

  it('a node that became hidden loses its hits when rescanned', () => {
    mount('<p>$NVDA</p>');
    const { scanner } = scan();
    const p = document.querySelector('p')!;
    expect(scanner.index.size).toBe(1);
    p.hidden = true;
    drain(scanner.walk(p.firstChild!));
    expect(scanner.index.size).toBe(0);
  });
});
