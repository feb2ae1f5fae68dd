// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { answerMessages } from '../../../test/fake-background';
import { byLabel, change, chooseFile, mount, notices, submit, type } from '../../../test/preact-dom';
import { ReconSection } from './ReconSection';

const CSV = 'Symbol,Company\nCRDO,Credo Technology\nSOUN,SoundHound AI\n';

describe('Options › Russell reconstitution', () => {
  it('imports the chosen list with its kind and effective date', async () => {
    const sent = answerMessages({ importReconstitution: () => ({ count: 2 }) });
    const root = await mount(<ReconSection />);
    await chooseFile(
      byLabel(root, 'List file (CSV)'),
      new File([CSV], 'deletions.csv', { type: 'text/csv' }),
    );
    await submit(root.querySelector<HTMLInputElement>('input[name="recon-change"]')!);
    expect(notices(root)).toEqual(['Enter the effective date.']);
    await type(byLabel(root, 'Effective date'), '2026-06-26');
    const deletions = root.querySelectorAll<HTMLInputElement>('input[name="recon-change"]')[1]!;
    await change(deletions, true);
    await submit(deletions);
    expect(sent).toEqual([
      { type: 'importReconstitution', payload: { csv: CSV, change: 'deleted', effective: '2026-06-26' } },
    ]);
    expect(notices(root)).toEqual(['Imported 2 deletions effective 2026-06-26.']);
  });

  it('asks for a file first, refuses one over 2 MB, and reports the background’s refusal', async () => {
    answerMessages({
      importReconstitution: () => {
        throw new Error('No Symbol column');
      },
    });
    const root = await mount(<ReconSection />);
    const file = byLabel(root, 'List file (CSV)');
    await submit(file);
    expect(notices(root)).toEqual(['Choose a CSV file first.']);
    await type(byLabel(root, 'Effective date'), '2026-06-26');
    await chooseFile(file, new File(['x'.repeat(2_000_001)], 'big.csv'));
    await submit(file);
    expect(notices(root)).toEqual(['The file is over 2 MB; that is not a reconstitution list.']);
    await chooseFile(file, new File(['Ticker\nCRDO\n'], 'list.csv'));
    await submit(file);
    expect(notices(root)).toEqual(['Not imported: No Symbol column']);
  });
});
