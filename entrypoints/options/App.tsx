/**
 * The options page: loads the settings and source statuses, saves patches through the
 * background, and lays out one section per file (./sections/).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SourceStatus } from '../../lib/view-models';
import { send } from '../../lib/messaging';
import type { Settings } from '../../lib/storage';
import { errorText, LOADING, toLoad, type Load } from '../../lib/ui/load-state';
import { watchStorageKeys } from '../../lib/ui/storage-watch';
import { applyTheme } from '../../lib/ui/theme';
import { AlertsSection } from './sections/AlertsSection';
import { AppearanceSection } from './sections/AppearanceSection';
import { DataSection } from './sections/DataSection';
import { DetectionSection } from './sections/DetectionSection';
import type { SectionProps } from './sections/Fields';
import { HoverSection } from './sections/HoverSection';
import { ReconSection } from './sections/ReconSection';
import { SitesSection } from './sections/SitesSection';
import { SourcesSection } from './sections/SourcesSection';
import { StatusSection } from './sections/StatusSection';
import './options.css';

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

interface FormProps extends SectionProps {
  statuses: Load<SourceStatus[]>;
  setStatuses: (l: Load<SourceStatus[]>) => void;
  reloadStatuses: () => Promise<void>;
}

function SettingsForm({ s, save, statuses, setStatuses, reloadStatuses }: FormProps) {
  return (
    <>
      <SitesSection s={s} save={save} />
      <HoverSection s={s} save={save} />
      <DetectionSection s={s} save={save} />
      <AppearanceSection s={s} save={save} />
      <SourcesSection s={s} save={save} />
      <StatusSection statuses={statuses} setStatuses={setStatuses} reload={reloadStatuses} />
      <ReconSection />
      <AlertsSection s={s} save={save} />
      <DataSection s={s} save={save} />
    </>
  );
}
