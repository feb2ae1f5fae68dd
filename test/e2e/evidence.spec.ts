/**
 * User story: "What happened next" — a reader opens the popup, unfolds a factor's history and
 * sees how IWM did after such readings, against all days, with the caveats; the hover card's
 * strip leads there too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { sendFromExtensionPage } from './pages';
import { LensCard } from './card-probe';
import { servePageAt } from './page-server';
import {
  evidenceSentence,
  leadCondition,
  type EvidenceReport,
  type EvidenceView,
} from '../../lib/signals/evidence-text';

const DEMO_URL = 'https://www.globenewswire.com/news-release/2026/11/25/small-cap-lens-demo.html';
const bundled = JSON.parse(readFileSync(resolve('lib/data/evidence.json'), 'utf8')) as EvidenceReport;
const factor = (id: string) => bundled.evidence.factors.find((f) => f.id === id)!;

test.describe('A reader asks what happened next after a signal', () => {
  test('the popup’s flows and drawdown rows unfold the history, numbers as bundled', async ({ popup }) => {
    await popup.open();
    // The factor rows sit behind the six-line grid's disclosure.
    await popup.page.getByText('Why, details and charts').click();
    const flows = popup.factor('flows');
    await expect(flows).toBeVisible();
    const panel = flows.getByTestId('evidence-flows');
    // Closed until asked: nothing loaded, nothing drawn.
    await expect(panel.locator('.evidence-body')).toHaveCount(0);
    await panel.getByText('What happened next').click();

    const sentence = panel.getByTestId('evidence-sentence');
    await expect(sentence).toContainText('separate episodes since 2003');
    await expect(sentence).toContainText('on all days');
    // The sentence is the bundled evidence's, for the condition the card's own data are in.
    const view = await sendFromExtensionPage<EvidenceView>(popup.page, 'getEvidence');
    const f = factor('flows');
    await expect(sentence).toHaveText(evidenceSentence(f, leadCondition(f, view.today.flows)!));
    await expect(panel.locator('.evidence-verdict')).not.toBeEmpty();
    await expect(panel.getByRole('table')).toContainText('6 months');
    await expect(panel.getByRole('table')).toContainText('All days');
    await expect(panel.locator('.evidence-caveats')).toContainText('Overlapping windows');
    await expect(panel.locator('.evidence-caveats')).toContainText('not advice');
    // The uPlot chart is drawn (a canvas inside the chart's figure).
    await expect(panel.locator('.evidence-chart-plot canvas').first()).toBeVisible();

    const drawdown = popup.factor('drawdown').getByTestId('evidence-drawdown');
    await drawdown.getByText('What happened next').click();
    await expect(drawdown.getByTestId('evidence-sentence')).toContainText('below its high');
  });

  test('the hover card’s link opens the popup on that factor, its history unfolded', async ({
    context,
    popup,
  }) => {
    await popup.open();
    // The link's message, as the content script sends it.
    const r = await sendFromExtensionPage<{ opened: string }>(popup.page, 'openEvidence', {
      factor: 'drawdown',
    });
    await expectUnfolded(context, popup.page, popup.url, r.opened, 'drawdown', 'below its high');
    // The focus is taken once: a popup opened later starts with every history folded.
    const again = await context.newPage();
    await again.goto(popup.url);
    // Without a focus the rows stay behind the grid's closed disclosure.
    await expect(again.getByTestId('factor-line-drawdown')).toBeVisible();
    await expect(again.getByTestId('factor-drawdown')).toBeHidden();
    await expect(again.getByTestId('evidence-drawdown')).not.toHaveAttribute('open', '');
  });

  // The card carries ONE backdrop line (issue 19: a card read in two seconds); the histories
  // live in the popup it opens.
  test('a reader clicks the hover card’s backdrop line and the popup opens', async ({
    context,
    pageServer,
    extensionId,
  }) => {
    await servePageAt(context, pageServer, DEMO_URL, 'demo-news.html');
    const page = await context.newPage();
    await page.goto(DEMO_URL);
    const card = await LensCard.hover(page, 'HWC', 'HWC');
    const lineName = async () =>
      Object.keys((await card.state()).buttons).find((n) => /^Small-cap backdrop: \d/.test(n)) ?? '';
    await expect.poll(lineName, { timeout: 15_000 }).not.toBe('');
    const box = (await card.state()).buttons[await lineName()]!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    // Chrome opens the toolbar popup (no tab Playwright lists: found through DevTools).
    const popupUrl = `chrome-extension://${extensionId}/popup.html`;
    const cdp = await context.newCDPSession(page);
    const targets = async () =>
      (
        (await cdp.send('Target.getTargets')) as {
          targetInfos: Array<{ url: string }>;
        }
      ).targetInfos.filter((t) => t.url === popupUrl).length;
    await expect.poll(targets, { timeout: 10_000 }).toBeGreaterThan(0);
  });
});

/** The popup (or, without one, the side panel) shows `factor`'s history unfolded. */
async function expectUnfolded(
  context: BrowserContext,
  from: Page,
  popupUrl: string,
  opened: string,
  factor: string,
  text: string,
): Promise<void> {
  expect(['popup', 'side-panel']).toContain(opened);
  if (opened === 'side-panel') {
    // No toolbar popup here: the side panel lists the same evidence and takes the focus.
    const target = await context.newPage();
    await target.goto(popupUrl.replace('popup.html', 'sidepanel.html'));
    const panel = target.getByTestId(`evidence-${factor}`);
    await expect(panel).toHaveAttribute('open', '');
    await expect(panel.getByTestId('evidence-sentence')).toContainText(text);
    return;
  }
  // The toolbar popup is no tab Playwright lists: read it through the DevTools protocol.
  const cdp = await context.newCDPSession(from);
  const self = ((await cdp.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } }).targetInfo;
  const popupTarget = async () =>
    (
      (await cdp.send('Target.getTargets')) as {
        targetInfos: Array<{ targetId: string; url: string; type: string }>;
      }
    ).targetInfos.find((t) => t.url === popupUrl && t.targetId !== self.targetId);
  await expect.poll(async () => (await popupTarget())?.type ?? 'none').not.toBe('none');
  const { sessionId } = (await cdp.send('Target.attachToTarget', {
    targetId: (await popupTarget())!.targetId,
    flatten: false,
  })) as { sessionId: string };
  const evaluate = (expression: string) =>
    new Promise<unknown>((done) => {
      const id = Math.floor(Math.random() * 1e9);
      const onMessage = (e: { sessionId: string; message: string }) => {
        const m = JSON.parse(e.message) as { id?: number; result?: { result?: { value?: unknown } } };
        if (e.sessionId === sessionId && m.id === id) {
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          done(m.result?.result?.value);
        }
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({
          id,
          method: 'Runtime.evaluate',
          params: { expression, returnByValue: true },
        }),
      });
    });
  await expect
    .poll(() =>
      evaluate(
        `(() => { const d = document.querySelector('[data-testid=evidence-${factor}]'); return d && d.open ? (d.querySelector('[data-testid=evidence-sentence]')?.textContent ?? 'open') : 'closed'; })()`,
      ),
    )
    .toContain(text);
}
