/**
 * Security names → company names (build time) and company names → matchable aliases (load time).
 * Pure string work, no universe access.
 */

export type SecurityType = 'common' | 'preferred' | 'warrant' | 'unit' | 'right' | 'debt';

/** Classifies a listing from its directory name (and ACT symbol, whose `$`/`.W`/`.U` are reliable). */
export function securityType(name: string, symbol = ''): SecurityType {
  if (symbol.includes('$')) return 'preferred';
  if (/\.WS?$/.test(symbol) || /\bwarrants?\b/i.test(name)) return 'warrant';
  if (
    /\.U$/.test(symbol) ||
    /(?:^|\s-\s)units?\.?$/i.test(name) ||
    /\bunits?,?\s+each\s+consisting/i.test(name)
  ) {
    return 'unit';
  }
  if (/\.R$/.test(symbol) || /(?:^|\s-\s)rights?\.?$/i.test(name)) return 'right';
  if (/\bnotes?\s+due\b|\bdebentures?\b|\bsenior\s+notes\b|\bsubordinated\s+notes\b/i.test(name))
    return 'debt';
  if (/\bpreferred\b|depositary\s+shares?,?\s+each\s+representing\s+a\s+1\/\d+/i.test(name))
    return 'preferred';
  return 'common';
}

// Where the description of the security starts in otherlisted names (no " - " separator there).
const TAIL_START =
  /\s+(?:Class\s+[A-Z]\b|Series\s+[A-Z]\b|Common\s+(?:Stock|Shares?|Units?)\b|Ordinary\s+Shares?\b|American\s+Deposit[ao]ry\b|ADSs?\b|ADRs?\b|Sponsored\s+ADR|Depositary\s+(?:Shares?|Receipts?)\b|Shares\s+of\s+Beneficial|Units?,|Units?$|Warrants?\b|Rights?$|Rights?,|Subordinate\s+Voting|Limited\s+Voting|Voting\s+Shares|New\s+Common|Capital\s+Stock|Closed\s+End\s+Fund|Limited\s+Partnership|Exchangeable\b|\d[\d.]*%)/i;

const LEGAL_SUFFIX =
  /(?:,?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Companies|Ltd\.?|Limited|plc|PLC|Plc|N\.?V\.?|S\.?A\.?|S\.A\.B\.\s+de\s+C\.V\.|AG|SE|L\.?P\.?|LLC|L\.L\.C\.|Holdings?|Group|S\.p\.A\.|A\/S|ASA|Oyj|AB|\(publ\)|SA|NV|Co\.?,?\s+Ltd\.?|&\s+Co\.?)|\s+\((?:The|Holding Company|[A-Z][a-z]+)\))\s*[.,]?$/i;

/**
 * "Agilent Technologies, Inc. Common Stock" → "Agilent Technologies";
 * "Coca-Cola Company (The) Common Stock" → "Coca-Cola"; "Alphabet Inc. - Class A Common Stock" → "Alphabet".
 */
export function cleanCompanyName(raw: string): string {
  // EDGAR suffixes: "/ADR", "/DE/", "\DE\".
  let s = raw
    .replace(/\s+/g, ' ')
    .replace(/\s*[/\\][A-Z]{2,4}[/\\]?$/, '')
    .trim();
  const dash = s.indexOf(' - ');
  if (dash > 0) s = s.slice(0, dash);
  const tail = TAIL_START.exec(s);
  if (tail && tail.index > 0) s = s.slice(0, tail.index);
  s = s.replace(/^The\s+/i, '');
  // "Brookfield Renewable Corporation Brookfield Renewable Corporation": the name given twice.
  const half = s.length >> 1;
  if (s.length > 8 && s[half] === ' ' && s.slice(0, half) === s.slice(half + 1)) s = s.slice(0, half);
  for (let i = 0; i < 6; i++) {
    const next = s
      .replace(LEGAL_SUFFIX, '')
      .replace(/\s+(?:and|&)$/i, '')
      .trim();
    if (next === s || next.length < 2) break;
    s = next;
  }
  return s.replace(/[\s,;:-]+$/, '').trim();
}

// Trailing words that articles routinely leave off ("Inovio Pharmaceuticals" → "Inovio").
const GENERIC_TAIL = new Set([
  'Technologies',
  'Technology',
  'Pharmaceuticals',
  'Pharmaceutical',
  'Pharma',
  'Therapeutics',
  'Biosciences',
  'BioSciences',
  'Bioscience',
  'BioScience',
  'Biotherapeutics',
  'Biopharma',
  'Biotechnology',
  'Industries',
  'Enterprises',
  'International',
  'Worldwide',
  'Brands',
  'Systems',
  'Solutions',
  'Software',
  'Communications',
  'Networks',
  'Motors',
  'Motor',
  'Laboratories',
  'Labs',
  'Entertainment',
  'Platforms',
  'Sciences',
  'Scientific',
  'Interactive',
  'Semiconductor',
  'Semiconductors',
  'Resorts',
  'Hotels',
  'Airlines',
  'Financial',
  'Bancorp',
  'Bancshares',
  'Bancorporation',
  'BancShares',
  'Foods',
  'Beverage',
  'Beverages',
  'Diagnostics',
  'Medical',
  'Healthcare',
  'Health',
  'Energy',
  'Petroleum',
  'Oil',
  'Mining',
  'Minerals',
  'Materials',
  'Chemicals',
  'Chemical',
  'Capital',
  'Partners',
  'Realty',
  'Properties',
  'Stores',
  'Restaurants',
  'Aviation',
  'Aerospace',
  'Robotics',
  'Electronics',
  'Instruments',
  'Devices',
  'Products',
  'Services',
  'Bank',
  'Trust',
]);

function titleCaseWord(w: string): string {
  return w.length >= 4 && /^[A-Z]+$/.test(w) ? w[0] + w.slice(1).toLowerCase() : w;
}

/**
 * Strings that an article may write for a cleaned company name, longest first: the name itself,
 * without `.com`, without generic trailing words, and Title-case variants of ALL-CAPS words.
 */
export function nameAliases(clean: string): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    const t = s.trim().replace(/[,&]$/, '').trim();
    if (t.length >= 3) out.add(t);
  };
  add(clean);
  const base = clean.replace(/\.com$/i, '');
  add(base);
  const words = base.split(' ');
  // Drop generic tail words one at a time, keeping at least one word.
  for (let n = words.length - 1; n >= 1; n--) {
    const last = words[n];
    if (last === undefined || !GENERIC_TAIL.has(last)) break;
    add(words.slice(0, n).join(' '));
  }
  for (const a of [...out]) {
    const t = a.split(' ').map(titleCaseWord).join(' ');
    if (t !== a) out.add(t);
    // "DexCom" is usually written "Dexcom" in the press.
    if (/^[A-Z][a-z]+[A-Z][a-z]+$/.test(a)) out.add(a[0] + a.slice(1).toLowerCase());
  }
  return [...out].sort((a, b) => b.length - a.length);
}
