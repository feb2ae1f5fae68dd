import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import type { SourceStatus } from '../../lib/model';
import { send } from '../../lib/messaging';
import type { Settings } from '../../lib/storage';
import { normalizeSymbol } from '../../lib/core/symbols';
import { SOURCE_IDS, SOURCE_LABELS } from '../../lib/core/sources';
import { errorText, LOADING, toLoad, type Load } from '../../lib/ui/load-state';
import {
  MAX_SETTINGS_FILE_BYTES,
  parseSettingsFile,
  settingsToJson,
  tooLarge,
} from '../../lib/settings-file';
import { curatedHostNames, isCuratedHost, parseOriginInput, toggleHost } from '../../lib/sites';
import { IndexLegend, ShortcutHint } from '../../components/Legend';
import { SourceStatusList } from '../../components/SourceStatusList';
import { watchStorageKeys } from '../../lib/ui/storage-watch';
import { applyTheme } from '../../lib/ui/theme';
import { exportFileName } from '../../lib/watchlist';
import './options.css';
import { downloadText } from '../../lib/ui/download';
import { AlertsSection } from '../../components/AlertsSection';

// How often the background checks which sources are due; each source keeps its own cadence
// (holdings daily after the close, futures and markets hourly: lib/engine/cadence.ts).
const CADENCES: Array<[number, string]> = [
  [15, 'Every 15 minutes'],
  [30, 'Every 30 minutes'],
  [60, 'Every hour'],
  [180, 'Every 3 hours'],
  [360, 'Every 6 hours'],
  [1440, 'Once a day'],
];

const SECTIONS: Array<[string, string]> = [
  ['sites', 'Sites'],
  ['hover', 'Hover card'],
  ['detection', 'Detection'],
  ['appearance', 'Appearance'],
  ['sources', 'Data sources'],
  ['status', 'Source status'],
  ['recon', 'Russell reconstitution'],
  ['alerts', 'Alerts'],
  ['data', 'Backup and cache'],
];

type Msg = { kind: 'ok' | 'error' | 'warn'; text: string } | null;

