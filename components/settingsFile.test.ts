import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../lib/storage';
import { parseSettingsFile, settingsToJson } from './settingsFile';

describe('settings file', () => {
  it('round-trips the settings', () => {
    const s = {
      ...DEFAULT_SETTINGS,
      theme: 'dark' as const,
      pausedSites: ['www.cnbc.com'],
      extraSites: ['https://example.com'],
    };
    const r = parseSettingsFile(settingsToJson(s));
    expect(r).toEqual({ ok: true, patch: s, warnings: [] });
  });

  it('accepts a bare partial object and warns about unknown keys', () => {
    const r = parseSettingsFile(
      '{"hoverDelayMs": 500, "colour": "red", "sources": {"fred": false, "nope": true}}',
    );
    expect(r).toEqual({
      ok: true,
      patch: { hoverDelayMs: 500, sources: { fred: false } },
      warnings: ['Ignored unknown setting(s): colour.', 'Ignored unknown source(s): nope.'],
    });
  });

  it('rejects bad files with every problem named', () => {
    const err = (t: string) => {
      const r = parseSettingsFile(t);
      return r.ok ? null : r.error;
    };
    expect(err('')).toBe('The file is empty.');
    expect(err('{not json')).toMatch(/^Not a JSON file/);
    expect(err('[1,2]')).toBe('The file is not a settings object.');
    expect(err('{"format":"other","settings":{}}')).toBe('This is not a Small-Cap Lens settings file.');
    expect(err('{"format":"small-cap-lens/settings","version":99,"settings":{}}')).toMatch(/newer version/);
    expect(err('{"theme":"pink","hoverDelayMs":-1,"extraSites":["javascript:alert(1)"]}')).toBe(
      'Nothing was changed. "theme" must be "auto", "light" or "dark"; "hoverDelayMs" must be 0–3000 milliseconds; "extraSites" has an entry that is not an origin: javascript:alert(1).',
    );
    expect(err('{"unrelated": 1}')).toBe('The file contains no Small-Cap Lens settings.');
    expect(err('{"neverTag": ["OK", "<script>"]}')).toMatch(/not ticker-like words: <script>/);
  });
});
