/**
 * The hover card (Preact, rendered into a shadow root by card-host.tsx). Every figure carries
 * its source and as-of date; missing data reads as missing, never as a number.
 *
 * Not part of the content script: it is bundled into hover-card.js (entrypoints/hover-card.ts),
 * which the content script loads on first need (see lazy-card.ts).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SmallCapStrip, TickerInfo, TickerQuote } from '../../lib/model';
import type { CardApi, CardTarget } from './card-contract';
import { formatPercent, formatPrice, formatSigned, formatWeight, formatAsOf } from '../../lib/core/format';
import { FACTOR_STATE_GLYPH, FACTOR_STATE_TEXT, provenanceText, STALE_TITLE } from '../../components/signal';
import { placeCard, type Rect } from './place';
import type { CardTheme } from './theme';
import { sparkShape } from './spark';

export interface CardProps {
  target: CardTarget;
  anchor: Rect;
  theme: CardTheme;
  /** Keyboard-opened cards take focus; hover-opened ones never steal it. */
  takeFocus: boolean;
  api: CardApi;
  onClose(): void;
  onPointerEnter(): void;
  onPointerLeave(): void;
}

type Load<T> = { s: 'loading' } | { s: 'ok'; v: T } | { s: 'error'; e: string };
const LOADING = { s: 'loading' } as const;
const msg = (e: unknown) => (e instanceof Error ? e.message : String(e)) || 'Unknown error';

function useLoad<T>(fn: () => Promise<T>, key: string): Load<T> {
  const [state, setState] = useState<Load<T>>(LOADING);
  useEffect(() => {
    let live = true;
    setState(LOADING);
    fn().then(
      (v) => live && setState({ s: 'ok', v }),
      (e: unknown) => live && setState({ s: 'error', e: msg(e) }),
    );
    return () => {
      live = false;
    };
    // `key` names the request: a new symbol refetches, a re-render does not.
  }, [key]);
  return state;
}

export function Card(props: CardProps) {
  const { target, api } = props;
  const sym = target.symbol;
  const info = useLoad(() => api.info(sym), sym);
  const quote = useLoad(() => api.quote(sym), sym);
  const strip = useLoad(() => api.strip(), 'strip');
  const [status, setStatus] = useState('');
  const ref = useRef<HTMLDivElement>(null);

  // Measure, then place inside the viewport; again whenever the content changes size.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const place = () => {
      // Natural height even while clipped by max-height (resetting it would resize the card
      // under a still pointer, and Chrome then fires pointerleave).
      const height = el.scrollHeight + (el.offsetHeight - el.clientHeight);
      const p = placeCard(
        props.anchor,
        { width: el.offsetWidth, height },
        { width: document.documentElement.clientWidth || innerWidth, height: innerHeight },
      );
      el.style.left = `${p.left}px`;
      el.style.top = `${p.top}px`;
      el.style.maxHeight = p.maxHeight === null ? '' : `${p.maxHeight}px`;
      el.dataset.side = p.side;
    };
    place();
    const ro = new ResizeObserver(place);
    ro.observe(el);
    return () => ro.disconnect();
  }, [props.anchor]);

  useEffect(() => {
    if (props.takeFocus) ref.current?.focus({ preventScroll: true });
  }, [sym, props.takeFocus]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isTrusted && e.key === 'Escape') {
      e.preventDefault();
      props.onClose();
    }
  };

  // Only a user's click pins or opens the panel (a synthetic click has isTrusted false). The
  // answer is the same whether the symbol was already listed: the card tells no one what the
  // watchlist holds.
  const pin = async (e: MouseEvent) => {
    if (!e.isTrusted) return;
    setStatus('Pinning…');
    try {
      await api.pin(sym);
      setStatus(`${sym} is in your watchlist.`);
    } catch (err) {
      setStatus(`Not pinned: ${msg(err)}`);
    }
  };
  const openPanel = async (e: MouseEvent) => {
    if (!e.isTrusted) return;
    try {
      await api.openPanel();
      setStatus('');
    } catch (e) {
      setStatus(`Could not open the side panel: ${msg(e)}`);
    }
  };

  const openEvidence = api.openEvidence
    ? async (factor: EvidenceId) => {
        try {
          const r = (await api.openEvidence!(factor)) as { opened?: string } | undefined;
          setStatus(r?.opened === 'side-panel' ? 'Opened in the side panel.' : '');
        } catch (e) {
          setStatus(`Could not open the history: ${msg(e)}`);
        }
      }
    : undefined;

  const ti = info.s === 'ok' ? info.v : null;
  const name = ti?.name ?? target.name;
  const exchange = ti?.exchange ?? target.exchange;
  const titleId = `scl-card-title`;

  return (
    <div
      ref={ref}
      class="scl-card"
      data-theme={props.theme}
      data-testid="scl-card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      style={{ left: '0px', top: '0px' }}
      onKeyDown={onKeyDown}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
    >
      <div class="hd">
        <h2 class="sym" id={titleId}>
          {sym}
        </h2>
        {exchange ? <span class="exch">{exchange}</span> : null}
      </div>
      <p class="name">{name || 'Company name not known'}</p>
      <button type="button" class="close" aria-label="Close" onClick={(e) => e.isTrusted && props.onClose()}>
        ×
      </button>
      <Membership info={info} />
      <Quote quote={quote} />
      <Strip strip={strip} onEvidence={openEvidence ? (id) => void openEvidence(id) : undefined} />
      <div class="foot">
        <div class="actions">
          <button type="button" class="primary" onClick={(e) => void pin(e)}>
            Pin to watchlist
          </button>
          <button type="button" onClick={(e) => void openPanel(e)}>
            Open side panel
          </button>
        </div>
        <p class="status" role="status" aria-live="polite">
          {status}
        </p>
        <p class="disc">Context, not advice: how these factors have read for small caps historically.</p>
      </div>
    </div>
  );
}

