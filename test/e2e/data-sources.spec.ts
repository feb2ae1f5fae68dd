import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sendFromExtensionPage } from './pages';
import { DATA_SOURCE_HOSTS } from '../../lib/hosts';
import type { SignalCard, SourceStatus, TickerInfo } from '../../lib/view-models';

const refresh = (page: Page) => sendFromExtensionPage<SourceStatus[]>(page, 'refresh', { force: true });
const byId = (list: SourceStatus[]) => Object.fromEntries(list.map((s) => [s.id, s]));

test.describe('Market data reaches the user from real sources, validated and cached', () => {
  test('a fresh install fills the database from every source and reports them healthy', async ({
    popup,
    sources,
  }) => {
    await popup.open();
    const before = byId(await sendFromExtensionPage<SourceStatus[]>(popup.page, 'getSourceStatus'));
    expect(before['ishares-holdings']!.usingBundled).toBe(true);

    const after = byId(await refresh(popup.page));
    for (const id of [
      'ishares-holdings',
      'ishares-fund',
      'prices',
      'fred',
      'nyfed',
      'kalshi',
      'polymarket',
    ]) {
      expect(after[id]!.lastSuccess, `${id} succeeded`).not.toBeNull();
      expect(after[id]!.usingBundled, `${id} no longer bundled`).toBe(false);
      expect(['ok', 'stale']).toContain(after[id]!.state);
    }
    // Yahoo answers "Not Found" for every per-month ZQ contract in the recordings, as it did
    // in 2026: the source must say so, not invent a price.
    expect(after['fed-futures']!.state).toBe('error');
    expect(after['fed-futures']!.error?.message).toMatch(/Not Found|No data|unavailable|contract answered/i);

    // The fetched holdings now answer per-ticker questions, dated by the file.
    // HWC is in the May 2026 IWM file and not in the July IWB file: a Russell 2000 member.
    const hwc = await sendFromExtensionPage<TickerInfo>(popup.page, 'getTickerInfo', { symbol: 'HWC' });
    expect(hwc.russell2000?.weightPct).toBe(0.17);
    expect(hwc.russell2000?.provenance.asOf).toBe('2026-05-05');
    expect(hwc.russell2000?.provenance.source).toBe('ishares-holdings');
    // BE (1.93 % of IWM in May) is in the newer July IWB file: the newer file wins.
    const be = await sendFromExtensionPage<TickerInfo>(popup.page, 'getTickerInfo', { symbol: 'BE' });
    expect(be.russell1000).toBe(true);

    const card = await sendFromExtensionPage<SignalCard>(popup.page, 'getSignalCard');
    const flows = card.factors.find((f) => f.id === 'flows')!;
    expect(flows.provenance.some((p) => p.source === 'ishares-fund')).toBe(true);

    // Nothing left the browser for a host outside the list.
    expect(sources.outside).toEqual([]);
    for (const url of sources.requests) expect(DATA_SOURCE_HOSTS).toContain(new URL(url).hostname);
    expect(sources.requests.length).toBeGreaterThan(8);
  });

  for (const mode of ['abort', 'http-error', 'html', 'garbage', 'rate-limited'] as const) {
    test(`with every source failing (${mode}) the bundled snapshot is served and each failure is reported`, async ({
      popup,
      sources,
    }) => {
      sources.setMode(mode);
      await popup.open();
      const statuses = await refresh(popup.page);
      for (const s of statuses) {
        expect(s.state, s.id).toBe('error');
        expect(s.error?.message.length, s.id).toBeGreaterThan(3);
        expect(s.usingBundled, s.id).toBe(true);
      }
      if (mode === 'rate-limited') expect(statuses[0]!.error?.retryAfterSec).toBe(120);
      const card = await sendFromExtensionPage<SignalCard>(popup.page, 'getSignalCard');
      const flows = card.factors.find((f) => f.id === 'flows')!;
      expect(flows.state).not.toBe('unknown');
      expect(flows.provenance[0]?.source).toBe('bundled');
      const hwc = await sendFromExtensionPage<TickerInfo>(popup.page, 'getTickerInfo', { symbol: 'HWC' });
      expect(hwc.russell2000?.weightPct).toBe(0.17);
      expect(hwc.russell2000?.provenance.source).toBe('bundled');
    });
  }

  test('a later good response replaces the bundled data, and a later failure keeps it', async ({
    popup,
    sources,
  }) => {
    sources.setMode('http-error');
    await popup.open();
    await refresh(popup.page);
    sources.setMode('ok');
    const ok = byId(await refresh(popup.page));
    expect(ok['ishares-holdings']!.usingBundled).toBe(false);
    sources.setMode('garbage');
    const bad = byId(await refresh(popup.page));
    expect(bad['ishares-holdings']!.state).toBe('error');
    expect(bad['ishares-holdings']!.usingBundled).toBe(false); // the fetched data is still there
    const hwc = await sendFromExtensionPage<TickerInfo>(popup.page, 'getTickerInfo', { symbol: 'HWC' });
    expect(hwc.russell2000?.provenance.source).toBe('ishares-holdings');
  });
});
