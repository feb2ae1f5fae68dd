/** Options › Appearance: the theme (system, light or dark). */
import type { Settings } from '../../../lib/storage';
import { Radios, Section, type SectionProps } from './Fields';

const THEMES: Array<[Settings['theme'], string]> = [
  ['auto', 'Match the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

export function AppearanceSection({ s, save }: SectionProps) {
  return (
    <Section id="appearance" title="Appearance">
      <fieldset class="field">
        <legend>Theme</legend>
        <Radios
          name="theme"
          options={THEMES}
          value={s.theme}
          onChange={(theme, label) => void save({ theme }, `Theme: ${label}.`)}
        />
      </fieldset>
    </Section>
  );
}
