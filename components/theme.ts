/**
 * Theme resolution: settings.theme ('auto' | 'light' | 'dark') plus prefers-color-scheme become
 * one attribute, html[data-theme], which base.css keys its tokens on.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../lib/storage';

export type ThemePref = Settings['theme'];
export type ResolvedTheme = 'light' | 'dark';

export function resolveTheme(pref: ThemePref, systemDark: boolean): ResolvedTheme {
  if (pref === 'light' || pref === 'dark') return pref;
  return systemDark ? 'dark' : 'light';
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

let currentPref: ThemePref = 'auto';
let mediaListening = false;

/** Sets html[data-theme] from the preference and keeps following the OS while on 'auto'. */
export function applyTheme(pref: ThemePref = currentPref, doc: Document = document): ResolvedTheme {
  currentPref = pref;
  const mql = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
  const resolved = resolveTheme(pref, mql?.matches ?? false);
  doc.documentElement.dataset.theme = resolved;
  if (mql && !mediaListening) {
    mediaListening = true;
    mql.addEventListener('change', () => applyTheme(currentPref, doc));
  }
  return resolved;
}

/** The resolved theme, re-rendering when html[data-theme] changes (charts redraw their colours). */
export function useResolvedTheme(): ResolvedTheme {
  const read = (): ResolvedTheme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');
  const [theme, setTheme] = useState<ResolvedTheme>(read);
  useEffect(() => {
    const obs = new MutationObserver(() => setTheme(read()));
    obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => obs.disconnect();
  }, []);
  return theme;
}

/** Reads a CSS custom property (a token from base.css) as the canvas needs a concrete colour. */
export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** Whether the user asked for less motion (charts skip animation-like redraw effects). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
