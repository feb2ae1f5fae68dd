// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount, settle } from '../test/preact-dom';
import { useResolvedTheme } from './use-resolved-theme';

function ThemeName() {
  return <span>{useResolvedTheme()}</span>;
}

describe('useResolvedTheme', () => {
  it('re-renders when html[data-theme] changes (charts redraw their colours)', async () => {
    document.documentElement.dataset.theme = 'light';
    const root = await mount(<ThemeName />);
    expect(root.textContent).toBe('light');
    document.documentElement.dataset.theme = 'dark';
    await settle();
    expect(root.textContent).toBe('dark');
  });
});
