/**
 * The card follows the page: a dark page gets a dark card. The page's effective background is
 * the first non-transparent background colour from the ticker's element up to the root.
 */
import type { CardTheme } from '../../lib/lens/card-contract';

/** Parses `rgb(…)` / `rgba(…)` (the form getComputedStyle returns, either syntax); null if unreadable. */
export function parseColor(css: string): { r: number; g: number; b: number; a: number } | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(
    css.trim(),
  );
  if (!m) return css.trim() === 'transparent' ? { r: 0, g: 0, b: 0, a: 0 } : null;
  let a = 1;
  if (m[4] !== undefined) a = m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a };
}

/** WCAG relative luminance, 0 (black) … 1 (white). */
export function luminance(c: { r: number; g: number; b: number }): number {
  const ch = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
}

/**
 * The theme from background colours listed innermost first. Transparent layers are skipped; a
 * page with no painted background shows the canvas, white unless the page opted into dark.
 */
export function themeFromBackgrounds(backgrounds: readonly string[], canvasDark = false): CardTheme {
  for (const bg of backgrounds) {
    const c = parseColor(bg);
    if (!c || c.a < 0.5) continue;
    // 0.18 is about mid-grey (#767676) in perceived lightness.
    return luminance(c) < 0.18 ? 'dark' : 'light';
  }
  return canvasDark ? 'dark' : 'light';
}

/** settings.theme wins; 'auto' reads the page. */
export function resolveCardTheme(pref: 'auto' | 'light' | 'dark', pageTheme: () => CardTheme): CardTheme {
  return pref === 'auto' ? pageTheme() : pref;
}

/** The theme of the page around `el` (the ticker's element), read from computed styles. */
export function pageThemeAt(el: Element | null): CardTheme {
  const bgs: string[] = [];
  for (let e = el, i = 0; e && i < 40; e = e.parentElement, i++) {
    const bg = getComputedStyle(e).backgroundColor;
    bgs.push(bg);
    const c = bg.replace(/\s/g, '');
    if (c !== 'rgba(0,0,0,0)' && c !== 'transparent') break; // first painted layer decides
  }
  const root = el?.ownerDocument.documentElement;
  const scheme = root ? getComputedStyle(root).colorScheme : '';
  const canvasDark = scheme.includes('dark') && !scheme.includes('light');
  return themeFromBackgrounds(bgs, canvasDark);
}
