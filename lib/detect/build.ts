/**
 * Builds the compact bundled universe (lib/data/universe.json) from parsed directory files and
 * index membership sets. Pure: the script in scripts/build-universe.ts does the file reading.
 *
 * Format: `rows` is an array of `SYMBOL|FLAGS|NAME` strings. Row order is prominence order (SEC file
 * order ≈ market cap, then the remaining listings alphabetically), so a lower index wins ties when a
 * company name resolves to several share classes. FLAGS = one exchange letter, then optional letters:
 * type `p` preferred, `w` warrant, `u` unit, `r` right, `d` debt; `e` ETF; `2` Russell 2000, `1` Russell
 * 1000, `s` S&P 500; `n` the row owns NAME as a matchable alias, `c` that alias needs a cue. NAME is the cleaned company name, empty
 * for derived securities (warrants, units…), which take their root's name at load time. An optional 4th
 * field lists further aliases the row owns (`;`-separated: "Amazon", "Nvidia", "Inovio"; a leading `~`
 * marks one that needs a cue). Aliases are
 * resolved here, once, so loading does no string analysis.
 */
import type { NasdaqListedRow, OtherListedRow } from '../sources/nasdaq-trader';
import type { SecTickerRow } from '../sources/sec-tickers';
import { cleanCompanyName, nameAliases, securityType, type SecurityType } from './names';
import { isPlainCommonShape } from '../core/symbols';
import { resolveSymbol, secToAct } from '../core/symbols';

export interface UniverseData {
  v: 1;
  /** Dates of the inputs, e.g. {nasdaqTrader: '2026-07-31', sec: '2026-08-22', r2000: '2026-05-05'}. */
  asOf: Record<string, string>;
  rows: string[];
}

export interface UniverseInputs {
  nasdaqListed: NasdaqListedRow[];
  otherListed: OtherListedRow[];
  /** company_tickers_exchange rows in file order. */
  sec: SecTickerRow[];
  r2000: Iterable<string>;
  r1000: Iterable<string>;
  sp500: Iterable<string>;
  asOf: Record<string, string>;
}

export interface BuildReport {
  data: UniverseData;
  counts: Record<string, number>;
  /** Membership tickers that matched no listed symbol, per index. */
  unmatched: Record<string, string[]>;
}

/** Exchange letters used in FLAGS (Nasdaq Trader's own, plus Q for Nasdaq and O for OTC). */
export const EXCHANGE_CODES: Record<string, string> = {
  Q: 'NASDAQ',
  N: 'NYSE',
  A: 'NYSE American',
  P: 'NYSE Arca',
  Z: 'Cboe',
  V: 'IEX',
  M: 'NYSE Texas',
  O: 'OTC',
};

const TYPE_CODES: Record<SecurityType, string> = {
  common: '',
  preferred: 'p',
  warrant: 'w',
  unit: 'u',
  right: 'r',
  debt: 'd',
};

interface Entry {
  symbol: string;
  exch: string;
  type: SecurityType;
  etf: boolean;
  name: string;
  rank: number;
}

const SEC_EXCHANGE: Record<string, string> = { Nasdaq: 'Q', NYSE: 'N', CBOE: 'Z', OTC: 'O' };

