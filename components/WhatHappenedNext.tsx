import { createContext, type ComponentType } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FactorId } from '../lib/model';
import { HORIZON_LABEL, type Horizon } from '../lib/signals/evidence';
import {
  caveats,
  evidenceSentence,
  horizonOf,
  leadCondition,
  relativeSentence,
  verdictSentence,
  type EvidenceView,
} from '../lib/signals/evidence-text';
import {
  EVIDENCE_FACTOR_IDS,
  EVIDENCE_TITLES,
  formatEvidencePct,
  pathChart,
  type EvidencePathChart,
} from './evidence';
import { toLoad, type Load } from './load';
import { ProvenanceLines } from './Provenance';
import { formatDate } from './format';
import './components.css';

/**
 * The evidence as the page holds it: null until a panel is first opened (or a focus is asked
 * for), then loading, data or the background's error. The page owns the request (lib/messaging).
 */
export interface EvidenceState {
  view: Load<EvidenceView> | null;
  request(): void;
  /** A factor whose panel opens by itself (the hover card's "What happened next" link). */
  focus: FactorId | null;
}

export const EvidenceContext = createContext<EvidenceState | null>(null);

/**
 * The page's evidence state: asks for the evidence when a panel first opens, and once at start
 * whether the hover card asked to open on one factor (then loads it straight away).
 */
export function useEvidenceState(
  load: () => Promise<EvidenceView>,
  takeFocus: () => Promise<FactorId | null>,
): EvidenceState {
  const [view, setView] = useState<Load<EvidenceView> | null>(null);
  const [focus, setFocus] = useState<FactorId | null>(null);
  const asked = useRef(false);
  const request = useCallback(() => {
    if (asked.current) return;
    asked.current = true;
    setView({ status: 'loading' });
    void toLoad(load()).then((v) => {
      if (v.status === 'error') asked.current = false; // a later open may try again
      setView(v);
    });
  }, [load]);
  useEffect(() => {
    takeFocus()
      .then((f) => {
        if (!f) return;
        setFocus(f);
        request();
      })
      .catch(() => undefined); // no focus: the panels stay closed until opened
  }, [takeFocus, request]);
  return useMemo(() => ({ view, request, focus }), [view, request, focus]);
}

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

function EvidenceBody({ view, factorId }: { view: EvidenceView; factorId: FactorId }) {
  const f = view.report.evidence.factors.find((x) => x.id === factorId);
  if (!f) return <p class="small muted">No recorded history for this factor.</p>;
  const today = view.today[f.id];
  const c = leadCondition(f, today);
  if (!c) return <p class="small muted">No condition to show.</p>;
  const holdsToday = !!today?.conditionIds.includes(c.id);
  const chart = pathChart(f, c);
  const rel = relativeSentence(c);
  return (
    <div class="evidence-body">
      <p class="evidence-sentence" data-testid="evidence-sentence">
        {evidenceSentence(f, c)}
      </p>
      <p class="evidence-verdict">
        <strong>{verdictSentence(c)}</strong>
      </p>
      {rel ? <p class="small">{rel}</p> : null}
      <p class="small muted">
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
                <td class="num">{e ? `${e.episodes} (${e.signalDays} d)` : 'n/a'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ul class="evidence-caveats small muted">
        {caveats(f, c).map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <ProvenanceLines items={view.report.sources} />
    </div>
  );
}

/**
 * "What happened next" under a factor row: how IWM did after the factor's state, vs all days.
 * Renders nothing where there is no evidence for the factor or no page providing it.
 */
export function WhatHappenedNext({ factorId, title }: { factorId: FactorId; title: string }) {
  const ctx = useContext(EvidenceContext);
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const focused = !!ctx && ctx.focus === factorId;
  useEffect(() => {
    if (!focused || !ref.current) return;
    ref.current.open = true;
    setOpen(true);
    ref.current.scrollIntoView?.({ block: 'start' });
  }, [focused]);
  if (!ctx || !EVIDENCE_FACTOR_IDS.has(factorId)) return null;
  const onToggle = () => {
    const isOpen = !!ref.current?.open;
    setOpen(isOpen);
    if (isOpen && !ctx.view) ctx.request();
  };
  const v = ctx.view;
  return (
    <details class="evidence" ref={ref} data-testid={`evidence-${factorId}`} onToggle={onToggle}>
      <summary>
        What happened next<span class="sr-only"> after readings of {title}</span>
      </summary>
      {!open && !focused ? null : !v || v.status === 'loading' ? (
        <p class="small muted" aria-busy="true">
          Loading the history…
        </p>
      ) : v.status === 'error' ? (
        <p class="small warn" role="alert">
          The history could not be loaded: {v.error}
        </p>
      ) : (
        <EvidenceBody view={v.data} factorId={factorId} />
      )}
    </details>
  );
}

/** Every factor's "What happened next", for the side panel (where the hover card's link may land). */
export function EvidenceList() {
  return (
    <section class="evidence-list" data-testid="evidence-list" aria-labelledby="evidence-list-h">
      <h2 id="evidence-list-h">What happened next</h2>
      <p class="small muted">How IWM did after each factor’s readings in the past, compared with all days.</p>
      {(Object.keys(EVIDENCE_TITLES) as Array<keyof typeof EVIDENCE_TITLES>).map((id) => (
        <div key={id} class="evidence-item">
          <h3>{EVIDENCE_TITLES[id]}</h3>
          <WhatHappenedNext factorId={id} title={EVIDENCE_TITLES[id]} />
        </div>
      ))}
    </section>
  );
}
