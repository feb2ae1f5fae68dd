/**
 * User story: with no account and no notifications permission, a refresh answered with a newer
 * recorded file raises an alert in the side-panel log and a count on the toolbar icon.
 *
 * FRED answers DGS2 first with the Feb 2021 – Feb 2026 recording, then with the Jan – Sep 2026
 * recording (as FRED would have answered on 10 and 11 Sep 2026: the file up to the day before).
 * The recorded data is months old today, and alerts never fire on stale data, so the worker's
 * clock is set to the day after each file's last observation (the test drives time, not data).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { sendFromExtensionPage } from './pages';
import { realPath } from '../shared-fixtures';
import type { AlertRecord } from '../../lib/alerts/types';

const OLD = readFileSync(realPath('fred_DGS2_2021-02-12_to_2026-02-12.csv'), 'utf8');
const NEW = readFileSync(realPath('fred_DGS2_2026-01-02_to_2026-09-10.csv'), 'utf8');
/** The recording's lines up to and including `last` (header kept). */
const upTo = (csv: string, last: string) =>
  csv
    .split('\n')
    .filter((l, i) => i === 0 || (l.slice(0, 10) <= last && l.trim() !== ''))
    .join('\n') + '\n';

async function setWorkerClock(worker: Worker, iso: string): Promise<void> {
  await worker.evaluate((at) => {
    const g = globalThis as unknown as { Date: DateConstructor; __realDate?: DateConstructor };
    const Real = (g.__realDate ??= g.Date);
    const offset = Date.parse(at) - Real.now();
    class ShiftedDate extends Real {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(Real.now() + offset);
        else super(...(args as [string]));
      }
      static override now() {
        return Real.now() + offset;
      }
    }
    g.Date = ShiftedDate as DateConstructor;
  }, iso);
}

const badgeText = (worker: Worker) =>
  worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } })
      .chrome;
    return c.action.getBadgeText({});
  });

const refresh = (page: Page) => sendFromExtensionPage(page, 'refresh', { force: true });

test.describe('Alerts without an account', () => {
  test('a refresh answered with a newer recorded file raises a log entry and the badge', async ({
    context,
    extensionId,
    sidePanel,
  }) => {
    let dgs2 = OLD;
    // Registered after the fixture's routes, so it answers FRED's DGS2 first.
    await context.route(
      (u) => u.hostname === 'fred.stlouisfed.org' && u.searchParams.get('id') === 'DGS2',
      (route) => route.fulfill({ status: 200, contentType: 'text/csv', body: dgs2 }),
    );
    const [worker] = context.serviceWorkers();
    expect(worker).toBeDefined();
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);

    // No permission asked or granted: alerts go to the log and the badge.
    const granted = await page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }
      ).chrome.permissions.contains({ permissions: ['notifications'] }),
    );
    expect(granted).toBe(false);

    // Day 1 (13 Feb 2026): the first fetched reading is a baseline, never an alert.
    await setWorkerClock(worker!, '2026-02-13T18:00:00Z');
    await refresh(page);
    expect((await sendFromExtensionPage<{ alerts: AlertRecord[] }>(page, 'getAlerts')).alerts).toEqual([]);
    expect(await badgeText(worker!)).toBe('');

    // 10 Sep 2026: FRED answers with the newer recording (to 9 Sep); 11 Sep: up to 10 Sep.
    dgs2 = upTo(NEW, '2026-09-09');
    await setWorkerClock(worker!, '2026-09-10T18:00:00Z');
    await refresh(page);
    dgs2 = upTo(NEW, '2026-09-10');
    await setWorkerClock(worker!, '2026-09-11T18:00:00Z');
    await refresh(page);
    await refresh(page); // the same refresh again adds nothing

    const { alerts, unseen } = await sendFromExtensionPage<{ alerts: AlertRecord[]; unseen: number }>(
      page,
      'getAlerts',
    );
    const yields = alerts.filter((a) => a.rule === 'yields-2y');
    expect(yields).toHaveLength(1);
    expect(yields[0]!.title).toBe('2-year Treasury yield rose 41 bp within a month');
    expect(yields[0]!.from).toMatchObject({ text: '4.15%', asOf: '2026-08-13' });
    expect(yields[0]!.to).toMatchObject({ text: '4.56%', asOf: '2026-09-10' });
    expect(unseen).toBe(alerts.length);
    expect(await badgeText(worker!)).toBe(String(alerts.length));

    // The side panel shows the entry with both readings; opening it clears the badge.
    await sidePanel.open();
    const log = sidePanel.page.getByTestId('alert-log');
    const entry = log.getByTestId('alert-entry').filter({ hasText: '2-year Treasury yield rose 41 bp' });
    await expect(entry).toBeVisible();
    await expect(entry).toContainText('4.15%');
    await expect(entry).toContainText('as of 13 Aug 2026');
    await expect(entry).toContainText('4.56%');
    await expect(entry).toContainText('as of 10 Sep 2026');
    await expect(entry.getByRole('link', { name: 'Open the card' })).toHaveAttribute(
      'href',
      `chrome-extension://${extensionId}/popup.html#factor-yields`,
    );
    await expect.poll(() => badgeText(worker!)).toBe('');

    // The log and Options › Alerts pass axe with entries on screen.
    for (const p of [sidePanel.page, page]) {
      if (p === page) {
        await page.reload();
        await expect(page.getByTestId('alerts-options')).toBeVisible();
      }
      const results = await new AxeBuilder({ page: p }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }

    // Clear: the entry leaves the log and does not come back on the next refresh.
    await entry.getByRole('button', { name: /^Clear: 2-year/ }).click();
    await expect(entry).toHaveCount(0);
    await refresh(page);
    const after = await sendFromExtensionPage<{ alerts: AlertRecord[] }>(page, 'getAlerts');
    expect(after.alerts.some((a) => a.id === yields[0]!.id)).toBe(false);
  });
});
