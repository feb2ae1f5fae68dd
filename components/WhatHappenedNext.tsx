import { createContext, type ComponentType } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FactorId } from '../lib/view-models';
import type { EvidenceView } from '../lib/signals/evidence-text';
import { EVIDENCE_FACTOR_IDS, EVIDENCE_TITLES } from '../lib/ui/evidence-panel';
import { toLoad, type Load } from '../lib/ui/load-state';
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

type BodyProps = { view: EvidenceView; factorId: FactorId };
let loadedBody: ComponentType<BodyProps> | null = null;
let loadingBody: Promise<ComponentType<BodyProps>> | null = null;

/** The panel content (sentences, table, chart) loads with the first opened panel, not with the page. */
function LazyEvidenceBody(props: BodyProps) {
  const [Body, setBody] = useState<ComponentType<BodyProps> | null>(() => loadedBody);
  useEffect(() => {
    if (Body) return;
    let alive = true;
    loadingBody ??= import('./EvidenceBody').then((m) => (loadedBody = m.EvidenceBody));
    void loadingBody.then((c) => alive && setBody(() => c));
    return () => {
      alive = false;
    };
  }, [Body]);
  return Body ? (
    <Body {...props} />
  ) : (
    <p class="small muted" aria-busy="true">
      Loading the history…
    </p>
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
    // The factor rows sit in the popup's "Why, details and charts" disclosure: open it too.
    for (let d = ref.current.parentElement?.closest('details'); d; d = d.parentElement?.closest('details'))
      d.open = true;
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
        <LazyEvidenceBody view={v.data} factorId={factorId} />
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