function Membership({ info }: { info: Load<TickerInfo> }) {
  let body;
  if (info.s === 'loading') body = <p class="muted">Loading index membership…</p>;
  else if (info.s === 'error') body = <p class="warn">Index membership unavailable: {info.e}</p>;
  else {
    const t = info.v;
    const r = t.russell2000;
    const prov = r?.provenance ?? t.membershipProvenance;
    body = (
      <>
        {!t.listed ? <p class="mem">Not in current US listings</p> : null}
        {r && r.basis === 'reconstitution' ? (
          <>
            <p class="mem r2000" data-testid="scl-membership">
              Russell 2000 member · no weight yet
            </p>
            <p class="muted">
              {r.sector} · added by the final reconstitution list; the holdings file predates it
            </p>
          </>
        ) : r ? (
          <>
            <p class="mem r2000" data-testid="scl-membership">
              Russell 2000 member · weight {formatWeight(r.weightPct)}
            </p>
            <p class="muted">
              {r.rank !== null ? `Rank ${r.rank.toLocaleString('en-US')} of ` : 'One of '}
              {r.of.toLocaleString('en-US')} current members · {r.sector} ({formatWeight(r.sectorWeightPct)}{' '}
              of the fund)
            </p>
          </>
        ) : (
          <p class="mem" data-testid="scl-membership">
            {t.russell1000
              ? t.sp500
                ? 'Russell 1000 · S&P 500'
                : 'Russell 1000'
              : t.sp500
                ? 'S&P 500 · not in the Russell indexes'
                : 'Not in the Russell indexes'}
          </p>
        )}
        {t.reconstitution ? (
          <p class="muted">
            {t.reconstitution.change === 'added' ? 'Added at' : 'Deleted at'} the reconstitution effective{' '}
            {formatAsOf(t.reconstitution.effective).replace('as of ', '')}
          </p>
        ) : null}
        {t.membershipNote ? (
          <p class="warn" data-testid="scl-membership-note">
            {t.membershipNote}
          </p>
        ) : null}
        {prov ? <p class="prov">{provenanceText(prov)}</p> : <p class="prov">Source: not stated</p>}
      </>
    );
  }
  return (
    <section class="sec" aria-label="Index membership">
      <h3>Index membership</h3>
      {body}
    </section>
  );
}

