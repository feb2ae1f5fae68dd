// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { applyTheme, cssVar } from './theme';

function systemDark(dark: boolean) {
  const listeners: Array<() => void> = [];
  const mql = { matches: dark, addEventListener: (_: string, f: () => void) => listeners.push(f) };
  vi.stubGlobal('matchMedia', () => mql);
  return (next: boolean) => {
    mql.matches = next;
    for (const f of listeners) f();
  };
}

describe('theme', () => {
  it('an explicit choice wins over the system; auto follows the system as it changes', () => {
    const setSystem = systemDark(true);
    expect(applyTheme('light')).toBe('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    setSystem(false);
    expect(applyTheme('auto')).toBe('light');
    setSystem(true);
    expect(document.documentElement.dataset.theme).toBe('dark');
    applyTheme('light');
    setSystem(false);
    setSystem(true);
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('reads a token from the page, with a fallback when it is not set', () => {
    document.documentElement.style.setProperty('--chart-1', ' #123456 ');
    expect(cssVar('--chart-1', '#000000')).toBe('#123456');
    expect(cssVar('--not-a-token', '#abcdef')).toBe('#abcdef');
  });
});
