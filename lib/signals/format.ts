/**
 * Number and text formatting for signal figures, and the plain-text rendering of a SignalCard
 * (used by the CLI and as the no-UI fallback). Negative numbers use U+2212 (−), as on screen.
 */
import type { SignalCard } from '../model';

const MINUS = '\u2212';

function sign(x: number, signed: boolean): string {
  if (x < 0) return MINUS;
  return signed && x > 0 ? '+' : '';
}

/** 5_420_181_244.85 → "+$5.42B"; −12_300_000 → "−$12.3M"; 950 → "+$950". */
export function formatUsdCompact(x: number, signed = true): string {
  if (!Number.isFinite(x)) return 'n/a';
  const a = Math.abs(x);
  const s = sign(Math.abs(x) < 0.005 ? 0 : x, signed);
  if (a >= 1e12) return `${s}$${(a / 1e12).toFixed(2)}T`;
  if (a >= 1e9) return `${s}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${s}$${(a / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${s}$${(a / 1e3).toFixed(1)}K`;
  return `${s}$${a.toFixed(0)}`;
}

/** 12.345 → "12.3%"; with signed, "+12.3%" / "−12.3%". */
export function formatPct(x: number, digits = 1, signed = false): string {
  if (!Number.isFinite(x)) return 'n/a';
  const r = Number(x.toFixed(digits));
  return `${sign(r, signed)}${Math.abs(r).toFixed(digits)}%`;
}

/** Probability 0..1 → "57.4%". */
export function formatProbability(p: number, digits = 1): string {
  return formatPct(p * 100, digits);
}

/** −9 → "−9 bp", 12 → "+12 bp". */
export function formatBp(bp: number): string {
  if (!Number.isFinite(bp)) return 'n/a';
  const r = Math.round(bp);
  return `${sign(r, true)}${Math.abs(r)} bp`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-09-16' → 'Sep 16, 2026' (or 'Sep 16' with short). */
export function formatDate(date: string, short = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const md = `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${Number(m[3])}`;
  return short ? md : `${md}, ${m[1]}`;
}

const STATE_TEXT: Record<string, string> = {
  favours: 'historically favourable',
  against: 'historically unfavourable',
  neutral: 'neutral',
  unknown: 'unknown',
};

/** The whole card as plain text, one block per factor, sources listed under each. */
export function formatCardText(card: SignalCard): string {
  const out: string[] = [];
  out.push('Small-cap signals');
  out.push(`Generated ${card.generatedAt}`);
  out.push('');
  out.push(card.summary);
  for (const f of card.factors) {
    out.push('');
    out.push(
      `■ ${f.title}: ${f.headline}  [${STATE_TEXT[f.state] ?? f.state}${f.stale ? ', stale data' : ''}]`,
    );
    out.push(`  ${f.reason}`);
    for (const d of f.details) out.push(`  - ${d.label}: ${d.value}`);
    if (f.chart) out.push(`  Chart: ${f.chart.summary}`);
    for (const p of f.provenance) {
      out.push(`  Source: ${p.label}, as of ${p.asOf}${p.fetchedAt ? ` (fetched ${p.fetchedAt})` : ''}`);
    }
  }
  out.push('');
  out.push(card.disclaimer);
  return out.join('\n') + '\n';
}
