/** Options › Data sources: which sources may be contacted, and how often the background looks. */
import { SOURCE_IDS, SOURCE_LABELS } from '../../../lib/core/sources';
import { Check, Section, type SectionProps } from './Fields';

// How often the background checks which sources are due; each source keeps its own cadence
// (holdings daily after the close, futures and markets hourly: lib/engine/cadence.ts).
const CADENCES: Array<[number, string]> = [
  [15, 'Every 15 minutes'],
  [30, 'Every 30 minutes'],
  [60, 'Every hour'],
  [180, 'Every 3 hours'],
  [360, 'Every 6 hours'],
  [1440, 'Once a day'],
];

export function SourcesSection({ s, save }: SectionProps) {
  return (
    <Section id="sources" title="Data sources">
      <fieldset class="field">
        <legend>Fetch from</legend>
        <p class="muted small">
          A source that is off is never contacted; figures that depend on it show as unknown.
        </p>
        {SOURCE_IDS.map((id) => {
          const label = SOURCE_LABELS[id];
          return (
            <Check
              key={id}
              id={`source-${id}`}
              checked={s.sources[id]}
              label={label}
              onChange={(v) =>
                void save({ sources: { ...s.sources, [id]: v } }, `${label} turned ${v ? 'on' : 'off'}.`)
              }
            />
          );
        })}
      </fieldset>
      <div class="field">
        <label for="cadence">Refresh data</label>
        <select
          id="cadence"
          value={String(s.refreshMinutes)}
          onChange={(e) =>
            void save({ refreshMinutes: Number((e.currentTarget as HTMLSelectElement).value) })
          }
        >
          {CADENCES.some(([m]) => m === s.refreshMinutes) ? null : (
            <option value={String(s.refreshMinutes)}>Every {s.refreshMinutes} minutes</option>
          )}
          {CADENCES.map(([m, label]) => (
            <option key={m} value={String(m)}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </Section>
  );
}
