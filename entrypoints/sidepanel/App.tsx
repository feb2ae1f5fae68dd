import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TickerInfo, TickerQuote, WatchlistItem } from '../../lib/view-models';
import { send } from '../../lib/messaging';
import { errorText, LOADING, type Load } from '../../lib/ui/load-state';
import { watchStorageKeys } from '../../lib/ui/storage-watch';
import { applyTheme } from '../../lib/ui/theme';
import { Watchlist } from '../../components/Watchlist';
import { EvidenceContext, EvidenceList, useEvidenceState } from '../../components/WhatHappenedNext';
import { AlertLog } from '../../components/AlertLog';
import type { Suggestion } from '../../components/SymbolCombobox';
import './sidepanel.css';

interface ListState {
  items: WatchlistItem[];
  syncError: string | null;
}

/** How many quotes are fetched at once (the background rate-limits its own sources). */
const QUOTE_CONCURRENCY = 4;

export function App() {
  const [list, setList] = useState<Load<ListState>>(LOADING);
  const [infos, setInfos] = useState<ReadonlyMap<string, TickerInfo>>(new Map());
  const [quotes, setQuotes] = useState<ReadonlyMap<string, TickerQuote | null>>(new Map());
  const [infoError, setInfoError] = useState<string | null>(null);
  // Symbols whose info/quote was already requested, so a storage change refetches only new rows.
  const requested = useRef({ infos: new Set<string>(), quotes: new Set<string>() });

  const loadDetails = useCallback(async (symbols: string[], force = false) => {
    const req = requested.current;
    const needInfo = symbols.filter((s) => force || !req.infos.has(s));
    const needQuote = symbols.filter((s) => force || !req.quotes.has(s));
    needInfo.forEach((s) => req.infos.add(s));
    needQuote.forEach((s) => req.quotes.add(s));
    if (needInfo.length) {
      send('getTickerInfos', { symbols: needInfo })
        .then((got) => {
          setInfoError(null);
          setInfos((m) => {
            const next = new Map(m);
            for (const i of got) next.set(i.symbol, i);
            return next;
          });
        })
        .catch((e: unknown) => {
          needInfo.forEach((s) => req.infos.delete(s));
          setInfoError(`Index membership could not be loaded: ${errorText(e)}`);
        });
    }
    let next = 0;
    const worker = async () => {
      while (next < needQuote.length) {
        const symbol = needQuote[next++]!;
        let q: TickerQuote | null;
        try {
          q = await send('getQuote', { symbol });
        } catch {
          q = null; // shown as "No price"; the source status explains why
        }
        setQuotes((m) => new Map(m).set(symbol, q));
      }
    };
    await Promise.all(Array.from({ length: QUOTE_CONCURRENCY }, worker));
  }, []);

  const loadList = useCallback(async () => {
    try {
      const w = await send('getWatchlist', {});
      setList({ status: 'ok', data: w });
      void loadDetails(w.items.map((i) => i.symbol));
    } catch (e) {
      setList((prev) => (prev.status === 'ok' ? prev : { status: 'error', error: errorText(e) }));
    }
  }, [loadDetails]);

  useEffect(() => {
    send('getSettings', {})
      .then((s) => applyTheme(s.theme))
      .catch(() => undefined); // the OS theme stays in effect
    void loadList();
    // Pins from the popup or a news page, and other devices' sync, land here live.
    return watchStorageKeys(['watchlist', 'watchlistSyncError', 'settings'], (keys) => {
      if (keys.includes('settings')) {
        send('getSettings', {})
          .then((s) => applyTheme(s.theme))
          .catch(() => undefined);
      }
      if (keys.some((k) => k !== 'settings')) void loadList();
    });
  }, [loadList]);

  const onSave = async (items: WatchlistItem[]): Promise<string | null> => {
    const prev = list;
    if (prev.status === 'ok') setList({ status: 'ok', data: { ...prev.data, items } }); // optimistic
    // The rows this edit started from: a pin that lands meanwhile is kept, not overwritten.
    const base = prev.status === 'ok' ? prev.data.items.map((i) => i.symbol) : undefined;
    try {
      const saved = await send('setWatchlist', { items, base });
      setList({ status: 'ok', data: saved });
      void loadDetails(saved.items.map((i) => i.symbol));
      return null;
    } catch (e) {
      setList(prev);
      return errorText(e);
    }
  };

  const onAdd = async (symbol: string): Promise<string | null> => {
    try {
      const r = await send('pin', { symbol });
      if (!r.added) return `${symbol.toUpperCase()} is already in the watchlist.`;
      await loadList();
      return null;
    } catch (e) {
      return errorText(e);
    }
  };

  const onRemove = async (symbol: string): Promise<string | null> => {
    try {
      await send('unpin', { symbol });
      await loadList();
      return null;
    } catch (e) {
      return errorText(e);
    }
  };

  const suggest = useCallback((query: string): Promise<Suggestion[]> => send('suggest', { query }), []);
  const evidence = useEvidenceState(
    useCallback(() => send('getEvidence', {}), []),
    useCallback(() => send('takeEvidenceFocus', {}), []),
  );

  const refreshPrices = () => {
    if (list.status !== 'ok') return;
    setQuotes(new Map());
    void loadDetails(
      list.data.items.map((i) => i.symbol),
      true,
    );
  };

  return (
    <div class="panel">
      <header class="panel-header">
        <h1>Watchlist</h1>
        <button
          type="button"
          class="btn btn-small"
          onClick={refreshPrices}
          disabled={list.status !== 'ok' || list.data.items.length === 0}
        >
          <span aria-hidden="true">↻</span> Prices
        </button>
      </header>
      <main class="panel-main">
        {list.status === 'loading' ? (
          <div aria-busy="true">
            <p class="sr-only">Loading the watchlist…</p>
            {[0, 1, 2].map((i) => (
              <span key={i} class="skeleton" style={{ height: '36px' }} aria-hidden="true" />
            ))}
          </div>
        ) : list.status === 'error' ? (
          <div class="notice notice-error" role="alert">
            <strong>The watchlist could not be loaded.</strong> {list.error}{' '}
            <button type="button" class="btn-link" onClick={() => void loadList()}>
              Try again
            </button>
          </div>
        ) : (
          <>
            {list.data.syncError ? (
              <div class="notice notice-warn sync-error" role="status">
                <strong>Not synced:</strong> {list.data.syncError}
              </div>
            ) : null}
            {infoError ? (
              <div class="notice notice-warn" role="status">
                {infoError}
              </div>
            ) : null}
            <Watchlist
              items={list.data.items}
              infos={infos}
              quotes={quotes}
              onSave={onSave}
              onAdd={onAdd}
              onRemove={onRemove}
              suggest={suggest}
            />
          </>
        )}
        <EvidenceContext.Provider value={evidence}>
          <EvidenceList />
        </EvidenceContext.Provider>
        <AlertLog />
      </main>
    </div>
  );
}
