/** The pieces every options section is made of: its frame, a checkbox with a hint, a notice. */
import type { ComponentChildren } from 'preact';
import type { Settings } from '../../../lib/storage';

/** What a section gets from the page: the stored settings and the one way to change them. */
export interface SectionProps {
  s: Settings;
  /** Saves a patch through the background; resolves false (and the page says why) on failure. */
  save: (patch: Partial<Settings>, what?: string) => Promise<boolean>;
}

export type Msg = { kind: 'ok' | 'error' | 'warn'; text: string } | null;

export function Notice({ msg }: { msg: Msg }) {
  if (!msg) return null;
  return (
    <p class={`notice notice-${msg.kind}`} role={msg.kind === 'error' ? 'alert' : 'status'}>
      {msg.text}
    </p>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} class="opt-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

export function Check(props: {
  id: string;
  checked: boolean;
  label: string;
  hint?: string;
  onChange: (v: boolean) => void;
}) {
  return (
    <div class="check">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p id={`${props.id}-hint`} class="hint small muted">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

type BooleanSetting = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];

/** A checkbox bound to one on/off setting: shows it, and saves the new value when toggled. */
export function SettingCheck({
  s,
  save,
  setting,
  ...rest
}: SectionProps & { setting: BooleanSetting; id: string; label: string; hint?: string }) {
  return (
    <Check
      {...rest}
      checked={s[setting]}
      onChange={(v) => void save({ [setting]: v } as Partial<Settings>)}
    />
  );
}

/**
 * One text field and its button, sent by Enter or the button; the hint is read with the field,
 * the notice (what became of the last entry) follows it.
 */
export function TextForm(props: {
  msg: Msg;
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  onSubmit: () => void;
  button: string;
  primary?: boolean;
  placeholder?: string;
  hint?: string;
  inputMode?: 'url';
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <>
      <form
        class="field"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <label for={props.id}>{props.label}</label>
        <div class="inline">
          <input
            id={props.id}
            type="text"
            inputMode={props.inputMode}
            placeholder={props.placeholder}
            value={props.value}
            aria-describedby={hintId}
            onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class={props.primary ? 'btn btn-primary' : 'btn'}>
            {props.button}
          </button>
        </div>
        {props.hint ? (
          <p id={hintId} class="hint small muted">
            {props.hint}
          </p>
        ) : null}
      </form>
      <Notice msg={props.msg} />
    </>
  );
}

/** Radio buttons inside their labels; `onChange` gets the chosen value and its label. */
export function Radios<V extends string>(props: {
  name: string;
  options: ReadonlyArray<readonly [V, string]>;
  value: V;
  onChange: (value: V, label: string) => void;
}) {
  return (
    <>
      {props.options.map(([value, label]) => (
        <label key={value} class="radio">
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={props.value === value}
            onChange={() => props.onChange(value, label)}
          />
          {label}
        </label>
      ))}
    </>
  );
}
