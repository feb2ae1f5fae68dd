import type { SignalCard } from '../lib/model';
import { FactorRow } from './FactorRow';
import { formatAgo, formatDateTime } from '../lib/core/format';
import { countsText } from './signal';
import './components.css';

/** The whole small-cap signal card: counts and summary, each factor, the disclaimer. */
export function SignalCardView({ card, headingLevel = 2 }: { card: SignalCard; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="signal-card">
      <div class="signal-summary">
        <H class="signal-title">Small-cap backdrop</H>
        <p class="signal-counts num">
          {countsText(card.favourCount, card.againstCount, card.factors.length)}
        </p>
        <p class="signal-text">{card.summary}</p>
        <p class="small muted">
          Computed <time dateTime={card.generatedAt}>{formatAgo(card.generatedAt)}</time> (
          {formatDateTime(card.generatedAt)})
        </p>
      </div>
      <div class="factor-list">
        {card.factors.map((f) => (
          <FactorRow key={f.id} factor={f} />
        ))}
      </div>
      <p class="disclaimer small muted">{card.disclaimer}</p>
    </div>
  );
}
