/** Options › Source status: each source's last fetch, and a forced refresh of all of them. */
import { useState } from 'preact/hooks';
import type { SourceStatus } from '../../../lib/view-models';
import { send } from '../../../lib/messaging';
import { errorText, type Load } from '../../../lib/ui/load-state';
import { SourceStatusList } from '../../../components/SourceStatusList';
import { Notice, type Msg } from './Fields';

export function StatusSection({
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
