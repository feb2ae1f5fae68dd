import type { SourceStatus } from '../lib/view-models';
import { formatAgo, formatAsOf } from '../lib/core/format';
import { commonFailure } from '../lib/ui/freshness-words';
import { SOURCE_STATE_GLYPH, SOURCE_STATE_TEXT, STALE_TITLE } from '../lib/ui/signal-words';
import './components.css';

/** The one line a reader needs per source: state, and the date of the data we show. */
function sourceLine(s: SourceStatus): string {
  const data = s.asOf
    ? `${s.usingBundled ? 'bundled data' : 'data'} ${formatAsOf(s.asOf)}`
    : s.usingBundled
      ? 'bundled data'
      : 'no data yet';
  const tried = s.state === 'error' || s.state === 'stale' ? ` · tried ${formatAgo(s.lastAttempt)}` : '';
  return `${data}${tried}`;
}

/** The raw error, for someone debugging: behind Details, never the default view. */
function rawError(s: SourceStatus): string | null {
  if (!s.error) return null;
  return (
    s.error.message +
    (s.error.status ? ` (HTTP ${s.error.status})` : '') +
    (s.error.retryAfterSec ? ` · retry in ${Math.ceil(s.error.retryAfterSec / 60)} min` : '')
  );
}

/**
 * Freshness of every data source: one "offline" banner when every source failed for the same
 * reason, then one line per source; raw errors behind Details.
 */
export function SourceStatusList({ statuses }: { statuses: SourceStatus[] }) {
  if (statuses.length === 0) return <p class="muted">No sources reported yet.</p>;
  const common = commonFailure(statuses);
  const errors = statuses.filter((s) => s.error);
  return (
    <div class="source-status">
      {common ? (
        <p class="notice notice-warn source-common" data-testid="sources-offline">
          {common}
        </p>
      ) : null}
      <ul class="source-list">
        {statuses.map((s) => (
          <li key={s.id} class={`source-row source-row-${s.state}`}>
            <span class="source-label">{s.label}</span>
            <span class={`source-state source-state-${s.state}`}>
              <span aria-hidden="true">{SOURCE_STATE_GLYPH[s.state]} </span>
              {SOURCE_STATE_TEXT[s.state]}
            </span>
            {s.dataStale && s.state !== 'stale' ? (
              <span class="stale-badge" title={STALE_TITLE}>
                Stale data
              </span>
            ) : null}
            <span class="source-meta small muted">{sourceLine(s)}</span>
          </li>
        ))}
      </ul>
      {errors.length > 0 ? (
        <details class="source-errors">
          <summary class="small">
            Details ({errors.length === 1 ? '1 error' : `${errors.length} errors`})
          </summary>
          <ul class="source-error-list small">
            {errors.map((s) => (
              <li key={s.id}>
                <strong>{s.label}:</strong> <span class="source-error">{rawError(s)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
