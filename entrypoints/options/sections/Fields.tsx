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