function Notice({ msg }: { msg: Msg }) {
  if (!msg) return null;
  return (
    <p class={`notice notice-${msg.kind}`} role={msg.kind === 'error' ? 'alert' : 'status'}>
      {msg.text}
    </p>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} class="opt-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

export function App() {
  const [settings, setSettings] = useState<Load<Settings>>(LOADING);
  const [statuses, setStatuses] = useState<Load<SourceStatus[]>>(LOADING);
  const [saved, setSaved] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);

  const loadSettings = useCallback(async () => {
    const s = await toLoad(send('getSettings', {}));
    setSettings(s);
    if (s.status === 'ok') applyTheme(s.data.theme);
  }, []);
  const loadStatuses = useCallback(async () => setStatuses(await toLoad(send('getSourceStatus', {}))), []);

  useEffect(() => {
    void loadSettings();
    void loadStatuses();
    return watchStorageKeys(['settings'], () => void loadSettings());
  }, [loadSettings, loadStatuses]);

  /** Saves a patch; the background normalizes it and returns what was stored. */
  const save = useCallback(async (patch: Partial<Settings>, what = 'Saved.'): Promise<boolean> => {
    setSaveError(null);
    try {
      const next = await send('setSettings', { patch });
      setSettings({ status: 'ok', data: next });
      applyTheme(next.theme);
      setSaved(what);
      return true;
    } catch (e) {
      setSaveError(`Not saved: ${errorText(e)}`);
      return false;
    }
  }, []);

  return (
    <div class="options">
      <header class="opt-header">
        <h1>Small-Cap Lens — Options</h1>
        <nav aria-label="Sections">
          <ul class="opt-toc">
            {SECTIONS.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`}>{title}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="opt-main">
        <div class="sr-only" role="status" aria-live="polite">
          {saved}
        </div>
        {saveError ? (
          <p class="notice notice-error" role="alert">
            {saveError}
          </p>
        ) : null}
        {settings.status === 'loading' ? (
          <div aria-busy="true">
            <p class="muted">Loading settings…</p>
          </div>
        ) : settings.status === 'error' ? (
          <div class="notice notice-error" role="alert">
            <strong>Settings could not be loaded.</strong> {settings.error}{' '}
            <button type="button" class="btn-link" onClick={() => void loadSettings()}>
              Try again
            </button>
          </div>
        ) : (
          <SettingsForm
            s={settings.data}
            save={save}
            statuses={statuses}
            setStatuses={setStatuses}
            reloadStatuses={loadStatuses}
          />
        )}
      </main>
    </div>
  );
}

interface FormProps {
  s: Settings;
  save: (patch: Partial<Settings>, what?: string) => Promise<boolean>;
  statuses: Load<SourceStatus[]>;
  setStatuses: (l: Load<SourceStatus[]>) => void;
  reloadStatuses: () => Promise<void>;
}

function SettingsForm({ s, save, statuses, setStatuses, reloadStatuses }: FormProps) {
  return (
    <>
      <SitesSection s={s} save={save} />
      <Section id="hover" title="Hover card">
        <div class="field">
          <label for="hover-delay">Delay before the card opens</label>
          <div class="inline">
            <input
              id="hover-delay"
              type="number"
              min={0}
              max={3000}
              step={50}
              value={s.hoverDelayMs}
              aria-describedby="hover-delay-unit"
              onChange={(e) => {
                const v = Number((e.currentTarget as HTMLInputElement).value);
                if (Number.isFinite(v))
                  void save({ hoverDelayMs: Math.min(3000, Math.max(0, Math.round(v))) });
              }}
            />
            <span id="hover-delay-unit" class="muted">
              milliseconds (0–3000)
            </span>
          </div>
        </div>
        <Check
          id="alt-hover"
          checked={s.altToHover}
          onChange={(v) => void save({ altToHover: v })}
          label="Open the card only while Alt is held"
          hint="Keeps the card from appearing while you read; hold Alt and point at a ticker."
        />
        <Check
          id="underline"
          checked={s.underline}
          onChange={(v) => void save({ underline: v })}
          label="Underline detected tickers on the page"
          hint="When off, tickers are still listed in the popup."
        />
        <div class="field">
          <h3 class="field-title">Colours and keys</h3>
          <IndexLegend />
          <ShortcutHint />
        </div>
      </Section>
      <DetectionSection s={s} save={save} />
      <Section id="appearance" title="Appearance">
        <fieldset class="field">
          <legend>Theme</legend>
          {(
            [
              ['auto', 'Match the system'],
              ['light', 'Light'],
              ['dark', 'Dark'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} class="radio">
              <input
                type="radio"
                name="theme"
                value={value}
                checked={s.theme === value}
                onChange={() => void save({ theme: value }, `Theme: ${label}.`)}
              />
              {label}
            </label>
          ))}
        </fieldset>
      </Section>
      <Section id="sources" title="Data sources">
        <fieldset class="field">
          <legend>Fetch from</legend>
          <p class="muted small">
            A source that is off is never contacted; figures that depend on it show as unknown.
          </p>
          {SOURCE_IDS.map((id) => {
            const label = SOURCE_LABELS[id];
            return (
              <Check
                key={id}
                id={`source-${id}`}
                checked={s.sources[id]}
                label={label}
                onChange={(v) =>
                  void save({ sources: { ...s.sources, [id]: v } }, `${label} turned ${v ? 'on' : 'off'}.`)
                }
              />
            );
          })}
        </fieldset>
        <div class="field">
          <label for="cadence">Refresh data</label>
          <select
            id="cadence"
            value={String(s.refreshMinutes)}
            onChange={(e) =>
              void save({ refreshMinutes: Number((e.currentTarget as HTMLSelectElement).value) })
            }
          >
            {CADENCES.some(([m]) => m === s.refreshMinutes) ? null : (
              <option value={String(s.refreshMinutes)}>Every {s.refreshMinutes} minutes</option>
            )}
            {CADENCES.map(([m, label]) => (
              <option key={m} value={String(m)}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </Section>
      <StatusSection statuses={statuses} setStatuses={setStatuses} reload={reloadStatuses} />
      <ReconSection />
      <AlertsSection s={s} save={save} />
      <DataSection s={s} save={save} />
    </>
  );
}

function Check(props: {
  id: string;
  checked: boolean;
  label: string;
  hint?: string;
  onChange: (v: boolean) => void;
}) {
  return (
    <div class="check">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p id={`${props.id}-hint`} class="hint small muted">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

/** Host-permission state of each extra site (the user can revoke access in the browser). */
function useGrants(origins: string[]) {
  const [grants, setGrants] = useState<Record<string, boolean>>({});
  const key = origins.join('|');
  const check = useCallback(async () => {
    const out: Record<string, boolean> = {};
    for (const o of origins) {
      out[o] = await browser.permissions.contains({ origins: [`${o}/*`] }).catch(() => false);
    }
    setGrants(out);
  }, [key]);
  useEffect(() => void check(), [check]);
  return [grants, check] as const;
}

function SitesSection({ s, save }: Pick<FormProps, 's' | 'save'>) {
  const [input, setInput] = useState('');
  const [pauseInput, setPauseInput] = useState('');
  const [msg, setMsg] = useState<Msg>(null);
  const [pauseMsg, setPauseMsg] = useState<Msg>(null);
  const [grants, recheck] = useGrants(s.extraSites);
  const curated = curatedHostNames();

  const request = (origin: string) =>
    // Must run inside the click/submit: browsers grant permissions only during a user gesture.
    browser.permissions.request({ origins: [`${origin}/*`] });

  const addSite = (e: Event) => {
    e.preventDefault();
    const r = parseOriginInput(input);
    if (!r.ok) {
      setMsg({ kind: 'error', text: r.error });
      return;
    }
    if (isCuratedHost(r.host)) {
      setMsg({ kind: 'ok', text: `${r.host} is already on (it is in the curated list).` });
      return;
    }
    if (s.extraSites.includes(r.origin)) {
      setMsg({ kind: 'ok', text: `${r.origin} is already on.` });
      return;
    }
    request(r.origin)
      .then(async (granted) => {
        if (!granted) {
          setMsg({ kind: 'error', text: `Access to ${r.origin} was not granted; nothing changed.` });
          return;
        }
        if (await save({ extraSites: [...s.extraSites, r.origin] }, `${r.origin} added.`)) {
          setMsg({ kind: 'ok', text: `${r.origin} added. Reload its tabs to see tickers.` });
          setInput('');
          void recheck();
        }
      })
      .catch((err: unknown) =>
        setMsg({ kind: 'error', text: `Could not ask for access: ${errorText(err)}` }),
      );
  };

  const removeSite = async (origin: string) => {
    await browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
    if (await save({ extraSites: s.extraSites.filter((o) => o !== origin) }, `${origin} removed.`)) {
      setMsg({ kind: 'ok', text: `${origin} removed and its access given back.` });
    }
  };

  const addPause = (e: Event) => {
    e.preventDefault();
    const r = parseOriginInput(pauseInput);
    if (!r.ok) {
      setPauseMsg({ kind: 'error', text: r.error });
      return;
    }
    void save({ pausedSites: toggleHost(s.pausedSites, r.host, true) }, `Paused on ${r.host}.`).then((ok) => {
      if (ok) {
        setPauseInput('');
        setPauseMsg(null);
      }
    });
  };

  return (
    <>
      <Section id="sites" title="Sites">
        <p>
          Small-Cap Lens reads tickers on {curated.length} curated finance and news sites, and on sites you
          add here. It never runs anywhere else.
        </p>
        <details class="curated">
          <summary>Show the curated sites</summary>
          <ul class="host-grid small">
            {curated.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </details>
        <form class="field" onSubmit={addSite}>
          <label for="add-site">Add a site</label>
          <div class="inline">
            <input
              id="add-site"
              type="text"
              inputMode="url"
              placeholder="example.com"
              value={input}
              aria-describedby="add-site-hint"
              onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" class="btn btn-primary">
              Add site
            </button>
          </div>
          <p id="add-site-hint" class="hint small muted">
            Your browser will ask you to allow access to that site.
          </p>
        </form>
        <Notice msg={msg} />
        {s.extraSites.length ? (
          <ul class="item-list" aria-label="Sites you added">
            {s.extraSites.map((o) => (
              <li key={o}>
                <span class="item-name">{o}</span>
                {grants[o] === false ? (
                  <>
                    <span class="small warn-text">Access not granted</span>
                    <button
                      type="button"
                      class="btn btn-small"
                      onClick={() =>
                        void request(o)
                          .then(() => recheck())
                          .catch((err: unknown) => setMsg({ kind: 'error', text: errorText(err) }))
                      }
                    >
                      Grant access
                    </button>
                  </>
                ) : null}
                <button
                  type="button"
                  class="btn btn-small"
                  aria-label={`Remove ${o}`}
                  onClick={() => void removeSite(o)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted small">You have not added any sites.</p>
        )}
      </Section>
      <section class="opt-section" aria-labelledby="paused-h">
        <h3 id="paused-h">Paused sites</h3>
        <p class="muted small">
          No tickers are underlined or listed on these sites. You can also pause from the popup.
        </p>
        {s.pausedSites.length ? (
          <ul class="item-list" aria-label="Paused sites">
            {s.pausedSites.map((h) => (
              <li key={h}>
                <span class="item-name">{h}</span>
                <button
                  type="button"
                  class="btn btn-small"
                  aria-label={`Resume on ${h}`}
                  onClick={() =>
                    void save({ pausedSites: toggleHost(s.pausedSites, h, false) }, `Resumed on ${h}.`)
                  }
                >
                  Resume
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted small">No paused sites.</p>
        )}
        <form class="field" onSubmit={addPause}>
          <label for="add-pause">Pause on a site</label>
          <div class="inline">
            <input
              id="add-pause"
              type="text"
              placeholder="www.example.com"
              value={pauseInput}
              onInput={(e) => setPauseInput((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" class="btn">
              Pause
            </button>
          </div>
        </form>
        <Notice msg={pauseMsg} />
      </section>
    </>
  );
}

function DetectionSection({ s, save }: Pick<FormProps, 's' | 'save'>) {
  const [word, setWord] = useState('');
  const [msg, setMsg] = useState<Msg>(null);
  const add = (e: Event) => {
    e.preventDefault();
    const typed = word.split(/[\s,;]+/).filter(Boolean);
    const bad = typed.filter((w) => !normalizeSymbol(w));
    const words = typed.map((w) => normalizeSymbol(w)).filter((w): w is string => !!w);
    if (!words.length || bad.length) {
      setMsg({
        kind: 'error',
        text: bad.length ? `Not ticker-like: ${bad.join(', ')}` : 'Type a word first.',
      });
      return;
    }
    const next = [...new Set([...s.neverTag, ...words])];
    void save({ neverTag: next }, `Will never tag ${words.join(', ')}.`).then((ok) => {
      if (ok) {
        setWord('');
        setMsg(null);
      }
    });
  };
  return (
    <Section id="detection" title="Detection">
      <Check
        id="lower-cashtags"
        checked={s.lowercaseCashtags}
        onChange={(v) => void save({ lowercaseCashtags: v })}
        label="Also detect lower-case cashtags, like $crdo"
        hint="Off by default: lower-case cashtags are often ordinary words or prices."
      />
      <form class="field" onSubmit={add}>
        <label for="never-tag">Words never to tag</label>
        <div class="inline">
          <input
            id="never-tag"
            type="text"
            value={word}
            placeholder="e.g. CEO, AI"
            aria-describedby="never-tag-hint"
            onInput={(e) => setWord((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="btn">
            Add
          </button>
        </div>
        <p id="never-tag-hint" class="hint small muted">
          Separate several words with spaces or commas.
        </p>
      </form>
      <Notice msg={msg} />
      {s.neverTag.length ? (
        <ul class="chip-list" aria-label="Words never tagged">
          {s.neverTag.map((w) => (
            <li key={w} class="word-chip">
              <span>{w}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={`Remove ${w}`}
                onClick={() =>
                  void save({ neverTag: s.neverTag.filter((x) => x !== w) }, `${w} can be tagged again.`)
                }
              >
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">No words excluded.</p>
      )}
    </Section>
  );
}

function StatusSection({
  statuses,
  setStatuses,
  reload,
}: {
  statuses: Load<SourceStatus[]>;
  setStatuses: (l: Load<SourceStatus[]>) => void;
  reload: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<Msg>(null);
  const refresh = async () => {
    setBusy(true);
    setMsg({ kind: 'ok', text: 'Refreshing every source…' });
    try {
      setStatuses({ status: 'ok', data: await send('refresh', { force: true }) });
      setMsg({ kind: 'ok', text: 'Refresh finished.' });
    } catch (e) {
      setMsg({ kind: 'error', text: `Refresh failed: ${errorText(e)}` });
      void reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section id="status" class="opt-section" aria-labelledby="status-h" data-testid="source-status">
      <div class="section-head">
        <h2 id="status-h">Source status</h2>
        <button type="button" class="btn btn-small" disabled={busy} onClick={() => void refresh()}>
          {busy ? 'Refreshing…' : 'Refresh now'}
        </button>
      </div>
      <Notice msg={msg} />
      {statuses.status === 'ok' ? (
        <SourceStatusList statuses={statuses.data} />
      ) : statuses.status === 'error' ? (
        <p class="error-text">Status unavailable: {statuses.error}</p>
      ) : (
        <p class="muted">Loading…</p>
      )}
    </section>
  );
}

function ReconSection() {
  const [file, setFile] = useState<File | null>(null);
  const [change, setChange] = useState<'added' | 'deleted'>('added');
  const [effective, setEffective] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<Msg>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) return setMsg({ kind: 'error', text: 'Choose a CSV file first.' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effective))
      return setMsg({ kind: 'error', text: 'Enter the effective date.' });
    if (file.size > 2_000_000)
      return setMsg({ kind: 'error', text: 'The file is over 2 MB; that is not a reconstitution list.' });
    setBusy(true);
    try {
      const csv = await file.text();
      const r = await send('importReconstitution', { csv, change, effective });
      setMsg({
        kind: 'ok',
        text: `Imported ${r.count} ${change === 'added' ? 'additions' : 'deletions'} effective ${effective}.`,
      });
    } catch (err) {
      setMsg({ kind: 'error', text: `Not imported: ${errorText(err)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section id="recon" title="Russell reconstitution">
      <p class="muted small">
        FTSE Russell publishes additions and deletions as PDFs. Import a CSV of a newer list (columns Symbol
        and, optionally, Company and Industry) to flag members that joined or left.
      </p>
      <form class="recon-form" onSubmit={(e) => void submit(e)}>
        <div class="field">
          <label for="recon-file">List file (CSV)</label>
          <input
            id="recon-file"
            type="file"
            accept=".csv,.txt,text/csv"
            onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
          />
        </div>
        <fieldset class="field">
          <legend>The list contains</legend>
          <label class="radio">
            <input
              type="radio"
              name="recon-change"
              checked={change === 'added'}
              onChange={() => setChange('added')}
            />
            Additions
          </label>
          <label class="radio">
            <input
              type="radio"
              name="recon-change"
              checked={change === 'deleted'}
              onChange={() => setChange('deleted')}
            />
            Deletions
          </label>
        </fieldset>
        <div class="field">
          <label for="recon-date">Effective date</label>
          <input
            id="recon-date"
            type="date"
            value={effective}
            onInput={(e) => setEffective((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? 'Importing…' : 'Import list'}
        </button>
      </form>
      <Notice msg={msg} />
    </Section>
  );
}

function DataSection({ s, save }: Pick<FormProps, 's' | 'save'>) {
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
