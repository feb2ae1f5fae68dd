/**
 * Benchmark pages: a real recorded article (scripts stripped) and generated news-like pages of
 * a chosen DOM size (paragraphs with company names, exchange-tagged tickers, cashtags, quote
 * links, bylines, lists, tables, navigation and footers — the mix a finance article has).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED_DIR = process.env.SMALLCAP_SHARED_DIR ?? resolve(process.cwd(), '../shared');
export const PAGES_DIR = resolve(SHARED_DIR, 'fixtures/pages');
/** The recorded news pages are third-party pages kept outside the repository (../shared). */
export const hasPages = existsSync(PAGES_DIR);
export const PAGES_SKIP_LINE = `[bench] skipped: the recorded news pages are not in ${PAGES_DIR}`;
export const REAL_DIR = resolve(process.cwd(), 'test/fixtures/real');
export const REAL_ARTICLE = 'fool-best-cloud-computing-stocks-2025.html';

/** A recorded page with every script (and preload hint) removed: only its DOM is measured. */
export function realArticle(name = REAL_ARTICLE): string {
  return readFileSync(resolve(PAGES_DIR, name), 'utf8')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<link\b[^>]*rel=["']?(?:preload|modulepreload|prefetch)[^>]*>/gi, '');
}

interface Company {
  symbol: string;
  name: string;
  exchange: string;
}

/** Russell 2000 members (and some large caps) from the bundled universe, for realistic text. */
function companies(): { small: Company[]; large: Company[] } {
  const data = JSON.parse(readFileSync(resolve(process.cwd(), 'lib/data/universe.json'), 'utf8')) as {
    rows: string[];
  };
  const small: Company[] = [];
  const large: Company[] = [];
  for (const row of data.rows) {
    const [symbol = '', flags = '', name = ''] = row.split('|');
    if (!name || !/^[A-Z]{2,5}$/.test(symbol)) continue;
    const exchange = flags[0] === 'Q' ? 'NASDAQ' : flags[0] === 'N' ? 'NYSE' : '';
    if (!exchange) continue;
    if (flags.includes('s') && large.length < 60) large.push({ symbol, name, exchange });
    else if (flags.includes('2') && small.length < 400) small.push({ symbol, name, exchange });
  }
  return { small, large };
}

/** Deterministic PRNG (mulberry32) so every run measures the same page. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = ['Maria Chen', 'David Okafor', 'Sarah Lindqvist', 'James Patel', 'Ana Ruiz', 'Tom Becker'];
const BANKS = ['Morgan Stanley', 'Goldman Sachs', 'Piper Sandler', 'Raymond James', 'KeyBanc', 'Jefferies'];
const FILLER = [
  'The Federal Reserve is expected to cut rates in December, according to CME FedWatch data.',
  'U.S. GDP grew at a 2.8% annualized pace in the third quarter, the Commerce Department said.',
  'The CEO and CFO will host a call at 8:30 a.m. ET; a replay will be available on the IR site.',
  'AI spending, tariffs and the IPO calendar dominated the conversation on Wall Street this week.',
  'Small caps have lagged the S&P 500 for most of the year as higher rates weighed on borrowers.',
  'Revenue rose 14% year over year to $412 million, ahead of the FactSet consensus of $398 million.',
  'The company reiterated its full-year EBITDA guidance and raised its free cash flow outlook.',
  'Trading volume was about twice the 30-day average as the ETF saw its largest inflow since May.',
];

/**
 * A news-like page with about `targetNodes` DOM nodes (elements + text nodes, whitespace
 * included) under <body>. Returns the HTML and the node count it was built with.
 */
export function generatedPage(targetNodes: number, seed = 42): { html: string; nodes: number } {
  const { small, large } = companies();
  const rand = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  let nodes = 0;
  const text = (s: string) => {
    nodes++;
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  };
  const el = (tag: string, attrs: string, ...children: string[]) => {
    nodes++;
    return `<${tag}${attrs ? ' ' + attrs : ''}>${children.join('')}</${tag}>`;
  };
  const pct = () => (rand() * 9 + 0.5).toFixed(1);
  const quote = (c: Company) => `https://finance.yahoo.com/quote/${c.symbol}`;

  const blocks: Array<() => string> = [
    () => {
      const c = pick(small);
      return el(
        'p',
        '',
        text('Shares of '),
        el('a', `href="${quote(c)}"`, text(c.name)),
        text(` (${c.exchange}: ${c.symbol}) rose ${pct()}% on Tuesday after the company reported results. `),
        text(pick(FILLER)),
      );
    },
    () => {
      const a = pick(small);
      const b = pick(large);
      return el(
        'p',
        '',
        text(`Analysts at `),
        el('b', '', text(pick(BANKS))),
        text(` said ${a.name} could gain share from `),
        el('i', '', text(b.name)),
        text(`, while $${a.symbol} and ${b.symbol} traded ${pct()}% apart. ${pick(FILLER)}`),
      );
    },
    () =>
      el(
        'p',
        '',
        text(`"We are seeing demand across every region," Chief Executive `),
        el('span', 'class="person"', text(pick(PEOPLE))),
        text(` told investors. ${pick(FILLER)} ${pick(FILLER)}`),
      ),
    () => el('p', '', text(`${pick(FILLER)} ${pick(FILLER)}`)),
    () => {
      const rows = [0, 1, 2].map(() => {
        const c = pick(small);
        return el(
          'tr',
          '',
          el('td', '', text(c.symbol)),
          el('td', '', text(c.name)),
          el('td', '', text(`${pct()}%`)),
        );
      });
      return el('table', 'class="movers"', el('tbody', '', ...rows));
    },
    () => {
      const items = [0, 1, 2].map(() => {
        const c = pick(small);
        return el(
          'li',
          '',
          el('a', `href="/news/${c.symbol.toLowerCase()}-earnings"`, text(`${c.name} earnings preview`)),
        );
      });
      return el('aside', '', el('h3', '', text('Related coverage')), el('ul', '', ...items));
    },
    () => el('h2', '', text(`${pick(small).name} and the small-cap rally`)),
  ];
  const weights = [3, 3, 2, 3, 1, 1, 1];
  const total = weights.reduce((a, b) => a + b, 0);
  const nextBlock = () => {
    let r = rand() * total;
    for (let i = 0; i < blocks.length; i++) {
      r -= weights[i]!;
      if (r < 0) return blocks[i]!();
    }
    return blocks[0]!();
  };

  const nav = el(
    'nav',
    '',
    ...['Markets', 'Stocks', 'Economy', 'Earnings', 'Crypto', 'Personal Finance'].map((s) =>
      el('a', `href="/${s.toLowerCase()}"`, text(s)),
    ),
  );
  const head = el(
    'header',
    '',
    nav,
    el('h1', '', text('Small caps rally as traders price in a December rate cut')),
    el('p', 'class="byline"', text(`By ${pick(PEOPLE)} · Updated Nov. 25, 2026`)),
  );
  const foot = el(
    'footer',
    '',
    el('p', '', text('© 2026 Example News. Quotes delayed at least 15 minutes.')),
  );
  const parts: string[] = [];
  nodes += 3; // body, main, article
  while (nodes < targetNodes - 30) {
    parts.push(nextBlock());
    parts.push('\n');
    nodes++; // the whitespace text node between blocks
  }
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>Bench page</title>` +
    `<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:0 auto;padding:16px}` +
    `nav a{margin-right:12px}table{border-collapse:collapse}td{padding:2px 8px}</style></head>` +
    `<body><main>${head}<article>${parts.join('')}</article>${foot}</main></body></html>`;
  return { html, nodes };
}

/** 1,000 (by default) paragraphs for the mutation-burst benchmark, one explicit ticker each. */
export function burstParagraphs(count = 1000, seed = 7): string[] {
  const { small } = companies();
  const rand = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const c = small[Math.floor(rand() * small.length)]!;
    return `Update ${i + 1}: shares of ${c.name} (${c.exchange}: ${c.symbol}) moved ${(rand() * 5).toFixed(
      1,
    )}% in late trading as volume picked up.`;
  });
}
