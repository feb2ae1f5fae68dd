import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageTicker, SignalCard, SourceStatus, TickerInfo } from '../../lib/view-models';
import { send } from '../../lib/messaging';
import type { Settings } from '../../lib/storage';
import { errorText, LOADING, toLoad, type Load } from '../../lib/ui/load-state';
import { mentionsText, sortPageTickers } from '../../lib/ui/page-tickers';
import { SignalCardView } from '../../components/SignalCardView';
import { EvidenceContext, useEvidenceState } from '../../components/WhatHappenedNext';
import { DataBanner } from '../../components/DataBanner';
import { freshnessBanner } from '../../lib/ui/freshness-words';
import { IndexLegend, ShortcutHint } from '../../components/Legend';
import { sourceSummary } from '../../lib/ui/signal-words';
import { isCuratedHost, toggleHost, webHostOf } from '../../lib/sites';
import { SourceStatusList } from '../../components/SourceStatusList';
import { watchStorageKeys } from '../../lib/ui/storage-watch';
import { applyTheme } from '../../lib/ui/theme';
import { TickerBadge } from '../../components/TickerBadge';
import './popup.css';
import { takeEarlyCard, takeSettledCard } from './early-card';

interface ActiveTab {
  id: number | null;
  windowId: number | null;
  host: string | null;
}

const PAGE_LIST_LIMIT = 25;

/** Minimal shape of Firefox's sidebar API (absent from the Chrome-based typings). */
type SidebarAction = { sidebarAction?: { open(): Promise<void> } };

