import { describe, expect, it } from 'vitest';
import { isStepKey, isStepMessage } from './keyboard';

const key = (k: Partial<Parameters<typeof isStepKey>[0]>) => ({
  key: 'K',
  code: 'KeyK',
  altKey: true,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  ...k,
});

describe('keyboard', () => {
  it('recognises Alt+Shift+K by key code (macOS Alt changes the character)', () => {
    expect(isStepKey(key({}))).toBe(true);
    expect(isStepKey(key({ key: '' }))).toBe(true);
    expect(isStepKey(key({ altKey: false }))).toBe(false);
    expect(isStepKey(key({ ctrlKey: true }))).toBe(false);
    expect(isStepKey(key({ code: 'KeyJ', key: 'J' }))).toBe(false);
  });
  it('accepts only the forwarded command message', () => {
    expect(isStepMessage({ scl: 1, type: 'nextTicker' })).toBe(true);
    expect(isStepMessage({ scl: 1, type: 'getStrip' })).toBe(false);
    expect(isStepMessage(null)).toBe(false);
  });
});
