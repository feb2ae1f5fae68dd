/**
 * Expected underlines on the recorded news pages (../shared/fixtures/pages, see PAGES.md), labelled
 * by reading each page as a reader would: what the article text names as a US-listed company,
 * written as its symbol or its name. Nothing outside `article` (the element holding the headline
 * and article text) may be underlined: navigation, share buttons, related rails, captions and
 * credits, footers are page furniture.
 *
 * `underlined`: the exact set of underlined strings (as the page writes them) inside the article.
 * `optional`: strings that may be underlined or not (defensible either way; not counted).
 */
export interface PageLabel {
  file: string;
  /** The page's real address (a curated news site, so the production content script runs). */
  url: string;
  /** CSS selector of the article (headline + text). */
  article: string;
  underlined: string[];
  optional?: string[];
}

export const PAGE_LABELS: PageLabel[] = [
  {
    file: '247wallst-coronavirus-stocks.html',
    url: 'https://247wallst.com/healthcare-business/2020/03/24/how-coronavirus-stocks-are-holding-up/',
    article: 'h1, .entry-content > p',
    underlined: ['MYL', 'NVAX', 'AYTU', 'ALT', 'NNVC', 'MRNA', 'INO', 'GILD', 'SNY', 'DGX', 'CODX', 'REGN'],
    // Names right before their own "(NASDAQ: SYM)": one mention either way.
    optional: [
      'Mylan N.V.',
      'Novavax',
      'Aytu BioScience',
      'Altimmune',
      'NanoViricides',
      'Moderna',
      'Inovio Pharmaceuticals',
      'Gilead Sciences',
      'Sanofi',
      'Quest Diagnostics',
      'Co-Diagnostics',
      'Regeneron Pharmaceuticals',
    ],
  },
  {
    file: 'barrons-home-depot-earnings.html',
    url: 'https://www.barrons.com/articles/home-depot-stock-earnings-report-51574168486',
    article: 'h1, #js-article__body',
    underlined: ['Home Depot', 'HD', 'Lowe’s', 'LOW'],
    // An analyst's employer: the bank, but not what the article is about.
    optional: ['Wells Fargo'],
  },
  {
    file: 'bloomberg-zenefits-gusto-insurance.html',
    url: 'https://www.bloomberg.com/news/articles/2016-05-24/as-zenefits-stumbles-gusto-goes-head-on-by-selling-insurance',
    article: 'h1, .body-copy-v2',
    underlined: [],
  },
  {
    file: 'cnbc-coty-kylie-jenner-stake.html',
    url: 'https://www.cnbc.com/2019/11/19/beauty-stock-coty-could-surge-after-kylie-jenner-makeover.html',
    article: 'h1, .ArticleBody-articleBody',
    underlined: ['Coty', 'Ulta Beauty', 'Ulta'],
  },
  {
    file: 'cnn-business-asia-markets-trade-war.html',
    url: 'https://www.cnn.com/2019/11/18/investing/asian-market-latest/index.html',
    article: 'h1, .zn-body__paragraph',
    underlined: [],
  },
  {
    file: 'fool-7-top-stocks-to-buy-for-2015.html',
    url: 'https://www.fool.com/investing/general/2014/12/22/7-top-stocks-to-buy-for-2015.aspx',
    article: 'h1, .entry-content',
    underlined: [
      'Qualcomm',
      'QCOM',
      'Facebook',
      'FB',
      'SEAS',
      'WWAV',
      'Google',
      'GOOG',
      'GOOGL',
      'TSM',
      'Apple',
      'AAPL',
      'Taiwan Semiconductor',
    ],
    // Cited as a research source; SeaWorld and WhiteWave are named beside their symbols.
    optional: ['Gartner', 'SeaWorld', 'SeaWorld Entertainment', 'WhiteWave Foods', 'WhiteWave'],
  },
  {
    file: 'fool-best-cloud-computing-stocks-2025.html',
    url: 'https://www.fool.com/investing/stock-market/market-sectors/information-technology/cloud-stocks/',
    article: 'h1, .article-body, .shadow-card',
    underlined: ['Amazon', 'Microsoft', 'Alphabet'],
  },
  {
    file: 'marketwatch-treasury-yields-slide.html',
    url: 'https://www.marketwatch.com/story/us-treasury-yields-slide-as-hectic-auction-week-gets-underway-2020-09-08',
    article: 'h1.article__headline, .article__body',
    underlined: [],
  },
  {
    file: 'prnewswire-tableau-investor-conferences.html',
    url: 'https://www.prnewswire.com/news-releases/tableau-to-present-at-upcoming-investor-conferences-300039248.html',
    article: 'h1, .news-release-detail',
    underlined: ['DATA'],
    // A conference named after the bank that hosts it.
    optional: ['Morgan Stanley'],
  },
  {
    file: 'reuters-oil-lower-stocks-near-highs.html',
    url: 'https://www.reuters.com/article/us-global-markets-idUSKBN1XT00W',
    article: 'h1, .StandardArticleBody_body',
    underlined: [],
  },
  {
    file: 'wsj-stadia-xcloud-arcade.html',
    url: 'https://www.wsj.com/articles/google-stadia-microsoft-xcloud-apple-arcade-so-many-ways-to-playand-pay-11574168580',
    article: 'h1, .wsj-snippet-body',
    underlined: [],
    // Products (Google Stadia, Microsoft xCloud, Apple Arcade) named after their makers.
    optional: ['Google', 'Microsoft', 'Apple'],
  },
  {
    file: 'yahoo-finance-stevia-first-stvf.html',
    url: 'https://m.yahoo.com/w/legobpengine/finance/news/stevia-first-corp-stvf-looks-123500390.html?.intl=us&.lang=en-us',
    article: '#cardview_article, .cardview_title',
    underlined: [
      'STVF',
      'Sensient Technologies',
      'SXT',
      'Coca-Cola',
      'KO',
      'PepsiCo',
      'PEP',
      'SNMX',
      'SANW',
      'Monster Beverage',
      'MNST',
      'DPS',
      'Archer Daniels Midland',
      'ADM',
      'DSM',
    ],
    // Written without their symbol next to them.
    optional: ['Pepsi', 'Senomyx', 'Sunwin Stevia', 'S&W Seed'],
  },
];
