/**
 * The alert log in the side panel: what changed, from → to with the source and as-of date of both
 * readings, a link to the card, and clear / snooze. Opening the log marks its entries seen (the
 * toolbar badge counts down to zero).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AlertRecord, AlertSide } from '../lib/alerts/types';
import { RULE_META } from '../lib/alerts/types';
import { send } from '../lib/messaging';
import { formatDate } from '../lib/core/format';
import { errorText, LOADING, type Load } from '../lib/ui/load-state';
import './alerts.css';

/** How often an open log looks for new alerts (the background writes them after refreshes). */
const POLL_MS = 30_000;

function Side({ label, side }: { label: string; side: AlertSide }) {
  return (
    <div class="alert-side">
      <dt>{label}</dt>
      <dd>
        {side.text}{' '}
        <span class="muted small">
          ({side.source}, as of {formatDate(side.asOf)})
        </span>
      </dd>
    </div>
  );
}

/** The signal card (the popup page, opened in a tab) at the alert's factor. */
function cardHref(a: AlertRecord): string {
  const getURL = browser.runtime.getURL as (path: string) => string;
  return getURL(`/popup.html#factor-${a.target}`);
}

/** Scrolls to the pinned name's row in the watchlist above and focuses it. */
function showRow(symbol: string): void {
  const row = [...document.querySelectorAll<HTMLElement>('[data-testid^="watchlist-row-"]')].find(
    (el) => el.dataset.testid === `watchlist-row-${symbol}`,
  );
  if (!row) return;
  row.scrollIntoView({ block: 'center' });
  if (!row.hasAttribute('tabindex')) row.setAttribute('tabindex', '-1');
  row.focus();
}

export function AlertLog() {
  const [log, setLog] = useState<Load<{ alerts: AlertRecord[]; unseen: number }>>(LOADING);
  const [note, setNote] = useState('');

  const load = useCallback(async () => {
    try {
      const r = await send('getAlerts', {});
      setLog({ status: 'ok', data: r });
      if (r.unseen > 0) await send('markAlertsSeen', {});
    } catch (e) {
      setLog((prev) => (prev.status === 'ok' ? prev : { status: 'error', error: errorText(e) }));
    }
  }, []);

  useEffect(() => {
    void load();
    const t = setInterval(() => void load(), POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(t);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);

  const clear = async (ids?: string[]) => {
    await send('clearAlerts', ids ? { ids } : {});
    setNote(ids ? 'Alert cleared.' : 'Alert log cleared.');
    await load();
  };
  const snooze = async (a: AlertRecord) => {
    await send('snoozeAlertRule', { rule: a.rule, hours: 24 });
    setNote(`“${RULE_META[a.rule].label}” snoozed for a day: its alerts are logged without notifications.`);
  };

  return (
    <section id="alerts" class="alert-log" aria-labelledby="alerts-h" data-testid="alert-log">
      <div class="alert-log-header">
        <h2 id="alerts-h">Alerts</h2>
        {log.status === 'ok' && log.data.alerts.length ? (
          <button type="button" class="btn btn-small" onClick={() => void clear()}>
            Clear all
          </button>
        ) : null}
      </div>
      <p class="sr-only" role="status" aria-live="polite">
        {note}
      </p>
      {log.status === 'loading' ? (
        <p class="muted" aria-busy="true">
          Loading alerts…
        </p>
      ) : log.status === 'error' ? (
        <p class="notice notice-error" role="alert">
          The alert log could not be loaded: {log.error}
        </p>
      ) : log.data.alerts.length === 0 ? (
        <p class="muted small">
          No alerts yet. Rules are checked after each data refresh, from readings kept on this device (Options
          › Alerts).
        </p>
      ) : (
        <ol class="alert-list">
          {log.data.alerts.map((a) => (
            <li key={a.id} class={`alert-item${a.seen ? '' : ' alert-new'}`} data-testid="alert-entry">
              <h3 class="alert-title">
                {a.seen ? null : <span class="sr-only">New: </span>}
                {a.title}
              </h3>
              <dl class="alert-sides">
                {a.from ? <Side label="From" side={a.from} /> : null}
                <Side label={a.from ? 'To' : 'When'} side={a.to} />
              </dl>
              <div class="alert-actions">
                {a.target === 'watchlist' ? (
                  <button type="button" class="btn-link" onClick={() => showRow(a.subject)}>
                    Show {a.subject} in the watchlist
                  </button>
                ) : (
                  <a href={cardHref(a)} target="_blank" rel="noopener">
                    Open the card
                  </a>
                )}
                <button type="button" class="btn-link" onClick={() => void snooze(a)}>
                  Snooze this rule for a day
                </button>
                <button
                  type="button"
                  class="btn-link"
                  aria-label={`Clear: ${a.title}`}
                  onClick={() => void clear([a.id])}
                >
                  Clear
                </button>
              </div>
              {a.snoozed ? <p class="muted small">Logged while its rule was snoozed.</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
