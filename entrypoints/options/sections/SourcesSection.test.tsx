// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SOURCE_IDS, SOURCE_LABELS } from '../../../lib/core/sources';
import { sectionProps } from '../../../test/options-props';
import { byLabel, change, mount } from '../../../test/preact-dom';
import { SourcesSection } from './SourcesSection';

describe('Options › Data sources', () => {
  it('turns one source off and keeps the others as they were', async () => {
    const props = sectionProps();
    const root = await mount(<SourcesSection {...props} />);
    const id = SOURCE_IDS[1]!;
    await change(byLabel(root, SOURCE_LABELS[id]), false);
    const [patch, what] = props.save.mock.calls[0]!;
    expect(patch.sources).toEqual({ ...props.s.sources, [id]: false });
    expect(what).toBe(`${SOURCE_LABELS[id]} turned off.`);
  });

  it('saves the refresh interval and keeps an interval that is not in the list', async () => {
    const props = sectionProps({ refreshMinutes: 45 });
    const root = await mount(<SourcesSection {...props} />);
    const select = byLabel<HTMLSelectElement>(root, 'Refresh data');
    expect(select.value).toBe('45');
    expect(select.options[0]?.textContent).toBe('Every 45 minutes');
    await change(select, '1440');
    expect(props.save).toHaveBeenCalledWith({ refreshMinutes: 1440 });
  });
});