export function buildUniverseData(input: UniverseInputs): BuildReport {
  const entries = new Map<string, Entry>();
  const counts: Record<string, number> = { nasdaqTestIssues: 0, otherTestIssues: 0, secAdded: 0, otc: 0 };
  for (const r of input.nasdaqListed) {
    if (r.testIssue) {
      counts.nasdaqTestIssues = (counts.nasdaqTestIssues ?? 0) + 1;
      continue;
    }
    const type = securityType(r.name);
    entries.set(r.symbol, {
      symbol: r.symbol,
      exch: 'Q',
      type,
      etf: r.etf,
      name: cleanCompanyName(r.name),
      rank: Infinity,
    });
  }
  for (const r of input.otherListed) {
    if (r.testIssue) {
      counts.otherTestIssues = (counts.otherTestIssues ?? 0) + 1;
      continue;
    }
    entries.set(r.symbol, {
      symbol: r.symbol,
      exch: r.exchange,
      type: securityType(r.name, r.symbol),
      etf: r.etf,
      name: cleanCompanyName(r.name),
      rank: Infinity,
    });
  }
  // SEC: ranks (file order ≈ market cap) for listed symbols; OTC and listed-but-missing rows added.
  input.sec.forEach((r, i) => {
    const sym = secToAct(r.ticker);
    const e = entries.get(sym);
    if (e) {
      if (e.rank === Infinity) e.rank = i;
      return;
    }
    const exch = r.exchange ? SEC_EXCHANGE[r.exchange] : undefined;
    // Only plain common-share spellings: SEC-only preferreds/warrants are too noisy to add.
    if (!exch || !isPlainCommonShape(sym)) return;
    entries.set(sym, {
      symbol: sym,
      exch,
      type: 'common',
      etf: false,
      name: cleanCompanyName(r.name),
      rank: i,
    });
    if (exch === 'O') counts.otc = (counts.otc ?? 0) + 1;
    else counts.secAdded = (counts.secAdded ?? 0) + 1;
  });

  const has = (s: string) => entries.has(s);
  const unmatched: Record<string, string[]> = {};
  const member = (key: string, list: Iterable<string>): Set<string> => {
    const out = new Set<string>();
    const miss: string[] = [];
    for (const t of list) {
      const s = resolveSymbol(t, has);
      if (s) out.add(s);
      else miss.push(t);
    }
    unmatched[key] = miss;
    counts[key] = out.size;
    return out;
  };
  const r2 = member('r2000', input.r2000);
  const r1 = member('r1000', input.r1000);
  const sp = member('sp500', input.sp500);

  const sorted = [...entries.values()].sort((a, b) =>
    a.rank !== b.rank ? a.rank - b.rank : a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0,
  );
  const owned = chooseAliases(sorted);
  const generic = genericTest(sorted);
  const rows = sorted.map((e) => {
    const mine = owned.get(e.symbol) ?? [];
    const ownsName = mine.includes(e.name);
    const extra = mine.filter((a) => a !== e.name).map((a) => (generic(a, e.name) ? `~${a}` : a));
    const flags =
      e.exch +
      TYPE_CODES[e.type] +
      (e.etf ? 'e' : '') +
      (r2.has(e.symbol) ? '2' : '') +
      (r1.has(e.symbol) ? '1' : '') +
      (sp.has(e.symbol) ? 's' : '') +
      (ownsName ? 'n' : '') +
      (ownsName && generic(e.name, e.name) ? 'c' : '');
    const name = e.type === 'common' ? e.name : '';
    return `${e.symbol}|${flags}|${name}${extra.length ? `|${extra.join(';')}` : ''}`;
  });
  counts.rows = rows.length;
  counts.aliases = [...owned.values()].reduce((n, l) => n + l.length, 0);
  counts.etf = sorted.filter((e) => e.etf).length;
  counts.common = sorted.filter((e) => e.type === 'common' && !e.etf).length;
  return { data: { v: 1, asOf: input.asOf, rows }, counts, unmatched };
}

/**
 * Company-name aliases → owning symbol. Only listed (non-OTC) common stocks that are not ETFs take
 * part. An alias shared by two different companies is dropped, unless exactly one of them has it as
 * its full name; share classes of one company go to the first (most prominent) row.
 */
function chooseAliases(sorted: Entry[]): Map<string, string[]> {
  const chosen = new Map<string, { symbol: string; name: string; exact: boolean } | null>();
  for (const e of sorted) {
    if (e.type !== 'common' || e.etf || e.exch === 'O' || !e.name) continue;
    const plain = e.name.replace(/\.com$/i, '');
    for (const alias of nameAliases(e.name)) {
      // Short all-caps aliases are acronyms: the symbol scanner handles those.
      if (alias.length <= 5 && /^[A-Z0-9&.]+$/.test(alias)) continue;
      const exact = alias === e.name || alias === plain;
      const prev = chosen.get(alias);
      if (prev === undefined) chosen.set(alias, { symbol: e.symbol, name: e.name, exact });
      else if (prev === null || prev.name === e.name) continue;
      else if (exact && !prev.exact) chosen.set(alias, { symbol: e.symbol, name: e.name, exact });
      else if (!(prev.exact && !exact)) chosen.set(alias, null);
    }
  }
  const bySymbol = new Map<string, string[]>();
  for (const [alias, hit] of chosen) {
    if (!hit) continue;
    let list = bySymbol.get(hit.symbol);
    if (!list) bySymbol.set(hit.symbol, (list = []));
    list.push(alias);
  }
  return bySymbol;
}

/**
 * A one-word alias that also occurs as a word in another company's name ("Home" in Home Bancorp and
 * Home Depot, "China", "Capital", "Apple" in Apple Hospitality) is a generic word: matched only with a
 * cue. Distinctive brands (Inovio, Regeneron) occur in one company's names only.
 */
function genericTest(sorted: Entry[]): (alias: string, ownName: string) => boolean {
  const freq = new Map<string, number>();
  const seen = new Set<string>();
  // Company names only: ETF names ("T-Rex 2X Long Microsoft Daily Target ETF") reuse brands freely.
  for (const e of sorted) {
    const name = e.name.toLowerCase();
    if (!name || e.etf || e.type !== 'common' || seen.has(name)) continue;
    seen.add(name);
    for (const w of new Set(name.split(/[\s,]+/))) freq.set(w, (freq.get(w) ?? 0) + 1);
  }
  return (alias, ownName) => {
    const own = new Set(ownName.toLowerCase().split(/[\s,]+/));
    const words = alias
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => !/^(?:of|and|&|the|de|la)$/.test(w));
    // Multi-word names, and one-word brands with an inner capital (BlackRock, FedEx), are distinctive.
    if (words.length !== 1 || /[a-z][A-Z]/.test(alias)) return false;
    const w = words[0] ?? '';
    return (freq.get(w) ?? 0) - (own.has(w) ? 1 : 0) >= 1;
  };
}
