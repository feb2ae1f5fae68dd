/** Options › Hover card: when the card opens, whether tickers are underlined, the legend. */
import { IndexLegend, ShortcutHint } from '../../../components/Legend';
import { Section, SettingCheck, type SectionProps } from './Fields';

export function HoverSection({ s, save }: SectionProps) {
  return (
    <Section id="hover" title="Hover card">
      <div class="field">
        <label for="hover-delay">Delay before the card opens</label>
        <div class="inline">
          <input
            id="hover-delay"
            type="number"
            min={0}
            max={3000}
            step={50}
            value={s.hoverDelayMs}
            aria-describedby="hover-delay-unit"
            onChange={(e) => {
              const v = Number((e.currentTarget as HTMLInputElement).value);
              if (Number.isFinite(v)) void save({ hoverDelayMs: Math.min(3000, Math.max(0, Math.round(v))) });
            }}
          />
          <span id="hover-delay-unit" class="muted">
            milliseconds (0–3000)
          </span>
        </div>
      </div>
      <SettingCheck
        s={s}
        save={save}
        setting="altToHover"
        id="alt-hover"
        label="Open the card only while Alt is held"
        hint="Keeps the card from appearing while you read; hold Alt and point at a ticker."
      />
      <SettingCheck
        s={s}
        save={save}
        setting="underline"
        id="underline"
        label="Underline detected tickers on the page"
        hint="When off, tickers are still listed in the popup."
      />
      <div class="field">
        <h3 class="field-title">Colours and keys</h3>
        <IndexLegend />
        <ShortcutHint />
      </div>
    </Section>
  );
}
