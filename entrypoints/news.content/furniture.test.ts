// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadUniverse } from '../../lib/detect';
import { isFurniture } from './furniture';
import { insideSkipped, PageScanner } from './scanner';

const universe = loadUniverse({
  v: 1,
  asOf: {},
  rows: ['NVDA|Q1sn|NVIDIA|Nvidia', 'GETY|N2|Getty Images Holdings', 'META|Q1sn|Meta Platforms|Facebook'],
});

function mount(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.adoptNode(n)));
  return document.body;
}

function underlined(): string[] {
  Element.prototype.checkVisibility ??= () => true;
  const scanner = new PageScanner(universe, {}, { onRoot: () => {} });
  const step = scanner.walk(document);
  while (step());
  scanner.finishPass();
  return scanner.index.all().map((h) => `${h.symbol}:${h.node.data.slice(h.start, h.end)}`);
}

afterEach(() => document.body.replaceChildren());

const article = '<article><h1>Chips</h1><p>Shares of Nvidia (NASDAQ: NVDA) rose.</p></article>';

describe('page furniture is not scanned', () => {
  it.each([
    ['<nav>', '<nav><a href="/x">Facebook</a></nav>'],
    ['<aside>', '<aside><p>More: $NVDA and Facebook</p></aside>'],
    [
      'a figure caption and photo credit',
      '<figure><figcaption>Photo: Getty Images Holdings</figcaption></figure>',
    ],
    ['role=navigation', '<div role="navigation"><a href="/f">Facebook</a></div>'],
    ['role=contentinfo', '<div role="contentinfo">Follow us on Facebook</div>'],
    ['role=complementary', '<div role="complementary">Facebook Messenger</div>'],
    ['a page-level <footer>', '<footer><p>Follow us on Facebook</p></footer>'],
    ['a page-level <header>', '<header><div class="logo">News</div><a href="/f">Facebook</a></header>'],
    ['a share bar', '<div class="article-share-bar"><a href="#">Facebook</a></div>'],
    ['social buttons', '<ul class="c-social__list"><li>Facebook</li></ul>'],
    ['a related rail', '<section class="RelatedStories"><h3>Nvidia (NVDA) falls</h3></section>'],
    ['a camelCase footer', '<div class="InlineVideo-videoFooter">Getty Images Holdings</div>'],
    ['a photo credit', '<span class="lede-image__credit">Photographer: Getty Images Holdings</span>'],
    ['a byline', '<div class="byline">By Meta Platforms staff</div>'],
    ['a cookie banner', '<div id="cookie-consent">Facebook pixels are used</div>'],
    ['a breadcrumb', '<ol class="breadcrumbs"><li>Facebook</li></ol>'],
    ['a newsletter box', '<div class="newsletter-signup">Get $NVDA news</div>'],
    ['a trending widget', '<div class="trending-tickers">NVDA</div>'],
    ['a carousel of cards', '<div class="owl-carousel"><h3>Facebook and Nvidia</h3></div>'],
    ['reader comments', '<div id="comments"><p>Buy $NVDA</p></div>'],
    ['a button', '<button>Share on Facebook</button>'],
    ['a share link', '<p><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a></p>'],
    ['a script link', '<p><a href="javascript:void(0)" title="Share">Facebook</a></p>'],
    ['an empty link', '<p><a href="" onclick="post()">Facebook</a></p>'],
    ['tag links under the story', '<div class="entry-meta"><a href="/tag/nvda">NVDA</a></div>'],
  ])('%s', (_, furniture) => {
    mount(furniture + article);
    expect(underlined()).toEqual(['NVDA:Nvidia', 'NVDA:NVDA']);
  });

  it('an <article>’s own header and footer are the article', () => {
    mount(
      '<article><header><h2>Nvidia (NVDA) rallies</h2></header><p>Text.</p>' +
        '<footer><p>The author owns shares of Nvidia.</p></footer></article>',
    );
    expect(underlined()).toEqual(['NVDA:Nvidia', 'NVDA:NVDA', 'NVDA:Nvidia']);
  });

  it('a furniture-looking wrapper that holds the headline or the article body is not furniture', () => {
    mount(
      '<div class="layout has-sidebar"><header class="site-header"><h1>Nvidia (NVDA) rallies</h1></header>' +
        '<div class="content"><p>Shares of Nvidia rose.</p></div><aside class="rail">$META</aside></div>',
    );
    expect(underlined()).toEqual(['NVDA:Nvidia', 'NVDA:NVDA', 'NVDA:Nvidia']);
  });

  it('article words that merely start like furniture words are kept', () => {
    mount(
      '<div class="shareholder-letter"><p>Nvidia (NVDA) wrote.</p></div>' +
        '<div class="address-block additional"><p>$META</p></div><span class="ticker">NVDA</span>',
    );
    expect(underlined()).toEqual(['NVDA:Nvidia', 'NVDA:NVDA', 'META:$META', 'NVDA:NVDA']);
  });

  it('isFurniture never marks the body, html, main or article', () => {
    document.body.className = 'nav-open has-sidebar';
    for (const el of [document.body, document.documentElement]) expect(isFurniture(el)).toBe(false);
    for (const tag of ['main', 'article']) {
      const el = document.createElement(tag);
      el.className = 'footer share';
      expect(isFurniture(el)).toBe(false);
    }
    document.body.className = '';
  });

  it('each hit keeps the reason the detector took it, for the card', () => {
    mount(article);
    Element.prototype.checkVisibility ??= () => true;
    const scanner = new PageScanner(universe, {}, { onRoot: () => {} });
    const step = scanner.walk(document);
    while (step());
    scanner.finishPass();
    expect(scanner.index.all().map((h) => h.reason)).toEqual([
      'company named with a cue',
      'written as NASDAQ: NVDA',
    ]);
  });

  it('mutation roots inside furniture count as skipped', () => {
    mount('<nav><ul><li id="x">Facebook</li></ul></nav><p id="y">x</p>');
    expect(insideSkipped(document.getElementById('x')!.firstChild!)).toBe(true);
    expect(insideSkipped(document.getElementById('y')!.firstChild!)).toBe(false);
  });
});