export function App() {
  // The card is usually in before the first render (popup-early.js asked while the page parsed).
  const [initialCard] = useState(takeSettledCard);
  const [card, setCard] = useState<Load<SignalCard>>(initialCard ?? LOADING);
  const [statuses, setStatuses] = useState<Load<SourceStatus[]>>(LOADING);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [tickers, setTickers] = useState<Load<PageTicker[]>>(LOADING);
  const [infos, setInfos] = useState<ReadonlyMap<string, TickerInfo>>(new Map());
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const [status, setStatus] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);

  const evidence = useEvidenceState(
    useCallback(() => send('getEvidence', {}), []),
    useCallback(() => send('takeEvidenceFocus', {}), []),
  );

  const loadSettings = useCallback(async () => {
    try {
      const s = await send('getSettings', {});
      setSettings(s);
      applyTheme(s.theme);
    } catch (e) {
      setActionError(`Settings could not be read: ${errorText(e)}`);
    }
  }, []);

  const loadCard = useCallback(async () => {
    setCard(await toLoad(takeEarlyCard() ?? send('getSignalCard', {})));
  }, []);

  const loadStatuses = useCallback(async () => {
    setStatuses(await toLoad(send('getSourceStatus', {})));
  }, []);

  useEffect(() => {
    void loadSettings();
    if (!initialCard) void loadCard();
    void loadStatuses();
    send('getWatchlist', {})
      .then((w) => setPinned(new Set(w.items.map((i) => i.symbol))))
      .catch(() => undefined); // pin buttons still work; they just can't show "Pinned" up front
    void (async () => {
      const [t] = await browser.tabs.query({ active: true, currentWindow: true });
      const active: ActiveTab = { id: t?.id ?? null, windowId: t?.windowId ?? null, host: webHostOf(t?.url) };
      setTab(active);
      if (active.id === null || active.host === null) {
        setTickers({ status: 'ok', data: [] });
        return;
      }
      const found = await toLoad(send('getTabTickers', { tabId: active.id }));
      setTickers(found);
      if (found.status === 'ok' && found.data.length) {
        const symbols = sortPageTickers(found.data)
          .slice(0, 500)
          .map((p) => p.symbol);
        send('getTickerInfos', { symbols })
          .then((list) => setInfos(new Map(list.map((i) => [i.symbol, i]))))
          .catch(() => undefined); // badges fall back to the page ticker's yes/no
      }
    })().catch((e: unknown) => setTickers({ status: 'error', error: errorText(e) }));
    return watchStorageKeys(['settings'], () => void loadSettings());
  }, [loadSettings, loadCard, loadStatuses, initialCard]);

  const refresh = async () => {
    setRefreshing(true);
    setStatus('Refreshing data…');
    setActionError(null);
    try {
      const next = await send('refresh', { force: true });
      setStatuses({ status: 'ok', data: next });
      await loadCard();
      setStatus('Data refreshed.');
    } catch (e) {
      setActionError(`Refresh failed: ${errorText(e)}`);
      setStatus('');
    } finally {
      setRefreshing(false);
    }
  };

  const pin = async (symbol: string) => {
    try {
      const r = await send('pin', { symbol });
      setPinned((p) => new Set([...p, symbol]));
      setStatus(r.added ? `${symbol} pinned to your watchlist.` : `${symbol} was already in your watchlist.`);
    } catch (e) {
      setActionError(`Could not pin ${symbol}: ${errorText(e)}`);
    }
  };

  const setPaused = async (paused: boolean) => {
    if (!settings || !tab?.host) return;
    try {
      const next = await send('setSettings', {
        patch: { pausedSites: toggleHost(settings.pausedSites, tab.host, paused) },
      });
      setSettings(next);
      setStatus(
        paused ? `Paused on ${tab.host}. Reload the page to remove underlines.` : `On again for ${tab.host}.`,
      );
    } catch (e) {
      setActionError(`Could not change the setting: ${errorText(e)}`);
    }
  };

  const openPanel = () => {
    setActionError(null);
    // Called straight from the click: both browsers only open panels during a user gesture.
    const fail = (e: unknown) => setActionError(`Could not open the side panel: ${errorText(e)}`);
    const done = () => window.close();
    if (browser.sidePanel?.open && tab?.windowId != null) {
      browser.sidePanel
        .open({ windowId: tab.windowId })
        .then(done, () => send('openSidePanel', {}).then(done, fail));
      return;
    }
    const sidebar = (browser as unknown as SidebarAction).sidebarAction;
    if (sidebar) {
      sidebar.open().then(done, fail);
      return;
    }
    send('openSidePanel', {}).then(done, fail);
  };

  const paused = !!(settings && tab?.host && settings.pausedSites.includes(tab.host));
  const banner = freshnessBanner(
    card.status === 'ok' ? card.data : null,
    statuses.status === 'ok' ? statuses.data : null,
  );
  const siteOn =
    !!tab?.host && (isCuratedHost(tab.host) || !!settings?.extraSites.some((o) => webHostOf(o) === tab.host));

  return (
    <div class="popup">
      <header class="popup-header">
        <h1>
          <span class="brand-mark" aria-hidden="true">
            ◧
          </span>{' '}
          Small-Cap Lens
        </h1>
        <button
          type="button"
          class="btn btn-small"
          onClick={() => void refresh()}
          disabled={refreshing}
          aria-describedby="refresh-hint"
        >
          <span aria-hidden="true" class={refreshing ? 'spin' : ''}>
            ↻
          </span>
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
        <span id="refresh-hint" class="sr-only">
          Fetches every data source again
        </span>
      </header>

      <main class="popup-main">
        <div class="sr-only" role="status" aria-live="polite">
          {status}
        </div>
        {actionError ? (
          <div class="notice notice-error" role="alert">
            {actionError}
          </div>
        ) : null}

        {banner ? <DataBanner banner={banner} retrying={refreshing} onRetry={() => void refresh()} /> : null}

        <section class="popup-section" data-testid="page-tickers" aria-labelledby="page-tickers-h">
          <h2 id="page-tickers-h">On this page</h2>
          <PageTickers
            tab={tab}
            tickers={tickers}
            infos={infos}
            pinned={pinned}
            paused={paused}
            siteOn={siteOn}
            showAll={showAll}
            onShowAll={() => setShowAll(true)}
            onPin={(s) => void pin(s)}
          />
          <ShortcutHint />
        </section>

        <section
          class="popup-section"
          data-testid="signal-card"
          aria-busy={card.status === 'loading'}
          aria-label="Small-cap backdrop"
        >
          {card.status === 'loading' ? (
            <div>
              <h2>Small-cap backdrop</h2>
              <p class="sr-only">Loading the signal card…</p>
              {[0, 1, 2, 3].map((i) => (
                <div key={i} class="skeleton-factor" aria-hidden="true">
                  <span class="skeleton" style={{ width: '40%' }} />
                  <span class="skeleton" style={{ width: '70%', height: '16px' }} />
                  <span class="skeleton" style={{ width: '100%', height: '48px' }} />
                </div>
              ))}
            </div>
          ) : card.status === 'error' ? (
            <div>
              <h2>Small-cap backdrop</h2>
              <div class="notice notice-error" role="alert">
                <strong>The signal card could not be built.</strong> {card.error}
              </div>
              <button type="button" class="btn btn-small retry" onClick={() => void loadCard()}>
                Try again
              </button>
            </div>
          ) : (
            <EvidenceContext.Provider value={evidence}>
              <SignalCardView card={card.data} />
            </EvidenceContext.Provider>
          )}
          <IndexLegend />
        </section>

        <section class="popup-section" data-testid="source-status" aria-labelledby="sources-h">
          <details>
            <summary>
              <h2 id="sources-h" class="inline-heading">
                Data sources
              </h2>{' '}
              <span class="small muted">
                {statuses.status === 'ok'
                  ? sourceSummary(statuses.data.map((s) => s.state))
                  : statuses.status === 'loading'
                    ? 'loading…'
                    : 'status unavailable'}
              </span>
            </summary>
            {statuses.status === 'ok' ? (
              <SourceStatusList statuses={statuses.data} />
            ) : statuses.status === 'error' ? (
              <p class="error-text">{statuses.error}</p>
            ) : (
              <span class="skeleton" aria-hidden="true" />
            )}
          </details>
        </section>
      </main>

      <footer class="popup-footer">
        {tab?.host ? (
          <label class="toggle">
            <input
              type="checkbox"
              checked={paused}
              disabled={!settings}
              onChange={(e) => void setPaused((e.currentTarget as HTMLInputElement).checked)}
            />
            <span>
              Pause on <span class="host">{tab.host}</span>
            </span>
          </label>
        ) : null}
        <nav class="popup-links" aria-label="More">
          <button type="button" class="btn btn-small" onClick={openPanel}>
            Open watchlist
          </button>
          <button
            type="button"
            class="btn btn-small"
            onClick={() =>
              void browser.runtime.openOptionsPage().catch((e: unknown) => setActionError(errorText(e)))
            }
          >
            Options
          </button>
        </nav>
      </footer>
    </div>
  );
}

