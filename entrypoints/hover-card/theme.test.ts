// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { luminance, pageThemeAt, parseColor, resolveCardTheme, themeFromBackgrounds } from './theme';

describe('parseColor', () => {
  it('reads both rgb syntaxes getComputedStyle returns', () => {
    expect(parseColor('rgb(251, 250, 247)')).toEqual({ r: 251, g: 250, b: 247, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('rgb(18 18 18 / 0.5)')).toEqual({ r: 18, g: 18, b: 18, a: 0.5 });
    expect(parseColor('transparent')?.a).toBe(0);
    expect(parseColor('color(srgb 1 1 1)')).toBeNull();
  });
});

describe('themeFromBackgrounds', () => {
  it('uses the first painted background, innermost first', () => {
    expect(themeFromBackgrounds(['rgba(0, 0, 0, 0)', 'rgb(18, 18, 18)'])).toBe('dark');
    expect(themeFromBackgrounds(['rgba(0, 0, 0, 0)', 'rgb(251, 250, 247)'])).toBe('light');
    expect(themeFromBackgrounds(['rgb(255, 255, 255)', 'rgb(0, 0, 0)'])).toBe('light');
  });
  it('falls back to the canvas when nothing is painted', () => {
    expect(themeFromBackgrounds(['rgba(0, 0, 0, 0)'])).toBe('light');
    expect(themeFromBackgrounds([], true)).toBe('dark');
  });
  it('treats mid greys by perceived lightness', () => {
    expect(luminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
    expect(themeFromBackgrounds(['rgb(60, 60, 60)'])).toBe('dark');
    expect(themeFromBackgrounds(['rgb(200, 200, 200)'])).toBe('light');
  });
});

describe('resolveCardTheme', () => {
  it('lets the user setting win over the page', () => {
    expect(resolveCardTheme('dark', () => 'light')).toBe('dark');
    expect(resolveCardTheme('light', () => 'dark')).toBe('light');
    expect(resolveCardTheme('auto', () => 'dark')).toBe('dark');
  });
});

describe('pageThemeAt', () => {
  afterEach(() => document.body.replaceChildren());

  it('reads the first painted background from the ticker up', () => {
    const dark = document.createElement('section');
    dark.style.backgroundColor = 'rgb(20, 20, 24)';
    const p = document.createElement('p');
    const span = document.createElement('span');
    // Unpainted layers, as a browser computes them (happy-dom computes '' for an unset colour).
    p.style.backgroundColor = 'transparent';
    span.style.backgroundColor = 'rgba(0, 0, 0, 0)';
    dark.append(p);
    p.append(span);
    document.body.append(dark);
    expect(pageThemeAt(span)).toBe('dark');
    dark.style.backgroundColor = 'rgb(250, 250, 250)';
    expect(pageThemeAt(span)).toBe('light');
  });

  it('falls back to the canvas: light unless the page opted into dark only', () => {
    const span = document.createElement('span');
    document.body.append(span);
    expect(pageThemeAt(span)).toBe('light');
    document.documentElement.style.colorScheme = 'dark';
    expect(pageThemeAt(span)).toBe('dark');
    document.documentElement.style.colorScheme = 'light dark';
    expect(pageThemeAt(span)).toBe('light');
    document.documentElement.style.colorScheme = '';
  });
});
