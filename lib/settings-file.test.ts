import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './storage';
import { MAX_SETTINGS_FILE_BYTES, parseSettingsFile, settingsToJson } from './settings-file';

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

describe('settings file from an untrusted source', () => {
  it.each(['__proto__', 'constructor', 'valueOf', 'hasOwnProperty', 'toString'])(
    'a "%s" key is refused in plain words, nothing changes',
    (key) => {
      const r = parseSettingsFile(`{"theme": "dark", "${key}": {"polluted": true}}`);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toBe(
          `Nothing was changed. The file names "${key}", which is not a Small-Cap Lens setting but a ` +
            'built-in JavaScript name; the file may have been edited by hand or by another program.',
        );
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('the same inside our export envelope', () => {
    const r = parseSettingsFile(
      '{"format": "small-cap-lens/settings", "version": 1, "settings": {"__proto__": 1, "valueOf": 2}}',
    );
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringContaining('"__proto__", "valueOf", which are'),
    });
  });

  it('an envelope key inherited from Object.prototype is not taken as the format', () => {
    const r = parseSettingsFile('{"hoverDelayMs": 100}');
    expect(r).toMatchObject({ ok: true, patch: { hoverDelayMs: 100 } });
  });

  it(`a file over ${MAX_SETTINGS_FILE_BYTES / 1024} KB is refused with its size`, () => {
    const big = JSON.stringify({
      pausedSites: Array.from({ length: 30_000 }, (_, i) => `h${i}.example.com`),
    });
    expect(big.length).toBeGreaterThan(MAX_SETTINGS_FILE_BYTES);
    const r = parseSettingsFile(big);
    expect(r).toEqual({
      ok: false,
      error: `The file is too large for a settings file (${Math.ceil(big.length / 1024)} KB; at most 256 KB). Nothing was changed.`,
    });
  });
});
