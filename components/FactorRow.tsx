import type { Factor, FactorState } from '../lib/view-models';
import { LazyMiniChart as MiniChart } from './LazyMiniChart';
import { ProvenanceLines } from './Provenance';
import { formatAsOf } from '../lib/core/format';
import { FACTOR_STATE_GLYPH, FACTOR_STATE_TEXT, STALE_TITLE } from '../lib/ui/signal-words';
import { WhatHappenedNext } from './WhatHappenedNext';
import './components.css';

function StateChip({ state }: { state: FactorState }) {
  return (
    <span class={`state-chip state-${state}`}>
      <span aria-hidden="true" class="state-glyph">
        {FACTOR_STATE_GLYPH[state]}
      </span>
      {FACTOR_STATE_TEXT[state]}
    </span>
  );
}

export function StaleBadge({ title = STALE_TITLE }: { title?: string }) {
  return (
    <span class="stale-badge" title={title}>
      Stale
    </span>
  );
}

/** One factor of the signal card: state in words, the figure, why, details, chart, sources. */
export function FactorRow({ factor }: { factor: Factor }) {
  const headingId = `factor-title-${factor.id}`;
  return (
    <article
      class={`factor factor-${factor.state}`}
      data-testid={`factor-${factor.id}`}
      aria-labelledby={headingId}
    >
      <div class="factor-head">
        <h3 id={headingId}>{factor.title}</h3>
        <StateChip state={factor.state} />
        {factor.stale ? <StaleBadge /> : null}
      </div>
      <p class="factor-headline num">
        {factor.headline}
        {factor.asOf ? <span class="factor-asof"> · {formatAsOf(factor.asOf)}</span> : null}
      </p>
      <p class="factor-reason">{factor.reason}</p>
      {factor.details.length > 0 ? (
        <dl class="factor-details">
          {factor.details.map((d, i) => (
            <div key={`${d.label}-${i}`}>
              <dt>{d.label}</dt>
              <dd class="num">{d.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {factor.chart ? (
        <MiniChart
          chart={factor.chart}
          label={`${factor.title}: ${factor.chart.kind === 'bar' ? 'bar' : 'line'} chart of ${factor.chart.series
            .map((s) => s.label)
            .join(' and ')}`}
        />
      ) : null}
      <ProvenanceLines items={factor.provenance} />
      <WhatHappenedNext factorId={factor.id} title={factor.title} />
    </article>
  );
}
