/** Keyboard helpers: the step shortcut (Alt+Shift+K, as the manifest command) and editable targets. */

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** Alt+Shift+K. `code`, not `key`: with Alt held, macOS layouts turn K into another character. */
export function isStepKey(e: KeyLike): boolean {
  return (
    e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyK' || e.key.toLowerCase() === 'k')
  );
}

/** Typing targets: shortcuts never fire there (the user is writing, maybe "$SPY"). */
export function isEditableTarget(t: EventTarget | null): boolean {
  if (!t || typeof (t as Element).closest !== 'function') return false;
  const el = t as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'range', 'color', 'file'].includes(
      type,
    );
  }
  return !!el.closest('[role="textbox"], [contenteditable]:not([contenteditable="false"])');
}

/** The message the background may forward for the `next-ticker` command. */
export interface StepMessage {
  scl: 1;
  type: 'nextTicker';
}

export function isStepMessage(m: unknown): m is StepMessage {
  return (
    !!m && typeof m === 'object' && (m as StepMessage).scl === 1 && (m as StepMessage).type === 'nextTicker'
  );
}
