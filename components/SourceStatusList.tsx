import type { SourceStatus } from '../lib/model';
import { formatAge, formatAgo, formatAsOf } from '../lib/core/format';
import { SOURCE_STATE_GLYPH, SOURCE_STATE_TEXT, STALE_TITLE } from './signal';
import './components.css';

/** Freshness of every data source, in words: state, data date, last attempt, error, fallback. */
export function SourceStatusList({ statuses }: { statuses: SourceStatus[] }) {
  if (statuses.length === 0) return <p class="muted">No sources reported yet.</p>;
  return (
    <ul class="source-list">
      {statuses.map((s) => (
        <li key={s.id} class={`source-row source-row-${s.state}`}>
          <div class="source-line">
            <strong class="source-label">{s.label}</strong>
            <span class={`source-state source-state-${s.state}`}>
              <span aria-hidden="true">{SOURCE_STATE_GLYPH[s.state]} </span>
              {SOURCE_STATE_TEXT[s.state]}
            </span>
            {s.dataStale && s.state !== 'stale' ? (
              <span class="stale-badge" title={STALE_TITLE}>
                Stale data
              </span>
            ) : null}
          </div>
          <div class="source-meta small muted">
            {s.asOf ? `Data ${formatAsOf(s.asOf)} (${formatAge(s.asOf)})` : 'No data yet'}
            {' · '}
            {s.lastAttempt ? `last tried ${formatAgo(s.lastAttempt)}` : 'not tried yet'}
            {s.lastSuccess && s.lastSuccess !== s.lastAttempt
              ? ` · last success ${formatAgo(s.lastSuccess)}`
              : ''}
          </div>
          {s.error ? (
            <div class="source-error small">
              {s.error.message}
              {s.error.status ? ` (HTTP ${s.error.status})` : ''}
              {s.error.retryAfterSec ? ` · retry in ${Math.ceil(s.error.retryAfterSec / 60)} min` : ''}
            </div>
          ) : null}
          {s.usingBundled ? <div class="source-bundled small">Showing bundled data</div> : null}
        </li>
      ))}
    </ul>
  );
}
