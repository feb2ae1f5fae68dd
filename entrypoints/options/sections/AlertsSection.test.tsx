// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../../../lib/alerts/settings';
import { RULE_META } from '../../../lib/alerts/types';
import { answerMessages, permissions } from '../../../test/fake-background';
import { sectionProps } from '../../../test/options-props';
import { button, byLabel, change, click, mount, notices } from '../../../test/preact-dom';
import { AlertsSection } from './AlertsSection';

const NOTIFY = 'Also show system notifications';

describe('Options › Alerts', () => {
  it('asks for the notifications permission in the click and saves only when it is given', async () => {
    const { request } = permissions(false);
    const props = sectionProps();
    const root = await mount(<AlertsSection {...props} />);
    await change(byLabel(root, NOTIFY), true);
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(props.save).not.toHaveBeenCalled();
    expect(notices(root)[0]).toMatch(/^Notifications were not allowed/);

    permissions(true);
    await change(byLabel(root, NOTIFY), true);
    expect(props.save).toHaveBeenCalledWith(
      { alerts: { ...DEFAULT_ALERT_SETTINGS, notify: true } },
      'System notifications on.',
    );
  });

  it('turns notifications off without asking', async () => {
    const { request } = permissions(true);
    const props = sectionProps({ alerts: { ...DEFAULT_ALERT_SETTINGS, notify: true } });
    const root = await mount(<AlertsSection {...props} />);
    await change(byLabel(root, NOTIFY), false);
    expect(request).not.toHaveBeenCalled();
    expect(props.save.mock.calls[0]![0].alerts?.notify).toBe(false);
  });

  it('keeps a rule threshold inside its range and switches a rule off', async () => {
    const props = sectionProps();
    const root = await mount(<AlertsSection {...props} />);
    const t = RULE_META['flows-decile'].threshold!;
    await change(byLabel(root, t.label), '80');
    expect(props.save.mock.calls[0]![0].alerts?.rules['flows-decile'].threshold).toBe(t.max);
    await change(byLabel(root, RULE_META.drawdown.label), false);
    const [patch, what] = props.save.mock.calls[1]!;
    expect(patch.alerts?.rules.drawdown.on).toBe(false);
    expect(what).toBe(`${RULE_META.drawdown.label}: off.`);
  });

  it('lists snoozed rules and resumes one through the background', async () => {
    const sent = answerMessages({ snoozeAlertRule: () => null });
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const props = sectionProps({ alerts: { ...DEFAULT_ALERT_SETTINGS, snoozedUntil: { drawdown: until } } });
    const root = await mount(<AlertsSection {...props} />);
    expect(root.textContent).toContain(`${RULE_META.drawdown.label} — until`);
    await click(button(root, 'Resume'));
    expect(sent).toEqual([{ type: 'snoozeAlertRule', payload: { rule: 'drawdown', hours: 0 } }]);
  });
});
