/**
 * The plain-text rendering of a SignalCard (used by the CLI and as the no-UI fallback). Figures
 * arrive already formatted by lib/core/format.ts, as on screen.
 */
import type { SignalCard } from '../view-models';

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
      `■ ${f.title}: ${f.headline}  [${STATE_TEXT[f.state] ?? f.state}${f.stale ? ', stale data' : ''}]` +
        (f.asOf ? ` as of ${f.asOf}` : ''),
    );
    out.push(`  ${f.reason}`);
    for (const d of f.details) out.push(`  - ${d.label}: ${d.value}`);
    if (f.chart) out.push(`  Chart: ${f.chart.summary}`);
    for (const p of f.provenance) {
      out.push(
        `  Source: ${p.label}, as of ${p.asOf}${p.stale ? ' (stale)' : ''}${p.fetchedAt ? ` (fetched ${p.fetchedAt})` : ''}`,
      );
    }
  }
  out.push('');
  out.push(card.disclaimer);
  return out.join('\n') + '\n';
}
