/**
 * The loaded universe: symbol lookups and the company-name matcher tables, built once from the
 * compact bundled data (see build.ts for the row format).
 */
import { EXCHANGE_CODES, type UniverseData } from './build';
import type { SecurityType } from './names';
import { resolveSymbol } from '../core/symbols';
import { BRAND_ALIASES, CUE_ONLY_NAMES, DISTINCTIVE_NAMES, MIDSENTENCE_NAMES } from './words';

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

/** 0: always matched; 1: matched in prose (not headlines / caps lines) or with a cue; 2: only with a cue. */
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

const TYPE_BY_CODE: Record<string, SecurityType> = {
  p: 'preferred',
  w: 'warrant',
  u: 'unit',
  r: 'right',
  d: 'debt',
};

/** Same token shape as the scanner's word tokens (see scan.ts). */
export const WORD_TOKEN = /(?:[A-Z]|[a-z]{1,2}(?=[A-Z]))[A-Za-z0-9]*(?:[.&'’-][A-Za-z0-9]+)*/y;

function firstToken(alias: string): string | null {
  WORD_TOKEN.lastIndex = 0;
  const m = WORD_TOKEN.exec(alias);
  return m ? m[0] : null;
}

function tierOf(alias: string, cueOnly: ReadonlySet<string>): NameTier {
  if (alias.includes(' ')) return 0;
  if (CUE_ONLY_NAMES.has(alias)) return 2;
  if (MIDSENTENCE_NAMES.has(alias)) return 1;
  if (DISTINCTIVE_NAMES.has(alias)) return 0;
  return cueOnly.has(alias) ? 2 : 0;
}

export interface UniverseBuilder {
  /**
   * Does one bounded piece of the work (tens to hundreds of rows, well under a millisecond once
   * warm) and returns true while more remains, so a caller can spread the load over idle slices.
   */
  step(): boolean;
  /** The universe; runs whatever work is left synchronously first. */
  finish(): Universe;
}

/** One universe row (`SYMBOL|flags|name|aliases`) as a SymbolInfo; `rootName` names a nameless derived security. */
function symbolInfo(row: string, rank: number, rootName: (root: string) => string): SymbolInfo {
  const a = row.indexOf('|');
  const b = row.indexOf('|', a + 1);
  const symbol = row.slice(0, a);
  const flags = row.slice(a + 1, b);
  const code = flags[0] ?? '';
  let type: SecurityType = 'common';
  for (const c of flags.slice(1)) type = TYPE_BY_CODE[c] ?? type;
  const c = row.indexOf('|', b + 1);
  let name = c < 0 ? row.slice(b + 1) : row.slice(b + 1, c);
  if (!name && type !== 'common') name = rootName(/^([A-Z]+)[.$]/.exec(symbol)?.[1] ?? symbol.slice(0, -1));
  return {
    symbol,
    name,
    exchange: EXCHANGE_CODES[code] ?? code,
    otc: code === 'O',
    etf: flags.includes('e'),
    type,
    r2000: flags.includes('2'),
    r1000: flags.includes('1'),
    sp500: flags.includes('s'),
    rank,
  };
}

/**
 * The aliases a row claims, resolved at build time: flag `n` = the row owns its name (flag `c`:
 * only with a cue), field 4 = more aliases (`~alias`: only with a cue).
 */
function chooseRowAliases(row: string, chosen: Map<string, string>, cueOnly: Set<string>): void {
  const a = row.indexOf('|');
  const b = row.indexOf('|', a + 1);
  const c = row.indexOf('|', b + 1);
  const symbol = row.slice(0, a);
  if (row.lastIndexOf('n', b) > a) {
    const name = c < 0 ? row.slice(b + 1) : row.slice(b + 1, c);
    chosen.set(name, symbol);
    if (row.lastIndexOf('c', b) > a) cueOnly.add(name);
  }
  if (c > 0) {
    for (const alias of row.slice(c + 1).split(';')) {
      if (alias.startsWith('~')) cueOnly.add(alias.slice(1));
      chosen.set(alias.startsWith('~') ? alias.slice(1) : alias, symbol);
    }
  }
}

/** Lower-case alias with `-` for spaces and punctuation (an Investing.com URL slug) → symbol. */
function slugsOf(aliases: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [symbol, list] of aliases) {
    for (const a of list)
      out.set(
        a
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, ''),
        symbol,
      );
  }
  return out;
}

/**
 * Rows (or aliases) per builder step: tiny, so a caller checking its clock between steps keeps
 * to its slice budget even while the code is still cold (interpreted) in a busy page.
 */
