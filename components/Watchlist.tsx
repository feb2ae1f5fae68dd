import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TickerInfo, TickerQuote, WatchlistItem } from '../lib/view-models';
import type { Provenance } from '../lib/source-data';
import { formatDate, formatPercent, formatPrice, formatSigned } from '../lib/core/format';
import { membershipChange } from '../lib/ui/membership-badge';
import { ProvenanceLines } from './Provenance';
import { Sparkline } from './Sparkline';
import { StaleBadge } from './FactorRow';
import { SymbolCombobox, type Suggestion } from './SymbolCombobox';
import { TickerBadge } from './TickerBadge';
import {
  exportFileName,
  mergeWatchlists,
  moveItem,
  parseWatchlistCsv,
  setNote,
  sortWatchlist,
  watchlistToCsv,
  type SortKey,
} from '../lib/watchlist';
import './components.css';
import { downloadText } from '../lib/ui/download';
import { EmptyState } from './EmptyState';

export interface WatchlistProps {
  items: WatchlistItem[];
  infos: ReadonlyMap<string, TickerInfo>;
  /** undefined = still loading, null = no quote available. */
  quotes: ReadonlyMap<string, TickerQuote | null>;
  /** Saves a new list (order, notes, imports). Resolves to an error message or null. */
  onSave: (items: WatchlistItem[]) => Promise<string | null>;
  onAdd: (symbol: string) => Promise<string | null>;
  onRemove: (symbol: string) => Promise<string | null>;
  suggest: (query: string) => Promise<Suggestion[]>;
}

const SORT_LABELS: Record<SortKey, string> = {
  symbol: 'Symbol',
  weight: 'R2000 weight',
  change: 'Day change',
};

function sparkSummary(symbol: string, q: TickerQuote): string {
  const first = q.close[0];
  const last = q.close[q.close.length - 1];
  if (first === undefined || last === undefined) return `${symbol}: no recent closes.`;
  const pct = first ? ((last - first) / first) * 100 : null;
  return `${symbol} closes over the last ${q.close.length} sessions: ${formatPrice(first, q.currency)} to ${formatPrice(
    last,
    q.currency,
  )} (${formatPercent(pct, 1, true)}).`;
}

