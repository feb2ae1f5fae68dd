/** Options › Backup and cache: settings export and import (checked before saving), clearing the cache. */
import { useState } from 'preact/hooks';
import { send } from '../../../lib/messaging';
import {
  MAX_SETTINGS_FILE_BYTES,
  parseSettingsFile,
  settingsToJson,
  tooLarge,
} from '../../../lib/settings-file';
import { downloadText } from '../../../lib/ui/download';
import { errorText } from '../../../lib/ui/load-state';
import { exportFileName } from '../../../lib/watchlist';
import { Notice, Section, type Msg, type SectionProps } from './Fields';

export function DataSection({ s, save }: SectionProps) {
  const [confirming, setConfirming] = useState(false);
  const [msg, setMsg] = useState<Msg>(null);
  const [importMsg, setImportMsg] = useState<Msg>(null);

  const clear = async () => {
    setConfirming(false);
    try {
      await send('clearCache', {});
      setMsg({ kind: 'ok', text: 'Cache cleared. Data will be fetched again on the next refresh.' });
    } catch (e) {
      setMsg({ kind: 'error', text: `Cache not cleared: ${errorText(e)}` });
    }
  };

  const importSettings = async (file: File) => {
    // Refused before reading: a huge file is never loaded into memory.
    if (file.size > MAX_SETTINGS_FILE_BYTES) {
      setImportMsg({ kind: 'error', text: `${file.name}: ${tooLarge(file.size)}` });
      return;
    }
    const parsed = parseSettingsFile(await file.text());
    if (!parsed.ok) {
      setImportMsg({ kind: 'error', text: `${file.name}: ${parsed.error}` });
      return;
    }
    if (await save(parsed.patch, 'Settings imported.')) {
      const extra = parsed.patch.extraSites?.length
        ? ' Sites you added need access again: use "Grant access" under Sites.'
        : '';
      setImportMsg({
        kind: parsed.warnings.length ? 'warn' : 'ok',
        text: `Settings imported from ${file.name}.${extra} ${parsed.warnings.join(' ')}`.trim(),
      });
    } else {
      setImportMsg({ kind: 'error', text: 'The settings could not be saved; nothing changed.' });
    }
  };

  return (
    <Section id="data" title="Backup and cache">
      <div class="field">
        <h3>Settings file</h3>
        <div class="inline">
          <button
            type="button"
            class="btn"
            onClick={() =>
              downloadText(
                settingsToJson(s),
                exportFileName(new Date(), 'json', 'settings'),
                'application/json',
              )
            }
          >
            Export settings
          </button>
        </div>
        <label for="import-settings">Import settings from a file</label>
        <input
          id="import-settings"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const f = input.files?.[0];
            input.value = '';
            if (f) void importSettings(f);
          }}
        />
        <Notice msg={importMsg} />
      </div>
      <div class="field">
        <h3>Cache</h3>
        <p class="muted small">
          Downloaded data (holdings, prices, yields, odds). Your settings and watchlist stay.
        </p>
        {confirming ? (
          <div class="notice notice-warn confirm" role="group" aria-labelledby="confirm-clear-text">
            <p id="confirm-clear-text">
              Delete all downloaded data? Figures show as unknown until the next refresh.
            </p>
            <div class="inline">
              <button type="button" class="btn btn-primary" onClick={() => void clear()}>
                Clear cache
              </button>
              <button type="button" class="btn" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="btn" onClick={() => setConfirming(true)}>
            Clear cache…
          </button>
        )}
        <Notice msg={msg} />
      </div>
    </Section>
  );
}
