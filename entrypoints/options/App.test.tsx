// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/storage';
import { answerMessages } from '../../test/fake-background';
import { button, byLabel, change, click, mount, notices } from '../../test/preact-dom';
import { App } from './App';

/** A background that keeps the settings and applies patches, as the real one does. */
function background() {
  let stored: Settings = { ...DEFAULT_SETTINGS };
  const sent = answerMessages({
    getSettings: () => stored,
    getSourceStatus: () => [],
    setSettings: ({ patch }) => (stored = { ...stored, ...patch }),
  });
  return { sent, stored: () => stored };
}

describe('Options page', () => {
  it('loads the settings, writes a toggled one through the background and applies the theme', async () => {
    const bg = background();
    const root = await mount(<App />);
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Sites',
      'Hover card',
      'Detection',
      'Appearance',
      'Data sources',
      'Source status',
      'Russell reconstitution',
      'Alerts',
      'Backup and cache',
    ]);
    await change(byLabel(root, 'Underline detected tickers on the page'), false);
    expect(bg.sent.at(-1)).toEqual({ type: 'setSettings', payload: { patch: { underline: false } } });
    expect(bg.stored().underline).toBe(false);
    expect(byLabel(root, 'Underline detected tickers on the page').checked).toBe(false);
    expect(notices(root)).toContain('Saved.');

    await change(root.querySelector<HTMLInputElement>('input[value="dark"]')!, true);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('says when a save failed', async () => {
    answerMessages({
      getSettings: () => DEFAULT_SETTINGS,
      getSourceStatus: () => [],
      setSettings: () => {
        throw new Error('storage is full');
      },
    });
    const root = await mount(<App />);
    await change(byLabel(root, 'Open the card only while Alt is held'), true);
    expect(notices(root)).toContain('Not saved: storage is full');
  });

  it('offers to try again when the settings could not be loaded', async () => {
    let fail = true;
    const sent = answerMessages({
      getSettings: () => {
        if (fail) throw new Error('worker restarting');
        return DEFAULT_SETTINGS;
      },
      getSourceStatus: () => [],
    });
    const root = await mount(<App />);
    expect(notices(root)[0]).toContain('Settings could not be loaded. worker restarting');
    fail = false;
    await click(button(root, 'Try again'));
    expect(sent.filter((m) => m.type === 'getSettings')).toHaveLength(2);
    expect(root.querySelector('#sites')).not.toBeNull();
  });
});