/** The watchlist: add, remove, reorder (drag or Alt+arrows), sort, notes, CSV import/export. */
export function Watchlist({ items, infos, quotes, onSave, onAdd, onRemove, suggest }: WatchlistProps) {
  const [announce, setAnnounce] = useState('');
  const [notice, setNotice] = useState<{ kind: 'error' | 'ok' | 'warn'; text: string } | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const [undo, setUndo] = useState<{ item: WatchlistItem; index: number } | null>(null);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // Keep keyboard focus on the moved row's handle after the list re-renders.
  useEffect(() => {
    if (refocus.current) {
      handles.current.get(refocus.current)?.focus();
      refocus.current = null;
    }
  }, [items]);

  const save = async (next: WatchlistItem[], message: string) => {
    const err = await onSave(next);
    if (err) setNotice({ kind: 'error', text: err });
    else setAnnounce(message);
  };

  const move = (from: number, to: number, viaKeyboard: boolean) => {
    const next = moveItem(items, from, to);
    if (next === items) return;
    const sym = items[from]?.symbol ?? '';
    if (viaKeyboard) refocus.current = sym;
    void save(next, `${sym} moved to position ${to + 1} of ${items.length}.`);
  };

  const sortBy = (key: SortKey) => {
    void save(sortWatchlist(items, key, infos, quotes), `Sorted by ${SORT_LABELS[key].toLowerCase()}.`);
  };

  const remove = async (index: number) => {
    const item = items[index];
    if (!item) return;
    const err = await onRemove(item.symbol);
    if (err) {
      setNotice({ kind: 'error', text: err });
      return;
    }
    setUndo({ item, index });
    setAnnounce(`Removed ${item.symbol}.`);
  };

  const undoRemove = () => {
    if (!undo) return;
    const next = items.slice();
    next.splice(Math.min(undo.index, next.length), 0, undo.item);
    setUndo(null);
    void save(next, `Restored ${undo.item.symbol}.`);
  };

  const importFile = async (file: File) => {
    const text = await file.text();
    const parsed = parseWatchlistCsv(text);
    if (!parsed.ok) {
      setNotice({
        kind: 'error',
        text: `Could not import ${file.name}: ${parsed.error} Your watchlist is unchanged.`,
      });
      return;
    }
    const merged = mergeWatchlists(items, parsed.items);
    const err = await onSave(merged.items);
    if (err) {
      setNotice({ kind: 'error', text: `Import failed: ${err} Your watchlist is unchanged.` });
      return;
    }
    const already = parsed.items.length - merged.added - merged.skipped;
    const parts = [`Imported ${merged.added} new symbol${merged.added === 1 ? '' : 's'} from ${file.name}.`];
    if (already > 0) parts.push(`${already} already in the list.`);
    if (merged.skipped) parts.push(`${merged.skipped} left out: the list is full.`);
    setNotice({
      kind: parsed.warnings.length ? 'warn' : 'ok',
      text: [...parts, ...parsed.warnings].join(' '),
    });
  };

  const sources = useMemo(() => {
    const list: Provenance[] = [];
    for (const q of quotes.values()) if (q) list.push(q.provenance);
    for (const i of infos.values()) if (i.membershipProvenance) list.push(i.membershipProvenance);
    return list;
  }, [quotes, infos]);

  const onDrop = (e: DragEvent, index: number) => {
    e.preventDefault();
    const sym = e.dataTransfer?.getData('text/plain') ?? dragging;
    const from = items.findIndex((i) => i.symbol === sym);
    setDragging(null);
    setDropIndex(null);
    if (from >= 0) move(from, index, false);
  };

  return (
    <div class="watchlist" data-testid="watchlist">
      <SymbolCombobox suggest={suggest} onAdd={onAdd} />

      <div class="wl-toolbar" role="group" aria-label="Watchlist tools">
        <span class="small muted" id="wl-sort-label">
          Sort by
        </span>
        {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
          <button
            key={k}
            type="button"
            class="btn btn-small"
            aria-describedby="wl-sort-label"
            disabled={items.length < 2}
            onClick={() => sortBy(k)}
          >
            {SORT_LABELS[k]}
          </button>
        ))}
        <span class="wl-toolbar-spacer" />
        <button
          type="button"
          class="btn btn-small"
          disabled={items.length === 0}
          onClick={() => downloadText(watchlistToCsv(items), exportFileName(), 'text/csv')}
        >
          Export CSV
        </button>
        <button type="button" class="btn btn-small" onClick={() => fileInput.current?.click()}>
          Import CSV
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          class="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          aria-label="Watchlist CSV file"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const f = input.files?.[0];
            input.value = '';
            if (f) void importFile(f);
          }}
        />
      </div>

      {notice ? (
        <div
          class={`notice notice-${notice.kind} wl-notice`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}{' '}
          <button type="button" class="btn-link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {undo ? (
        <div class="notice wl-notice" role="status">
          Removed {undo.item.symbol}.{' '}
          <button type="button" class="btn-link" onClick={undoRemove}>
            Undo
          </button>
        </div>
      ) : null}

      {items.length === 0 ? (
        <EmptyState title="Your watchlist is empty.">
          Add a symbol above, pin one from the popup or a news page, or import a CSV file.
        </EmptyState>
      ) : (
        <ol class="wl-list" aria-label={`Watchlist, ${items.length} symbol${items.length === 1 ? '' : 's'}`}>
          {items.map((item, index) => {
            const info = infos.get(item.symbol);
            const quote = quotes.get(item.symbol);
            const change = membershipChange(item, info);
            const up = (quote?.changePct ?? 0) >= 0;
            return (
              <li
                key={item.symbol}
                data-testid={`watchlist-row-${item.symbol}`}
                class={`wl-row${dragging === item.symbol ? ' dragging' : ''}${dropIndex === index ? ' drop-target' : ''}`}
                onDragOver={(e) => {
                  e.preventDefault();
                  if (dropIndex !== index) setDropIndex(index);
                }}
                onDragLeave={() => setDropIndex((d) => (d === index ? null : d))}
                onDrop={(e) => onDrop(e, index)}
              >
                <button
                  type="button"
                  class="wl-handle btn-quiet"
                  draggable
                  ref={(el) => {
                    if (el) handles.current.set(item.symbol, el);
                    else handles.current.delete(item.symbol);
                  }}
                  aria-label={`Reorder ${item.symbol}, position ${index + 1} of ${items.length}`}
                  aria-describedby="wl-move-hint"
                  onDragStart={(e) => {
                    e.dataTransfer?.setData('text/plain', item.symbol);
                    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
                    const row = (e.currentTarget as HTMLElement).closest('li');
                    if (row && e.dataTransfer) e.dataTransfer.setDragImage(row, 12, 12);
                    setDragging(item.symbol);
                  }}
                  onDragEnd={() => {
                    setDragging(null);
                    setDropIndex(null);
                  }}
                  onKeyDown={(e) => {
                    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                    e.preventDefault();
                    move(index, e.key === 'ArrowUp' ? index - 1 : index + 1, true);
                  }}
                >
                  <span aria-hidden="true">⠿</span>
                </button>
                <div class="wl-id">
                  <div class="wl-symbol-line">
                    <span class="wl-symbol">{item.symbol}</span>
                    <TickerBadge info={info} />
                  </div>
                  <div class="wl-name small muted">{info?.name ?? (info ? 'Name unknown' : '')}</div>
                </div>
                <div class="wl-quote num">
                  {quote === undefined ? (
                    <span class="skeleton wl-skel" aria-label="Loading price" role="img" />
                  ) : quote === null ? (
                    <span class="small muted">No price</span>
                  ) : (
                    <>
                      <div
                        class="wl-last"
                        title={`${quote.provenance.label}, as of ${formatDate(quote.provenance.asOf)}`}
                      >
                        {formatPrice(quote.last, quote.currency)}
                      </div>
                      <div class={`wl-change small ${up ? 'up' : 'down'}`}>
                        <span aria-hidden="true">{quote.changePct === null ? '' : up ? '▲ ' : '▼ '}</span>
                        {quote.change === null ? '—' : formatSigned(quote.change)} (
                        {formatPercent(quote.changePct, 2, true)})
                      </div>
                      {quote.stale ? <StaleBadge title="Price is older than the last trading day" /> : null}
                    </>
                  )}
                </div>
                <div class="wl-spark">
                  {quote && quote.close.length >= 2 ? (
                    <Sparkline
                      x={quote.x}
                      values={quote.close}
                      label={`${item.symbol} recent closes`}
                      summary={sparkSummary(item.symbol, quote)}
                      width={60}
                    />
                  ) : null}
                </div>
                <button
                  type="button"
                  class="btn btn-small btn-quiet wl-remove"
                  aria-label={`Remove ${item.symbol} from the watchlist`}
                  onClick={() => void remove(index)}
                >
                  <span aria-hidden="true">✕</span>
                </button>
                {change ? (
                  <p class="wl-flag small">
                    <span aria-hidden="true">⚑ </span>
                    {change}
                  </p>
                ) : null}
                <NoteField
                  symbol={item.symbol}
                  note={item.note}
                  onCommit={(note) =>
                    void save(setNote(items, item.symbol, note), `Note for ${item.symbol} saved.`)
                  }
                />
              </li>
            );
          })}
        </ol>
      )}
      <p id="wl-move-hint" class="sr-only">
        Press Alt plus Up or Down arrow to move this symbol, or drag it.
      </p>
      <div class="sr-only" aria-live="polite" role="status">
        {announce}
      </div>
      {sources.length ? (
        <div class="wl-sources small muted">
          <ProvenanceLines items={sources} label="Sources" />
        </div>
      ) : null}
    </div>
  );
}

/** A note input that saves on Enter or when focus leaves, and reverts on Escape. */
function NoteField({
  symbol,
  note,
  onCommit,
}: {
  symbol: string;
  note: string;
  onCommit: (n: string) => void;
}) {
  const [value, setValue] = useState(note);
  useEffect(() => setValue(note), [note]);
  const commit = () => {
    if (value !== note) onCommit(value);
  };
  return (
    <input
      type="text"
      class="wl-note"
      maxLength={500}
      aria-label={`Note for ${symbol}`}
      placeholder="Add a note"
      value={value}
      onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setValue(note);
      }}
    />
  );
}
