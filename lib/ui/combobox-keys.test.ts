import { describe, expect, it } from 'vitest';
import { comboKey } from './combobox-keys';

describe('combobox keys', () => {
  it('opens and wraps with the arrows', () => {
    expect(comboKey('ArrowDown', -1, 3, false)).toEqual({ active: 0, action: 'open', handled: true });
    expect(comboKey('ArrowDown', 2, 3, true).active).toBe(0);
    expect(comboKey('ArrowUp', 0, 3, true).active).toBe(2);
    expect(comboKey('ArrowUp', -1, 3, false)).toEqual({ active: 2, action: 'open', handled: true });
    expect(comboKey('ArrowDown', -1, 0, false).active).toBe(-1);
  });
  it('selects the highlighted option or submits the typed text', () => {
    expect(comboKey('Enter', 1, 3, true).action).toBe('select');
    expect(comboKey('Enter', -1, 3, true).action).toBe('submit');
    expect(comboKey('Enter', 1, 3, false).action).toBe('submit');
  });
  it('closes on Escape and Tab, leaving Tab to move focus', () => {
    expect(comboKey('Escape', 1, 3, true)).toEqual({ active: -1, action: 'close', handled: true });
    expect(comboKey('Escape', -1, 3, false).handled).toBe(false);
    expect(comboKey('Tab', 1, 3, true)).toEqual({ active: -1, action: 'close', handled: false });
    expect(comboKey('a', 1, 3, true)).toEqual({ active: 1, action: 'none', handled: false });
  });
});
