import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { FactorId } from '../lib/view-models';
import { HORIZON_LABEL, type Horizon } from '../lib/signals/evidence';
import {
  caveats,
  conditionLine,
  evidenceSentence,
  horizonOf,
  leadCondition,
  relativeSentence,
  sourcesOf,
  verdictSentence,
  type EvidenceView,
} from '../lib/signals/evidence-text';
import { formatEvidencePct, pathChart, type EvidencePathChart } from '../lib/ui/evidence-panel';
import { formatDate } from '../lib/core/format';
import { ProvenanceLines } from './Provenance';
import './components.css';

type ChartProps = { chart: EvidencePathChart; height?: number };
let loadedChart: ComponentType<ChartProps> | null = null;
let loadingChart: Promise<ComponentType<ChartProps>> | null = null;

/** uPlot loads with the first opened panel, not with the popup. */
function LazyEvidenceChart({ chart }: { chart: EvidencePathChart }) {
  const [Chart, setChart] = useState<ComponentType<ChartProps> | null>(() => loadedChart);
  useEffect(() => {
    if (Chart) return;
    let alive = true;
    loadingChart ??= import('./EvidenceChart').then((m) => (loadedChart = m.EvidenceChart));
    void loadingChart.then((c) => alive && setChart(() => c));
    return () => {
      alive = false;
    };
  }, [Chart]);
  return (
    <figure class="mini-chart evidence-chart">
      {Chart ? <Chart chart={chart} /> : <div class="mini-chart-placeholder" style={{ minHeight: '96px' }} />}
      <figcaption class="mini-chart-legend small muted">
        {chart.series.map((s, i) => (
          <span key={s.label} class="legend-key" aria-hidden="true">
            <span class={`legend-swatch legend-swatch-${i % 3}`} />
            {s.label}
          </span>
        ))}
        <span class="sr-only">{chart.summary}</span>
      </figcaption>
    </figure>
  );
}

const HORIZONS_SHOWN: Horizon[] = [21, 63, 126, 252];

export function EvidenceBody({ view, factorId }: { view: EvidenceView; factorId: FactorId }) {
  const f = view.report.evidence.factors.find((x) => x.id === factorId);
  if (!f) return <p class="small muted">No recorded history for this factor.</p>;
  const today = view.today[f.id];
  const c = leadCondition(f, today);
  if (!c) return <p class="small muted">No condition to show.</p>;
  const holdsToday = !!today?.conditionIds.includes(c.id);
  const chart = pathChart(f, c);
  const rel = relativeSentence(c);
  const others = f.conditions.filter((o) => o.id !== c.id);
  return (
    <div class="evidence-body">
      <p class="evidence-sentence" data-testid="evidence-sentence">
        {evidenceSentence(f, c)}
      </p>
      <p class="evidence-verdict">
        <strong>{verdictSentence(c)}</strong>
      </p>
      {rel ? <p class="evidence-sentence">{rel}</p> : null}
      <p class="evidence-sentence muted">
        {holdsToday
          ? `This condition holds on the card’s data of ${formatDate(today!.asOf)}.`
          : today
            ? `Shown: the claim behind this factor; on the card’s data of ${formatDate(today.asOf)} it does not hold.`
            : 'Shown: the claim behind this factor (today’s state could not be read).'}
      </p>
      {chart ? <LazyEvidenceChart chart={chart} /> : null}
      <table class="evidence-table small">
        <caption class="sr-only">IWM total return after the signal vs all days, by horizon</caption>
        <thead>
          <tr>
            <th scope="col">Next</th>
            <th scope="col">Median</th>
            <th scope="col">All days</th>
            <th scope="col">Up</th>
            <th scope="col">Worst</th>
            <th scope="col">Episodes</th>
          </tr>
        </thead>
        <tbody>
          {HORIZONS_SHOWN.map((h) => {
            const e = horizonOf(c, h);
            return (
              <tr key={h}>
                <th scope="row">{HORIZON_LABEL[h]}</th>
                <td class="num">{formatEvidencePct(e?.stats?.median)}</td>
                <td class="num">{formatEvidencePct(e?.baseline?.median)}</td>
                <td class="num">{e?.stats ? `${Math.round(e.stats.sharePositive)} %` : 'n/a'}</td>
                <td class="num">{formatEvidencePct(e?.stats?.worst)}</td>
                <td class="num">{e ? e.episodes : 'n/a'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {others.length ? (
        <ul class="evidence-others small">
          {others.map((o) => (
            <li key={o.id}>{conditionLine(o)}</li>
          ))}
        </ul>
      ) : null}
      <ul class="evidence-caveats small muted">
        {caveats(f, c).map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <ProvenanceLines items={sourcesOf(view.report, f.id)} />
    </div>
  );
}
