/**
 * Settings export/import as a JSON file. Import validates every field and reports all problems
 * at once; a file with any error changes nothing.
 */
import type { Settings, SourceId } from './storage';
import { normalizeSymbol } from './core/symbols';
import { SOURCE_IDS } from './core/sources';
import { parseOriginInput } from './sites';
import { normalizeAlertSettings } from './alerts/settings';

const SETTINGS_FILE_FORMAT = 'small-cap-lens/settings';
/**
 * Largest settings file read. Our own export is a few KB; every setting is sent to each news
 * page's content script, so a huge file would cost every page load.
 */
export const MAX_SETTINGS_FILE_BYTES = 256 * 1024;
/** Names a JSON object may carry that are JavaScript built-ins, never settings. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(
  Object.getOwnPropertyNames(Object.prototype).concat(['prototype']),
);
const SETTINGS_FILE_VERSION = 1;

export function settingsToJson(settings: Settings, now: Date = new Date()): string {
  return (
    JSON.stringify(
      {
        format: SETTINGS_FILE_FORMAT,
        version: SETTINGS_FILE_VERSION,
        exportedAt: now.toISOString(),
        settings,
      },
      null,
      2,
    ) + '\n'
  );
}

export type SettingsFileResult =
  { ok: true; patch: Partial<Settings>; warnings: string[] } | { ok: false; error: string };

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const HOST_RE = /^(?=.{1,253}$)([a-z0-9-]+\.)*[a-z0-9-]+$/i;

type Check = (v: unknown, patch: Partial<Settings>) => string | null;

const CHECKS: Record<keyof Settings, Check> = {
  pausedSites: (v, p) => {
    if (!isStrArray(v) || v.length > 2000) return 'must be a list of host names';
    const bad = v.filter((h) => !HOST_RE.test(h));
    if (bad.length) return `has entries that are not host names: ${bad.slice(0, 3).join(', ')}`;
    p.pausedSites = v.map((h) => h.toLowerCase());
    return null;
  },
  extraSites: (v, p) => {
    if (!isStrArray(v) || v.length > 2000) return 'must be a list of site origins';
    const out: string[] = [];
    for (const s of v) {
      const r = parseOriginInput(s);
      if (!r.ok || r.origin !== s.toLowerCase().replace(/\/$/, ''))
        return `has an entry that is not an origin: ${s}`;
      out.push(r.origin);
    }
    p.extraSites = out;
    return null;
  },
  hoverDelayMs: (v, p) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 3000)
      return 'must be 0–3000 milliseconds';
    p.hoverDelayMs = Math.round(v);
    return null;
  },
  altToHover: (v, p) => (typeof v === 'boolean' ? ((p.altToHover = v), null) : 'must be true or false'),
  underline: (v, p) => (typeof v === 'boolean' ? ((p.underline = v), null) : 'must be true or false'),
  lowercaseCashtags: (v, p) =>
    typeof v === 'boolean' ? ((p.lowercaseCashtags = v), null) : 'must be true or false',
  theme: (v, p) =>
    v === 'auto' || v === 'light' || v === 'dark'
      ? ((p.theme = v), null)
      : 'must be "auto", "light" or "dark"',
  // Imported alert settings are normalised (clamped, unknown keys dropped); the notification
  // switch is never turned on by a file, since it needs the permission the user grants.
  alerts: (v, p) => {
    if (!isObj(v)) return 'must be an object';
    p.alerts = { ...normalizeAlertSettings(v), notify: false };
    return null;
  },
  refreshMinutes: (v, p) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 15 || v > 24 * 60)
      return 'must be 15–1440 minutes';
    p.refreshMinutes = Math.round(v);
    return null;
  },
  neverTag: (v, p) => {
    if (!isStrArray(v) || v.length > 2000) return 'must be a list of words';
    const bad = v.filter((w) => !normalizeSymbol(w));
    if (bad.length) return `has entries that are not ticker-like words: ${bad.slice(0, 3).join(', ')}`;
    p.neverTag = [...new Set(v.map((w) => normalizeSymbol(w)!))];
    return null;
  },
  sources: (v, p) => {
    if (!isObj(v)) return 'must be an object of source names to true/false';
    const out: Partial<Record<SourceId, boolean>> = {};
    for (const [k, on] of Object.entries(v)) {
      if (!(SOURCE_IDS as readonly string[]).includes(k)) continue; // unknown sources: warned below
      if (typeof on !== 'boolean') return `${k} must be true or false`;
      out[k as SourceId] = on;
    }
    p.sources = out as Record<SourceId, boolean>;
    return null;
  },
};

/**
 * Validates a settings file (our export, or a bare settings object). Returns the patch to apply
 * via setSettings; settings the file leaves out keep their current values.
 */
export function parseSettingsFile(text: string): SettingsFileResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) return { ok: false, error: tooLarge(text.length) };
  if (!text.trim()) return { ok: false, error: 'The file is empty.' };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `Not a JSON file (${e instanceof Error ? e.message : 'parse error'}).` };
  }
  if (!isObj(json)) return { ok: false, error: 'The file is not a settings object.' };
  let body: Record<string, unknown> = json;
  if (Object.hasOwn(json, 'format')) {
    if (json.format !== SETTINGS_FILE_FORMAT)
      return { ok: false, error: 'This is not a Small-Cap Lens settings file.' };
    if (typeof json.version !== 'number' || json.version > SETTINGS_FILE_VERSION) {
      return { ok: false, error: 'This settings file is from a newer version of Small-Cap Lens.' };
    }
    if (!isObj(json.settings)) return { ok: false, error: 'The file has no "settings" object.' };
    body = json.settings;
  }
  const patch: Partial<Settings> = {};
  const errors: string[] = [];
  const unknown: string[] = [];
  const reserved = Object.keys(body).filter((k) => RESERVED_KEYS.has(k));
  if (reserved.length) {
    return {
      ok: false,
      error:
        `Nothing was changed. The file names ${reserved.map((k) => `"${k}"`).join(', ')}, which ` +
        `${reserved.length > 1 ? 'are' : 'is'} not a Small-Cap Lens setting but a built-in JavaScript name; ` +
        `the file may have been edited by hand or by another program.`,
    };
  }
  for (const [key, value] of Object.entries(body)) {
    // Own keys only: an inherited name (valueOf, hasOwnProperty) is never a setting.
    const check = Object.hasOwn(CHECKS, key) ? CHECKS[key as keyof Settings] : undefined;
    if (!check) {
      unknown.push(key);
      continue;
    }
    const err = check(value, patch);
    if (err) errors.push(`"${key}" ${err}`);
  }
  if (errors.length) return { ok: false, error: `Nothing was changed. ${errors.join('; ')}.` };
  if (Object.keys(patch).length === 0)
    return { ok: false, error: 'The file contains no Small-Cap Lens settings.' };
  const warnings: string[] = [];
  if (unknown.length) warnings.push(`Ignored unknown setting(s): ${unknown.slice(0, 5).join(', ')}.`);
  if (isObj(body.sources)) {
    const extra = Object.keys(body.sources).filter((k) => !(SOURCE_IDS as readonly string[]).includes(k));
    if (extra.length) warnings.push(`Ignored unknown source(s): ${extra.slice(0, 5).join(', ')}.`);
  }
  return { ok: true, patch, warnings };
}

export function tooLarge(bytes: number): string {
  return (
    `The file is too large for a settings file (${Math.ceil(bytes / 1024)} KB; at most ` +
    `${MAX_SETTINGS_FILE_BYTES / 1024} KB). Nothing was changed.`
  );
}
