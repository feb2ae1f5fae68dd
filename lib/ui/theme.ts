/**
 * Theme resolution: settings.theme ('auto' | 'light' | 'dark') plus prefers-color-scheme become
 * one attribute, html[data-theme], which base.css keys its tokens on.
 */
import type { Settings } from '../storage';

export type ThemePref = Settings['theme'];
export type ResolvedTheme = 'light' | 'dark';

function resolveTheme(pref: ThemePref, systemDark: boolean): ResolvedTheme {
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

/** Reads a CSS custom property (a token from base.css) as the canvas needs a concrete colour. */
export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}
