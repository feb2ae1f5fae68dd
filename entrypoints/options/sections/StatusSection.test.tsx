// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { SourceStatus } from '../../../lib/view-models';
import type { Load } from '../../../lib/ui/load-state';
import { answerMessages } from '../../../test/fake-background';
import { button, click, mount, notices } from '../../../test/preact-dom';
import { StatusSection } from './StatusSection';

const yahoo: SourceStatus = {
  id: 'yahoo',
  label: 'Yahoo Finance prices',
  state: 'ok',
  asOf: '2026-12-04',
  lastSuccess: '2026-12-04T21:10:00Z',
  lastAttempt: '2026-12-04T21:10:00Z',
  error: null,
  usingBundled: false,
};

function props(statuses: Load<SourceStatus[]>) {
  return { statuses, setStatuses: vi.fn(), reload: vi.fn(async () => {}) };
}

describe('Options › Source status', () => {
  it('forces a refresh of every source and shows the statuses it returns', async () => {
    const sent = answerMessages({ refresh: () => [yahoo] });
    const p = props({ status: 'loading' });
    const root = await mount(<StatusSection {...p} />);
    expect(root.textContent).toContain('Loading…');
    await click(button(root, 'Refresh now'));
    expect(sent).toEqual([{ type: 'refresh', payload: { force: true } }]);
    expect(p.setStatuses).toHaveBeenCalledWith({ status: 'ok', data: [yahoo] });
    expect(notices(root)).toContain('Refresh finished.');
    expect(button(root, 'Refresh now').disabled).toBe(false);
  });

  it('says why a refresh failed and re-reads the statuses', async () => {
    answerMessages({
      refresh: () => {
        throw new Error('offline');
      },
    });
    const p = props({ status: 'ok', data: [yahoo] });
    const root = await mount(<StatusSection {...p} />);
    expect(root.textContent).toContain('Yahoo Finance prices');
    await click(button(root, 'Refresh now'));
    expect(notices(root)).toContain('Refresh failed: offline');
    expect(p.reload).toHaveBeenCalledOnce();
    expect(p.setStatuses).not.toHaveBeenCalled();
  });

  it('shows the error when the statuses could not be read', async () => {
    const root = await mount(<StatusSection {...props({ status: 'error', error: 'worker asleep' })} />);
    expect(root.textContent).toContain('Status unavailable: worker asleep');
  });
});
