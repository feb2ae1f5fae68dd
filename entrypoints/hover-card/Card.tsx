/**
 * The hover card (Preact, rendered into a shadow root by card-host.tsx). Every figure carries
 * its source and as-of date; missing data reads as missing, never as a number.
 *
 * Not part of the content script: it is bundled into hover-card.js (entrypoints/hover-card),
 * which the content script loads on first need (see news.content/lazy-card.ts).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SmallCapStrip, TickerInfo, TickerQuote } from '../../lib/view-models';
import type { CardApi, CardTarget, CardTheme, Rect } from '../../lib/lens/card-contract';
import { formatAsOf, formatDate, formatPercent, formatPrice, formatSigned } from '../../lib/core/format';
import { provenanceText } from '../../lib/ui/signal-words';
import { placeCard } from './place';
import { sparkShape } from './spark';
import { backdropText, membershipPhrase } from './card-words';

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

  const [pinned, setPinned] = useState(false);
  useEffect(() => setPinned(false), [sym]);
  // Only a user's click pins or opens anything (a synthetic click has isTrusted false). The
  // answer is the same whether the symbol was already listed: the card tells no one what the
  // watchlist holds.
  const pin = async (e: MouseEvent) => {
    if (!e.isTrusted) return;
    setStatus('Pinning…');
    try {
      await api.pin(sym);
      setPinned(true);
      setStatus(`${sym} is in your watchlist.`);
    } catch (err) {
      setStatus(`Not pinned: ${msg(err)}`);
    }
  };
  const open = async (e: MouseEvent, which: 'panel' | 'popup') => {
    if (!e.isTrusted) return;
    try {
      await (which === 'panel' ? api.openPanel() : api.openPopup());
      setStatus('');
    } catch (e) {
      setStatus(`Could not open the ${which === 'panel' ? 'side panel' : 'backdrop'}: ${msg(e)}`);
    }
  };

  const ti = info.s === 'ok' ? info.v : null;
  const name = ti?.name ?? target.name;
  const exchange = ti?.exchange ?? target.exchange;
  // A symbol that left the US listings cannot be pinned (the background would refuse it).
  const canPin = !ti || ti.listed;
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
      {name ? <p class="name">{name}</p> : null}
      <button type="button" class="close" aria-label="Close" onClick={(e) => e.isTrusted && props.onClose()}>
        ×
      </button>
      <Quote quote={quote} />
      <Membership info={info} />
      <Backdrop strip={strip} onOpen={(e) => void open(e, 'popup')} />
      <div class="foot">
        <div class="actions">
          {canPin ? (
            pinned ? (
              <button type="button" class="primary done" aria-disabled="true">
                Pinned ✓
              </button>
            ) : (
              <button type="button" class="primary" onClick={(e) => void pin(e)}>
                Pin to watchlist
              </button>
            )
          ) : null}
          <button type="button" onClick={(e) => void open(e, 'panel')}>
            Open side panel
          </button>
        </div>
        <Sources info={info} quote={quote} strip={strip} />
        <p class="status" role="status" aria-live="polite">
          {status}
        </p>
      </div>
    </div>
  );
}

function Membership({ info }: { info: Load<TickerInfo> }) {
  if (info.s === 'loading') return <p class="muted mem-line">Loading index membership…</p>;
  if (info.s === 'error') return <p class="muted mem-line">Index membership unavailable right now.</p>;
  const t = info.v;
  const m = membershipPhrase(t);
  return (
    <div class="mem-block">
      <p class={`mem mem-${m.kind}`} data-testid="scl-membership">
        <span class="dot" aria-hidden="true" />
        {m.line}
      </p>
      {m.sector ? <p class="muted">{m.sector}</p> : null}
      {t.reconstitution ? (
        <p class="muted">
          {t.reconstitution.change === 'added' ? 'Added at' : 'Removed at'} the Russell rebalance effective{' '}
          {formatDate(t.reconstitution.effective)}.
        </p>
      ) : null}
      {!t.listed ? <p class="muted">No longer in the current US listings.</p> : null}
      {t.membershipNote ? (
        <p class="muted small" data-testid="scl-membership-note">
          {t.membershipNote}
        </p>
      ) : null}
    </div>
  );
}

function Quote({ quote }: { quote: Load<TickerQuote | null> }) {
  if (quote.s === 'loading') return <p class="muted quote-line">Loading price…</p>;
  // The background says why (offline, prices turned off); the stock is not to blame.
  if (quote.s === 'error') return <p class="muted quote-line">{quote.e}</p>;
  if (!quote.v) return <p class="muted quote-line">No recent price history found.</p>;
  const q = quote.v;
  const dir = (q.change ?? 0) > 0 ? 'up' : (q.change ?? 0) < 0 ? 'down' : '';
  const shape = sparkShape(q.x, q.close, 96, 28, 92, q.currency);
  return (
    <div class="quote-line">
      <div class="row">
        <span class="price">{formatPrice(q.last, q.currency)}</span>
        <span class={dir}>
          {q.change === null ? 'day change unknown' : formatSigned(q.change)}
          {q.changePct === null ? '' : ` (${formatPercent(q.changePct, 2, true)})`}
        </span>
        {shape ? (
          <svg class="spark" width="96" height="28" viewBox="0 0 96 28" role="img" aria-label={shape.summary}>
            <polyline points={shape.points} />
          </svg>
        ) : null}
      </div>
      <p class="muted small">
        {formatAsOf(q.provenance.asOf)}
        {q.stale ? ' · last good price (the latest refresh failed)' : ''}
      </p>
    </div>
  );
}

function Backdrop({ strip, onOpen }: { strip: Load<SmallCapStrip>; onOpen(e: MouseEvent): void }) {
  const text =
    strip.s === 'loading'
      ? 'loading…'
      : strip.s === 'error' || strip.v.items.length === 0
        ? 'not available yet'
        : backdropText(strip.v);
  return (
    <button type="button" class="backdrop" data-testid="scl-backdrop" onClick={onOpen}>
      <span class="lbl">Small-cap backdrop:</span> {text} <span aria-hidden="true">›</span>
    </button>
  );
}

/** All sources in one footnote, closed by default, so provenance never crowds the stock. */
function Sources({
  info,
  quote,
  strip,
}: {
  info: Load<TickerInfo>;
  quote: Load<TickerQuote | null>;
  strip: Load<SmallCapStrip>;
}) {
  const lines: string[] = [];
  if (quote.s === 'ok' && quote.v) lines.push(`Price: ${provenanceText(quote.v.provenance)}`);
  if (info.s === 'ok') {
    const p = info.v.russell2000?.provenance ?? info.v.membershipProvenance;
    lines.push(`Index membership: ${p ? provenanceText(p) : 'source not stated'}`);
    if (info.v.reconstitution) lines.push(`Rebalance: ${provenanceText(info.v.reconstitution.provenance)}`);
  }
  return (
    <details class="sources">
      <summary>
        <span class="info" aria-hidden="true">
          i
        </span>{' '}
        Sources and dates
      </summary>
      <div class="sources-body">
        <ul>
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
          {strip.s === 'ok'
            ? strip.v.items.map((it) => (
                // One line per backdrop factor with its own date and stale mark: the popup's, exactly.
                <li key={it.id} data-factor={it.id}>
                  {it.label}: {it.source ? `${it.source}, ` : ''}
                  <span class="asof">{formatAsOf(it.asOf)}</span>
                  {it.stale ? <span class="stale">stale</span> : null}
                </li>
              ))
            : null}
        </ul>
        <p class="disc">Context, not advice: how these factors have read for small caps historically.</p>
      </div>
    </details>
  );
}
