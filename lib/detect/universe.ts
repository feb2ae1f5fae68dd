/**
 * The loaded universe: symbol lookups and the company-name matcher tables, built once from the
 * compact bundled data (see build.ts for the row format).
 */
import { EXCHANGE_CODES, type UniverseData } from './build';
import { nameAliases, type SecurityType } from './names';
import { resolveSymbol } from './symbols';
import { BRAND_ALIASES, CUE_ONLY_NAMES, MIDSENTENCE_NAMES } from './words';

export interface SymbolInfo {
  symbol: string;
  /** Cleaned company name ('' when unknown). */
  name: string;
  /** 'NASDAQ' | 'NYSE' | 'NYSE American' | 'NYSE Arca' | 'Cboe' | 'IEX' | 'NYSE Texas' | 'OTC'. */
  exchange: string;
  otc: boolean;
  etf: boolean;
  type: SecurityType;
  r2000: boolean;
  r1000: boolean;
  sp500: boolean;
  /** Prominence order (0 = largest); ties between share classes go to the lower rank. */
  rank: number;
}

/** 0: always matched; 1: matched mid-sentence or with a cue; 2: matched only with a cue. */
export type NameTier = 0 | 1 | 2;

export interface NameEntry {
  alias: string;
  /** The alias after its first token (`" Depot"` for "Home Depot"), matched right after that token. */
  rest: string;
  symbol: string;
  tier: NameTier;
}

export interface Universe {
  asOf: Record<string, string>;
  size: number;
  get(symbol: string): SymbolInfo | undefined;
  /** Finds the listed spelling: `brk/b`, `BRK-B`, `BRKB` → the `BRK.B` entry. */
  resolve(raw: string): SymbolInfo | undefined;
  /** First token of an alias → entries, longest alias first. */
  readonly names: ReadonlyMap<string, readonly NameEntry[]>;
  /** Aliases per symbol (for "Name (SYM)" checks). */
  aliasesOf(symbol: string): readonly string[];
  /** Lower-case alias with `-` for spaces (URL slugs) → symbol. */
  slugs: ReadonlyMap<string, string>;
}

const TYPE_BY_CODE: Record<string, SecurityType> = { p: 'preferred', w: 'warrant', u: 'unit', r: 'right', d: 'debt' };

/** Same token shape as the scanner's word tokens (see scan.ts). */
export const WORD_TOKEN = /(?:[A-Z]|[a-z]{1,2}(?=[A-Z]))[A-Za-z0-9]*(?:[.&'’-][A-Za-z0-9]+)*/y;

function firstToken(alias: string): string | null {
  WORD_TOKEN.lastIndex = 0;
  const m = WORD_TOKEN.exec(alias);
  return m ? m[0] : null;
}

function tierOf(alias: string): NameTier {
  if (alias.includes(' ')) return 0;
  if (CUE_ONLY_NAMES.has(alias)) return 2;
  if (MIDSENTENCE_NAMES.has(alias)) return 1;
  return 0;
}

export function loadUniverse(data: UniverseData): Universe {
  const bySymbol = new Map<string, SymbolInfo>();
  data.rows.forEach((row, rank) => {
    const a = row.indexOf('|');
    const b = row.indexOf('|', a + 1);
    const symbol = row.slice(0, a);
    const flags = row.slice(a + 1, b);
    const code = flags[0] ?? '';
    let type: SecurityType = 'common';
    for (const c of flags.slice(1)) type = TYPE_BY_CODE[c] ?? type;
    bySymbol.set(symbol, {
      symbol,
      name: row.slice(b + 1),
      exchange: EXCHANGE_CODES[code] ?? code,
      otc: code === 'O',
      etf: flags.includes('e'),
      type,
      r2000: flags.includes('2'),
      r1000: flags.includes('1'),
      sp500: flags.includes('s'),
      rank,
    });
  });
  // Derived securities (warrants, units…) take their root's name for display.
  for (const info of bySymbol.values()) {
    if (info.name || info.type === 'common') continue;
    const root = /^([A-Z]+)[.$]/.exec(info.symbol)?.[1] ?? info.symbol.slice(0, -1);
    info.name = bySymbol.get(root)?.name ?? '';
  }

  // alias → candidate companies, in rank order.
  const candidates = new Map<string, SymbolInfo[]>();
  for (const info of bySymbol.values()) {
    if (info.type !== 'common' || info.etf || !info.name) continue;
    for (const alias of nameAliases(info.name)) {
      // Short all-caps aliases are acronyms: the symbol scanner handles those.
      if (/^[A-Z0-9&.]{1,5}$/.test(alias)) continue;
      let list = candidates.get(alias);
      if (!list) candidates.set(alias, (list = []));
      list.push(info);
    }
  }
  const chosen = new Map<string, string>();
  for (const [alias, list] of candidates) {
    const listed = list.filter((i) => !i.otc);
    const pool = listed.length ? listed : list;
    const exact = pool.filter((i) => i.name === alias || i.name.replace(/\.com$/i, '') === alias);
    const names = new Set((exact.length ? exact : pool).map((i) => i.name));
    // Two different companies share the alias: ambiguous, so never matched.
    if (names.size !== 1) continue;
    const best = (exact.length ? exact : pool).reduce((x, y) => (y.rank < x.rank ? y : x));
    chosen.set(alias, best.symbol);
  }
  for (const [alias, sym] of Object.entries(BRAND_ALIASES)) {
    if (bySymbol.has(sym)) chosen.set(alias, sym);
  }

  const names = new Map<string, NameEntry[]>();
  const aliases = new Map<string, string[]>();
  const slugs = new Map<string, string>();
  for (const [alias, symbol] of chosen) {
    const first = firstToken(alias);
    if (!first) continue;
    let list = names.get(first);
    if (!list) names.set(first, (list = []));
    list.push({ alias, rest: alias.slice(first.length), symbol, tier: tierOf(alias) });
    let al = aliases.get(symbol);
    if (!al) aliases.set(symbol, (al = []));
    al.push(alias);
    slugs.set(alias.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''), symbol);
  }
  for (const list of names.values()) list.sort((x, y) => y.alias.length - x.alias.length);

  const has = (s: string) => bySymbol.has(s);
  return {
    asOf: data.asOf,
    size: bySymbol.size,
    get: (s) => bySymbol.get(s),
    resolve(raw) {
      const s = resolveSymbol(raw, has);
      return s ? bySymbol.get(s) : undefined;
    },
    names,
    aliasesOf: (s) => aliases.get(s) ?? [],
    slugs,
  };
}
