// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { sectionProps } from '../../../test/options-props';
import { button, byLabel, change, click, enter, mount, notices } from '../../../test/preact-dom';
import { DetectionSection } from './DetectionSection';

const neverTag = (root: HTMLElement, text: string) => enter(root, 'Words never to tag', text);

describe('Options › Detection', () => {
  it('adds typed words upper-cased, once each, to the never-tag list', async () => {
    const props = sectionProps({ neverTag: ['CEO'] });
    const root = await mount(<DetectionSection {...props} />);
    await neverTag(root, 'ai, $ceo  ipo');
    expect(props.save).toHaveBeenCalledWith(
      { neverTag: ['CEO', 'AI', 'IPO'] },
      'Will never tag AI, CEO, IPO.',
    );
  });

  it('refuses words that are not ticker-like and saves nothing', async () => {
    const props = sectionProps();
    const root = await mount(<DetectionSection {...props} />);
    await neverTag(root, 'AI hello-world');
    expect(notices(root)).toEqual(['Not ticker-like: hello-world']);
    await neverTag(root, '  ');
    expect(notices(root)).toEqual(['Type a word first.']);
    expect(props.save).not.toHaveBeenCalled();
  });

  it('removes a word and writes the lower-case cashtag switch', async () => {
    const props = sectionProps({ neverTag: ['AI', 'CEO'] });
    const root = await mount(<DetectionSection {...props} />);
    await click(button(root, 'Remove AI'));
    expect(props.save).toHaveBeenCalledWith({ neverTag: ['CEO'] }, 'AI can be tagged again.');
    await change(byLabel(root, 'Also detect lower-case cashtags, like $crdo'), true);
    expect(props.save).toHaveBeenLastCalledWith({ lowercaseCashtags: true });
  });
});
