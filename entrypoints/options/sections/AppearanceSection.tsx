/** Options › Appearance: the theme (system, light or dark). */
import { Section, type SectionProps } from './Fields';

export function AppearanceSection({ s, save }: SectionProps) {
  return (
    <Section id="appearance" title="Appearance">
      <fieldset class="field">
        <legend>Theme</legend>
        {(
          [
            ['auto', 'Match the system'],
            ['light', 'Light'],
            ['dark', 'Dark'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} class="radio">
            <input
              type="radio"
              name="theme"
              value={value}
              checked={s.theme === value}
              onChange={() => void save({ theme: value }, `Theme: ${label}.`)}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </Section>
  );
}
