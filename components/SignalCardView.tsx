import type { Factor, SignalCard } from '../lib/view-models';
import { FactorRow } from './FactorRow';
import { formatDate, parseDate } from '../lib/core/format';
import { FACTOR_LABEL } from '../lib/ui/freshness-words';
import { countsText, FACTOR_STATE_GLYPH, FACTOR_STATE_TEXT } from '../lib/ui/signal-words';
import './components.css';

const SHORT_STATE = {
  favours: 'Favours',
  against: 'Against',
  neutral: 'Neutral',
  unknown: 'Unknown',
} as const;

/** "5 May" within the year the card was built, else "5 May 2026" (old data shows its year). */
function shortDate(iso: string, generatedAt: string): string {
  const full = formatDate(iso);
  const d = parseDate(iso);
  const g = parseDate(generatedAt);
  return d && g && d.getUTCFullYear() === g.getUTCFullYear() ? full.replace(/ \d{4}$/, '') : full;
}

/** The date a factor's figure describes (Factor.asOf: the last day all its series have). */
const asOfOf = (f: Factor): string | null => f.asOf;

/** One line per factor: plain label, value, state in words, as-of. Details live below. */
function FactorGrid({ card }: { card: SignalCard }) {
  return (
    <table class="factor-grid">
      <caption class="sr-only">The six small-cap factors: value, reading and date</caption>
      <thead class="sr-only">
        <tr>
          <th scope="col">Factor</th>
          <th scope="col">Value</th>
          <th scope="col">Reading</th>
          <th scope="col">As of</th>
        </tr>
      </thead>
      <tbody>
        {card.factors.map((f) => {
          const asOf = asOfOf(f);
          return (
            <tr key={f.id} data-testid={`factor-line-${f.id}`} class={`fg-${f.state}`}>
              <th scope="row" class="fg-label" title={f.title}>
                {FACTOR_LABEL[f.id]}
              </th>
              <td class="fg-value num">{f.headline}</td>
              <td class="fg-state">
                <span class={`state-chip state-${f.state}`} title={FACTOR_STATE_TEXT[f.state]}>
                  <span aria-hidden="true" class="state-glyph">
                    {FACTOR_STATE_GLYPH[f.state]}
                  </span>
                  {SHORT_STATE[f.state]}
                </span>
              </td>
              <td class={`fg-asof small ${f.stale ? 'fg-stale' : 'muted'}`}>
                {asOf ? shortDate(asOf, card.generatedAt) : '—'}
                {f.stale ? <span class="sr-only"> (old data)</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The small-cap backdrop: counts, the six-line grid, then reasons, details and charts on demand. */
export function SignalCardView({ card, headingLevel = 2 }: { card: SignalCard; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="signal-card">
      <div class="signal-summary">
        <H class="signal-title">Small-cap backdrop</H>
        <p class="signal-counts num" title={card.summary}>
          {countsText(card.favourCount, card.againstCount, card.factors.length)}
        </p>
      </div>
      <FactorGrid card={card} />
      <details class="factor-more">
        <summary>Why, details and charts</summary>
        <p class="signal-text">{card.summary}</p>
        <div class="factor-list">
          {card.factors.map((f) => (
            <FactorRow key={f.id} factor={f} />
          ))}
        </div>
        <p class="disclaimer small muted">{card.disclaimer}</p>
      </details>
      <p class="small muted">For information only, not investment advice.</p>
    </div>
  );
}