interface PageTickersProps {
  tab: ActiveTab | null;
  tickers: Load<PageTicker[]>;
  infos: ReadonlyMap<string, TickerInfo>;
  pinned: ReadonlySet<string>;
  paused: boolean;
  siteOn: boolean;
  showAll: boolean;
  onShowAll: () => void;
  onPin: (symbol: string) => void;
}

function PageTickers({
  tab,
  tickers,
  infos,
  pinned,
  paused,
  siteOn,
  showAll,
  onShowAll,
  onPin,
}: PageTickersProps) {
  if (tickers.status === 'loading' || tab === null) {
    return (
      <div aria-hidden="true">
        <span class="skeleton" style={{ width: '60%' }} />
        <span class="skeleton" style={{ width: '45%' }} />
      </div>
    );
  }
  if (tickers.status === 'error') {
    return <p class="error-text">Could not read this page's tickers: {tickers.error}</p>;
  }
  if (!tab.host)
    return <p class="muted">Small-Cap Lens can't read this kind of page (browser or extension page).</p>;
  if (tickers.data.length === 0) {
    if (paused) return <p class="muted">Paused on this site.</p>;
    if (!siteOn) {
      return (
        <p class="muted">
          This site isn't on. Add it under <strong>Options → Sites</strong> to find tickers here.
        </p>
      );
    }
    return <p class="muted">No tickers found on this page yet.</p>;
  }
  const sorted = sortPageTickers(tickers.data);
  const shown = showAll ? sorted : sorted.slice(0, PAGE_LIST_LIMIT);
  const r2k = sorted.filter((t) => t.russell2000).length;
  return (
    <>
      <p class="small muted">
        {sorted.length} ticker{sorted.length === 1 ? '' : 's'}, {r2k} in the Russell 2000.
      </p>
      <ul class="page-tickers">
        {shown.map((t) => {
          const isPinned = pinned.has(t.symbol);
          const info = infos.get(t.symbol);
          return (
            <li key={t.symbol} class="page-ticker">
              <span class="pt-symbol">{t.symbol}</span>
              <span class="pt-name small muted">
                {info?.name ?? t.name ?? (t.listed ? '' : 'not a US listing')}
              </span>
              <TickerBadge info={info} russell2000Hint={t.russell2000} />
              <span class="pt-count small muted num">{mentionsText(t.count)}</span>
              <button
                type="button"
                class="btn btn-small pt-pin"
                aria-label={isPinned ? `${t.symbol} is pinned` : `Pin ${t.symbol} to the watchlist`}
                aria-disabled={isPinned}
                onClick={() => !isPinned && onPin(t.symbol)}
              >
                {isPinned ? 'Pinned' : 'Pin'}
              </button>
            </li>
          );
        })}
      </ul>
      {shown.length < sorted.length ? (
        <button type="button" class="btn-link small" onClick={onShowAll}>
          Show all {sorted.length}
        </button>
      ) : null}
    </>
  );
}
