// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { permissions } from '../../../test/fake-background';
import { sectionProps } from '../../../test/options-props';
import { button, byLabel, click, enter, mount, notices } from '../../../test/preact-dom';
import { SitesSection } from './SitesSection';

const addSite = (root: HTMLElement, text: string) => enter(root, 'Add a site', text);

describe('Options › Sites', () => {
  it('asks for the typed origin in the submit, then saves it', async () => {
    const perm = permissions(true);
    const props = sectionProps();
    const root = await mount(<SitesSection {...props} />);
    await addSite(root, 'https://News.Example.com/some/story');
    expect(perm.request).toHaveBeenCalledWith({ origins: ['https://news.example.com/*'] });
    expect(props.save).toHaveBeenCalledWith(
      { extraSites: ['https://news.example.com'] },
      'https://news.example.com added.',
    );
    expect(notices(root)).toContain('https://news.example.com added. Reload its tabs to see tickers.');
    expect(byLabel(root, 'Add a site').value).toBe('');
  });

  it('saves nothing when the browser refuses access', async () => {
    permissions(false);
    const props = sectionProps();
    const root = await mount(<SitesSection {...props} />);
    await addSite(root, 'example.com');
    expect(props.save).not.toHaveBeenCalled();
    expect(notices(root)).toContain('Access to https://example.com was not granted; nothing changed.');
  });

  it('does not ask for curated sites or unreadable input', async () => {
    const perm = permissions(true);
    const props = sectionProps();
    const root = await mount(<SitesSection {...props} />);
    await addSite(root, 'www.cnbc.com');
    expect(notices(root)).toContain('www.cnbc.com is already on (it is in the curated list).');
    await addSite(root, 'not a site');
    expect(notices(root)).toContain('A site address has no spaces.');
    expect(perm.request).not.toHaveBeenCalled();
    expect(props.save).not.toHaveBeenCalled();
  });

  it('flags an added site whose access was revoked, and removing it gives access back', async () => {
    const perm = permissions(true, ['https://a.example/*']);
    const props = sectionProps({ extraSites: ['https://a.example', 'https://b.example'] });
    const root = await mount(<SitesSection {...props} />);
    const rows = [...root.querySelectorAll('[aria-label="Sites you added"] li')].map((li) => li.textContent);
    expect(rows[0]).not.toContain('Access not granted');
    expect(rows[1]).toContain('Access not granted');
    await click(button(root, 'Remove https://b.example'));
    expect(perm.remove).toHaveBeenCalledWith({ origins: ['https://b.example/*'] });
    expect(props.save).toHaveBeenCalledWith(
      { extraSites: ['https://a.example'] },
      'https://b.example removed.',
    );
  });

  it('pauses on a typed host and resumes a paused one', async () => {
    permissions(true);
    const props = sectionProps({ pausedSites: ['old.example'] });
    const root = await mount(<SitesSection {...props} />);
    await enter(root, 'Pause on a site', 'https://www.example.com/x');
    expect(props.save).toHaveBeenCalledWith(
      { pausedSites: ['old.example', 'www.example.com'] },
      'Paused on www.example.com.',
    );
    await click(button(root, 'Resume on old.example'));
    expect(props.save).toHaveBeenLastCalledWith({ pausedSites: [] }, 'Resumed on old.example.');
  });
});
