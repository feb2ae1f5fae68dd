/**
 * The toolbar icon says whether the lens is paused on the tab's site. A per-tab icon is reset by
 * the browser on navigation, so it is set again each time a page's content script starts (every
 * start asks for the settings) and each time the settings change (the script asks again).
 */
import { browser } from 'wxt/browser';
import { isPausedHost } from '../paused-sites';

const SIZES = [16, 32, 48, 128] as const;

/** Icon paths (relative to the extension root, as the manifest lists them) for one state. */
export function actionIconPaths(paused: boolean): Record<string, string> {
  return Object.fromEntries(SIZES.map((s) => [String(s), `icon/${paused ? 'paused-' : ''}${s}.png`]));
}

/** Whether a page URL is on a paused site (an unparsable URL is never paused). */
export function isPausedUrl(url: string | undefined, pausedSites: readonly string[]): boolean {
  if (!url) return false;
  try {
    return isPausedHost(new URL(url).hostname, pausedSites);
  } catch {
    return false;
  }
}

export async function showPausedState(tabId: number, paused: boolean): Promise<void> {
  const action =
    browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  await action.setIcon({ tabId, path: actionIconPaths(paused) });
  await action.setTitle({ tabId, title: paused ? 'Small-Cap Lens (paused on this site)' : 'Small-Cap Lens' });
}
