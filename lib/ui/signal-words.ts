/** Words for factor states and provenance lines (colour is never the only carrier of meaning). */
import type { FactorState, SourceState } from '../view-models';
import type { Provenance } from '../source-data';
import { formatAge, formatAsOf } from '../core/format';

export const FACTOR_STATE_TEXT: Record<FactorState, string> = {
  favours: 'Favours small caps',
  against: 'Against small caps',
  neutral: 'Neutral',
  unknown: 'Unknown',
};

/** A glyph that differs by state, so the chip reads in grayscale too. */
export const FACTOR_STATE_GLYPH: Record<FactorState, string> = {
  favours: '▲',
  against: '▼',
  neutral: '●',
  unknown: '?',
};

/** What a "Stale" marker means, the same words in the popup, side panel and hover strip. */
export const STALE_TITLE = 'Older than this source is usually updated (counted in New York trading days)';

/** "iShares IWM holdings · as of 24 Dec 2025 (3 days old)"; bundled data says so. */
export function provenanceText(p: Provenance, now: Date = new Date()): string {
  const label =
    p.source === 'bundled' && !/bundled/i.test(p.label) ? `${p.label} (bundled snapshot)` : p.label;
  const age = formatAge(p.asOf, now);
  return `${label} · ${formatAsOf(p.asOf)}${age === 'today' || age === 'age unknown' ? '' : ` (${age})`}`;
}

/** Provenances with the same source and date collapse to one line. */
export function uniqueProvenance(list: Provenance[]): Provenance[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = `${p.source}|${p.label}|${p.asOf}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The card's counts as words, e.g. "3 favour · 1 against · 2 other". */
export function countsText(favour: number, against: number, total: number): string {
  const other = Math.max(0, total - favour - against);
  return `${favour} favour · ${against} against${other ? ` · ${other} neutral or unknown` : ''}`;
}

export const SOURCE_STATE_TEXT: Record<SourceState, string> = {
  ok: 'Up to date',
  stale: 'Stale',
  error: 'Failed',
  never: 'Not fetched yet',
  disabled: 'Turned off',
};

export const SOURCE_STATE_GLYPH: Record<SourceState, string> = {
  ok: '✓',
  stale: '!',
  error: '✕',
  never: '–',
  disabled: '○',
};

/** One line for a collapsed source list: "6 up to date · 1 stale · 1 failed". */
export function sourceSummary(states: SourceState[]): string {
  const order: SourceState[] = ['ok', 'stale', 'error', 'never', 'disabled'];
  const parts = order
    .map((s) => [s, states.filter((x) => x === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${SOURCE_STATE_TEXT[s].toLowerCase()}`);
  return parts.length ? parts.join(' · ') : 'no sources';
}
