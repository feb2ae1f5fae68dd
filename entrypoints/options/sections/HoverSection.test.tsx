// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { sectionProps } from '../../../test/options-props';
import { byLabel, change, mount } from '../../../test/preact-dom';
import { HoverSection } from './HoverSection';

describe('Options › Hover card', () => {
  it('saves the delay in whole milliseconds within 0–3000', async () => {
    const props = sectionProps();
    const root = await mount(<HoverSection {...props} />);
    const delay = byLabel(root, 'Delay before the card opens');
    expect(delay.value).toBe('300');
    await change(delay, '120.4');
    expect(props.save).toHaveBeenLastCalledWith({ hoverDelayMs: 120 });
    await change(delay, '99999');
    expect(props.save).toHaveBeenLastCalledWith({ hoverDelayMs: 3000 });
    await change(delay, '-5');
    expect(props.save).toHaveBeenLastCalledWith({ hoverDelayMs: 0 });
  });

  it('writes the Alt and underline switches', async () => {
    const props = sectionProps({ altToHover: false, underline: true });
    const root = await mount(<HoverSection {...props} />);
    await change(byLabel(root, 'Open the card only while Alt is held'), true);
    expect(props.save).toHaveBeenLastCalledWith({ altToHover: true });
    await change(byLabel(root, 'Underline detected tickers on the page'), false);
    expect(props.save).toHaveBeenLastCalledWith({ underline: false });
  });
});
