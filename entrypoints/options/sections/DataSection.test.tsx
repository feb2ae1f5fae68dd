// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { MAX_SETTINGS_FILE_BYTES, settingsToJson } from '../../../lib/settings-file';
import { DEFAULT_SETTINGS } from '../../../lib/storage';
import { answerMessages } from '../../../test/fake-background';
import { sectionProps } from '../../../test/options-props';
import { button, byLabel, chooseFile, click, mount, notices } from '../../../test/preact-dom';
import { DataSection } from './DataSection';

const IMPORT = 'Import settings from a file';
const json = (text: string, name = 'settings.json') => new File([text], name, { type: 'application/json' });

describe('Options › Backup and cache', () => {
  it('imports a settings file and says that added sites need access again', async () => {
    const props = sectionProps();
    const root = await mount(<DataSection {...props} />);
    const saved = { ...DEFAULT_SETTINGS, theme: 'dark' as const, extraSites: ['https://example.com'] };
    await chooseFile(byLabel(root, IMPORT), json(settingsToJson(saved)));
    expect(props.save).toHaveBeenCalledWith(saved, 'Settings imported.');
    expect(notices(root)).toEqual([
      'Settings imported from settings.json. Sites you added need access again: use "Grant access" under Sites.',
    ]);
  });

  it('refuses a file that is not ours, and one too large to read, without saving', async () => {
    const props = sectionProps();
    const root = await mount(<DataSection {...props} />);
    await chooseFile(byLabel(root, IMPORT), json('{"format":"other","settings":{}}', 'other.json'));
    expect(notices(root)).toEqual(['other.json: This is not a Small-Cap Lens settings file.']);
    const huge = json('{}', 'huge.json');
    Object.defineProperty(huge, 'size', { value: MAX_SETTINGS_FILE_BYTES + 1 });
    const read = vi.spyOn(huge, 'text');
    await chooseFile(byLabel(root, IMPORT), huge);
    expect(read).not.toHaveBeenCalled();
    expect(notices(root)[0]).toMatch(/^huge\.json: /);
    expect(props.save).not.toHaveBeenCalled();
  });

  it('says so when the imported settings could not be saved', async () => {
    const props = sectionProps({}, false);
    const root = await mount(<DataSection {...props} />);
    await chooseFile(byLabel(root, IMPORT), json('{"underline": false}'));
    expect(props.save).toHaveBeenCalledWith({ underline: false }, 'Settings imported.');
    expect(notices(root)).toEqual(['The settings could not be saved; nothing changed.']);
  });

  it('clears the cache only after confirming', async () => {
    const sent = answerMessages({ clearCache: () => null });
    const root = await mount(<DataSection {...sectionProps()} />);
    await click(button(root, 'Clear cache…'));
    await click(button(root, 'Cancel'));
    expect(sent).toEqual([]);
    await click(button(root, 'Clear cache…'));
    await click(button(root, 'Clear cache'));
    expect(sent).toEqual([{ type: 'clearCache', payload: {} }]);
    expect(notices(root)).toContain('Cache cleared. Data will be fetched again on the next refresh.');
  });
});
