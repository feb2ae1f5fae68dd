/**
 * Page furniture: the parts of a news page that are not the article (navigation, page header and
 * footer, related-story rails, share and social widgets, bylines, photo captions and credits,
 * cookie/consent banners, reader comments). Measured on real pages, half of all underlines sat in
 * such regions ("Getty Images" in a photo credit, "Facebook" in a share bar, "Work" in a menu), so
 * the scanner skips them.
 *
 * Cheap by design: `isFurniture` is called once per element per walk (the scanner's memo), and for
 * almost every element it is a Set lookup and one or two regex tests on its class and id. Only an
 * element that looks like furniture pays for one `querySelector`: a region that holds the page's
 * headline or article body is not furniture whatever its class says ("layout has-sidebar",
 * "article rail-tall"). A `<article>` inside is no such proof: news sites mark up every story card
 * of a related rail as one.
 */

/** Element types that are furniture wherever they are. */
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FIGCAPTION', 'MENU', 'DIALOG', 'BUTTON', 'ADDRESS']);
/** Page-level only: an `<article>`'s own header holds its headline, its footer its disclosure. */
const PAGE_LEVEL_TAGS = new Set(['HEADER', 'FOOTER']);
const FURNITURE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'menu',
  'menubar',
  'search',
  'dialog',
  'alertdialog',
  'toolbar',
]);

/**
 * Class/id words of furniture, matched at the start of a word ("site-footer", "navi-submenu__link",
 * "lede-image__credit", "share-bar", "RelatedTags"). Chosen to be rare in article containers:
 * never "content", "story", "body", "ticker" or "paywall" (article text sits in those).
 */
const WORDS =
  'nav|navi|navbar|navigation|menu|submenu|breadcrumb|footer|header|masthead|banner|sidebar|rail|aside|related|' +
  'recirc|trending|popular|recommend|outbrain|taboola|share(?!holder)|sharing|social|follow|promo|sponsor|newsletter|' +
  'subscribe|signup|byline|author|contributor|credit|caption|cookie|consent|gdpr|legal|copyright|' +
  'disclaimer|comments?(?![a-z])|watchlist|ticker[-_]?(?:bar|tape|strip)|tape|marquee|carousel|swiper|' +
  'modal|overlay|popup|scrim|widget|badge|tags?|meta|stream|pin-?it|toolbar|skip|ads?(?![a-z])';
/** After a non-letter (or the start): "site-footer", "c-byline", "share_bar", "footerstyles". */
const CLASS_WORD = new RegExp(`(?:^|[^A-Za-z])(?:${WORDS})`, 'i');
/** camelCase word boundaries: "InlineVideo-videoFooter", "MostPopular", "myWatchlistModule". */
const CAMEL_WORD = new RegExp(
  `[a-z](?:${WORDS.split('|')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('|')})`,
);
/** What the article itself is made of: a region holding one of these is not furniture. */
const ARTICLE_PARTS = 'h1, main, [role="main"], [itemprop="articleBody"], [itemprop="headline"]';
/** Links that are controls (no target, "#", script) or share endpoints: their text is a button label ("Facebook", "Pinterest"). */
const CONTROL_HREF = /^\s*#?\s*$|^\s*javascript:|\/(?:sharer?|intent\/tweet|pin\/create|submit)\b/i;

function classAndId(el: Element): string {
  const c = el.getAttribute('class');
  const id = el.id;
  return c ? (id ? `${c} ${id}` : c) : id;
}

/** True when `el` is page furniture (its text is not the article's). Never the body or html. */
export function isFurniture(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'BODY' || tag === 'HTML' || tag === 'MAIN' || tag === 'ARTICLE') return false;
  if (tag === 'A') {
    const href = el.getAttribute('href');
    if (href !== null && CONTROL_HREF.test(href)) return true;
  }
  let looks = FURNITURE_TAGS.has(tag);
  if (!looks && PAGE_LEVEL_TAGS.has(tag)) looks = !el.parentElement?.closest('article');
  if (!looks) {
    const role = el.getAttribute('role');
    if (role !== null && FURNITURE_ROLES.has(role)) looks = true;
  }
  if (!looks) {
    const names = classAndId(el);
    if (names.length > 1 && (CLASS_WORD.test(names) || CAMEL_WORD.test(names))) looks = true;
  }
  return looks && el.querySelector(ARTICLE_PARTS) === null;
}
