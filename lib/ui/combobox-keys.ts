/** Keyboard model of the add-symbol combobox (WAI-ARIA combobox with a listbox popup). */

export type ComboAction = 'none' | 'open' | 'close' | 'select' | 'submit';

/**
 * Next active option index and what to do for a key press. `active` is -1 when no option is
 * highlighted; arrows wrap; Enter picks the highlighted option or submits the typed text.
 */
export function comboKey(
  key: string,
  active: number,
  count: number,
  open: boolean,
): { active: number; action: ComboAction; handled: boolean } {
  switch (key) {
    case 'ArrowDown':
      if (count === 0) return { active: -1, action: 'none', handled: true };
      if (!open) return { active: 0, action: 'open', handled: true };
      return { active: active + 1 >= count ? 0 : active + 1, action: 'none', handled: true };
    case 'ArrowUp':
      if (count === 0) return { active: -1, action: 'none', handled: true };
      if (!open) return { active: count - 1, action: 'open', handled: true };
      return { active: active <= 0 ? count - 1 : active - 1, action: 'none', handled: true };
    case 'Enter':
      return open && active >= 0 && active < count
        ? { active, action: 'select', handled: true }
        : { active: -1, action: 'submit', handled: true };
    case 'Escape':
      return { active: -1, action: open ? 'close' : 'none', handled: open };
    case 'Tab':
      return { active: -1, action: open ? 'close' : 'none', handled: false };
    default:
      return { active, action: 'none', handled: false };
  }
}
