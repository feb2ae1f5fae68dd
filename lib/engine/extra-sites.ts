/**
 * Sites the user turned on beyond the curated list: the content script is registered at run
 * time for exactly the origins they granted (optional host permission, asked per site), and
 * unregistered when they remove one or revoke the permission.
 */
import { browser } from 'wxt/browser';
import { getSettings } from '../storage';

export const EXTRA_SCRIPT_ID = 'scl-extra-sites';

interface ScriptingLike {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string }>>;
  registerContentScripts(scripts: Array<Record<string, unknown>>): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
}

/** Origins ("https://example.com") to match patterns ("https://example.com/*"). */
export function originPatterns(origins: readonly string[]): string[] {
  const out: string[] = [];
  for (const o of origins) {
    try {
      const u = new URL(o);
      if (u.protocol === 'https:' || u.protocol === 'http:') out.push(`${u.protocol}//${u.hostname}/*`);
    } catch {
      // not an origin: ignore
    }
  }
  return [...new Set(out)];
}

export async function syncExtraSites(): Promise<string[]> {
  const scripting = (browser as unknown as { scripting?: ScriptingLike }).scripting;
  if (!scripting) return [];
  const { extraSites } = await getSettings();
  const granted: string[] = [];
  for (const pattern of originPatterns(extraSites)) {
    if (await browser.permissions.contains({ origins: [pattern] }).catch(() => false)) granted.push(pattern);
  }
  const existing = await scripting.getRegisteredContentScripts({ ids: [EXTRA_SCRIPT_ID] }).catch(() => []);
  if (existing.length) await scripting.unregisterContentScripts({ ids: [EXTRA_SCRIPT_ID] });
  if (granted.length) {
    await scripting.registerContentScripts([
      {
        id: EXTRA_SCRIPT_ID,
        matches: granted,
        js: ['content-scripts/news.js'],
        runAt: 'document_idle',
        allFrames: false,
      },
    ]);
  }
  return granted;
}
