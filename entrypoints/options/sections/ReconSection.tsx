/** Options › Russell reconstitution: imports a CSV of additions or deletions the user downloaded. */
import { useState } from 'preact/hooks';
import { send } from '../../../lib/messaging';
import { errorText } from '../../../lib/ui/load-state';
import { Notice, Radios, Section, type Msg } from './Fields';

const CHANGES: Array<['added' | 'deleted', string]> = [
  ['added', 'Additions'],
  ['deleted', 'Deletions'],
];

export function ReconSection() {
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
          <Radios name="recon-change" options={CHANGES} value={change} onChange={setChange} />
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
