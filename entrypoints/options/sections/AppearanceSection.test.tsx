// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { sectionProps } from '../../../test/options-props';
import { change, mount } from '../../../test/preact-dom';
import { AppearanceSection } from './AppearanceSection';

describe('Options › Appearance', () => {
  it('shows the stored theme and saves the one chosen', async () => {
    const props = sectionProps({ theme: 'light' });
    const root = await mount(<AppearanceSection {...props} />);
    const checked = root.querySelector<HTMLInputElement>('input[name="theme"]:checked');
    expect(checked?.value).toBe('light');
    await change(root.querySelector<HTMLInputElement>('input[value="dark"]')!, true);
    expect(props.save).toHaveBeenCalledWith({ theme: 'dark' }, 'Theme: Dark.');
  });
});