const CHUNK = 64;

/**
 * The universe built in small steps: the symbol index, then the alias table, then the name
 * lists and their sort. Same order and same tables as a one-shot build, so detection is
 * identical; only the work is split (a 15,000-row universe is a 40–110 ms task in one go).
 */
export function universeBuilder(data: UniverseData, chunk = CHUNK): UniverseBuilder {
  const rows = data.rows;
  // Symbol → row index; SymbolInfo objects are made on first use (most rows are never looked at).
  const index = new Map<string, number>();
  const infos: Array<SymbolInfo | undefined> = new Array<SymbolInfo | undefined>(rows.length);
  const infoAt = (rank: number): SymbolInfo => {
    const cached = infos[rank];
    if (cached) return cached;
    // Derived securities (warrants, units…) without a name take their root's.
    const info = symbolInfo(rows[rank] as string, rank, (root) => {
      const r = index.get(root);
      return r === undefined ? '' : ((rows[r] as string).split('|')[2] ?? '');
    });
    infos[rank] = info;
    return info;
  };
  const get = (s: string) => {
    const i = index.get(s);
    return i === undefined ? undefined : infoAt(i);
  };

  // Aliases were resolved at build time: flag `n` = the row owns its name, field 4 = more aliases.
  const chosen = new Map<string, string>();
  const cueOnly = new Set<string>();
  const names = new Map<string, NameEntry[]>();
  const aliases = new Map<string, string[]>();

  const indexRows = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const row = rows[i] as string;
      index.set(row.slice(0, row.indexOf('|')), i);
    }
  };
  const chooseAliases = (from: number, to: number) => {
    for (let i = from; i < to; i++) chooseRowAliases(rows[i] as string, chosen, cueOnly);
  };
  const addBrands = () => {
    for (const [alias, sym] of Object.entries(BRAND_ALIASES)) {
      if (!index.has(sym)) continue;
      chosen.set(alias, sym);
      cueOnly.delete(alias);
    }
  };
  const addName = (alias: string, symbol: string) => {
    const first = firstToken(alias);
    if (!first) return;
    let list = names.get(first);
    if (!list) names.set(first, (list = []));
    list.push({ alias, rest: alias.slice(first.length), symbol, tier: tierOf(alias, cueOnly) });
    let al = aliases.get(symbol);
    if (!al) aliases.set(symbol, (al = []));
    al.push(alias);
  };

  // Phases, each walked `chunk` items per step. Map iterators are live, but nothing is added
  // to `chosen` or `names` while they are walked.
  let phase = 0;
  let at = 0;
  let chosenIt: Iterator<[string, string]> | null = null;
  let listsIt: Iterator<NameEntry[]> | null = null;
  const step = (): boolean => {
    switch (phase) {
      case 0: {
        const to = Math.min(rows.length, at + chunk * 4); // the index is the cheapest pass
        indexRows(at, to);
        at = to;
        if (at >= rows.length) {
          phase = 1;
          at = 0;
        }
        return true;
      }
      case 1: {
        const to = Math.min(rows.length, at + chunk);
        chooseAliases(at, to);
        at = to;
        if (at >= rows.length) {
          addBrands();
          phase = 2;
          chosenIt = chosen.entries();
        }
        return true;
      }
      case 2: {
        for (let n = 0; n < chunk; n++) {
          const r = chosenIt!.next();
          if (r.done) {
            phase = 3;
            chosenIt = null;
            listsIt = names.values();
            return true;
          }
          addName(r.value[0], r.value[1]);
        }
        return true;
      }
      case 3: {
        for (let n = 0; n < chunk * 4; n++) {
          const r = listsIt!.next();
          if (r.done) {
            phase = 4;
            listsIt = null;
            return false;
          }
          const list = r.value;
          if (list.length > 1) list.sort((x, y) => y.alias.length - x.alias.length);
        }
        return true;
      }
      default:
        return false;
    }
  };

  let slugMap: Map<string, string> | null = null;
  const universe: Universe = {
    asOf: data.asOf,
    size: rows.length,
    get,
    resolve(raw) {
      const s = resolveSymbol(raw, (x) => index.has(x));
      return s ? get(s) : undefined;
    },
    names,
    aliasesOf: (s) => aliases.get(s) ?? [],
    // Built on first use: only Investing.com links need it.
    get slugs() {
      slugMap ??= slugsOf(aliases);
      return slugMap;
    },
  };
  return {
    step,
    finish() {
      while (step());
      return universe;
    },
  };
}

export function loadUniverse(data: UniverseData): Universe {
  return universeBuilder(data, 4096).finish();
}