function Quote({ quote }: { quote: Load<TickerQuote | null> }) {
  let body;
  if (quote.s === 'loading') body = <p class="muted">Loading price…</p>;
  else if (quote.s === 'error') body = <p class="warn">Price unavailable: {quote.e}</p>;
  else if (!quote.v) body = <p class="muted">No price data for this symbol.</p>;
  else {
    const q = quote.v;
    const dir = (q.change ?? 0) > 0 ? 'up' : (q.change ?? 0) < 0 ? 'down' : '';
    const shape = sparkShape(q.x, q.close, 96, 28, 92, q.currency);
    body = (
      <>
        <div class="row">
          <span class="price">{formatPrice(q.last, q.currency)}</span>
          <span class={dir}>
            {q.change === null ? 'day change unknown' : formatSigned(q.change)}
            {q.changePct === null ? '' : ` (${formatPercent(q.changePct, 2, true)})`}
          </span>
          {shape ? (
            <svg
              class="spark"
              width="96"
              height="28"
              viewBox="0 0 96 28"
              role="img"
              aria-label={shape.summary}
            >
              <polyline points={shape.points} />
            </svg>
          ) : null}
        </div>
        {shape ? (
          <p class="sr">{shape.summary}</p>
        ) : (
          <p class="muted">Not enough history for a 3-month line.</p>
        )}
        {q.stale ? (
          <p class="warn">
            Stale: the newest price on hand is {formatAsOf(q.provenance.asOf).replace('as of ', 'from ')}.
          </p>
        ) : null}
        <p class="prov">{provenanceText(q.provenance)}</p>
      </>
    );
  }
  return (
    <section class="sec" aria-label="Price">
      <h3>Price · 3 months</h3>
      {body}
    </section>
  );
}

/** Factors with a "What happened next" history (lib/signals/evidence.ts; not imported: card size). */
type EvidenceId = 'flows' | 'drawdown' | 'relative' | 'yields';
const EVIDENCE_IDS: ReadonlySet<string> = new Set<EvidenceId>(['flows', 'drawdown', 'relative', 'yields']);

function Strip({ strip, onEvidence }: { strip: Load<SmallCapStrip>; onEvidence?: (id: EvidenceId) => void }) {
  let body;
  if (strip.s === 'loading') body = <p class="muted">Loading small-cap context…</p>;
  else if (strip.s === 'error') body = <p class="warn">Small-cap context unavailable: {strip.e}</p>;
  else if (strip.v.items.length === 0)
    body = <p class="muted">No small-cap context yet (no data fetched).</p>;
  else
    body = (
      <ul class="strip">
        {strip.v.items.map((it) => (
          <li key={it.id} data-factor={it.id}>
            <span class="lbl">{it.label}</span> <span class="val">{it.value}</span>{' '}
            <span aria-label={FACTOR_STATE_TEXT[it.state]} title={FACTOR_STATE_TEXT[it.state]}>
              {FACTOR_STATE_GLYPH[it.state]}
            </span>{' '}
            {it.stale ? (
              <span class="stale" title={STALE_TITLE}>
                Stale
              </span>
            ) : null}{' '}
            <span class="prov">
              {it.source ? `${it.source}, ` : ''}
              <span class="asof">{formatAsOf(it.asOf)}</span>
            </span>
            {onEvidence && EVIDENCE_IDS.has(it.id) ? (
              <>
                {' '}
                <button
                  type="button"
                  class="ev"
                  data-testid={`strip-evidence-${it.id}`}
                  aria-label={`What happened next after ${it.label} readings like this`}
                  onClick={() => onEvidence(it.id as EvidenceId)}
                >
                  What next?
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    );
  return (
    <section class="sec" aria-label="Small-cap context">
      <h3>Small caps now</h3>
      {body}
    </section>
  );
}
