// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageTicker, TickerInfo } from '../../lib/view-models';
import { emptyIndex, mentions, newContext, universe } from './lens-testing';
import { createPageReport } from './page-report';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

function setup(infos: (symbols: string[]) => Promise<Map<string, TickerInfo>> = async () => new Map()) {
  const scan = { index: emptyIndex(), rescanning: false };
  const sent: PageTicker[][] = [];
  let fail = false;
  const deliver = vi.fn(async (tickers: PageTicker[]) => {
    if (fail) throw new Error('no worker');
    sent.push(tickers);
  });
  const report = createPageReport(newContext(), scan, universe, infos, deliver);
  return { scan, sent, report, deliver, failNext: (f: boolean) => (fail = f) };
}

describe('createPageReport', () => {
  it('sends the counts of the last pass after the debounce, named from the infos or the universe', async () => {
    const infos = async (symbols: string[]) =>
      new Map(
        symbols
          .filter((s) => s === 'CRDO')
          .map((s) => [
            s,
            { symbol: s, name: 'Credo (worker)', listed: true, russell2000: null } as TickerInfo,
          ]),
      );
    const { scan, sent, report } = setup(infos);
    mentions(scan.index, 'CRDO and HWC, then CRDO again', ['CRDO', 'HWC']);
    mentions(scan.index, 'CRDO later', ['CRDO']);
    report.soon();
    await vi.advanceTimersByTimeAsync(700);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toEqual([
      [
        { symbol: 'CRDO', name: 'Credo (worker)', count: 2, russell2000: false, listed: true },
        { symbol: 'HWC', name: 'Hancock Whitney', count: 1, russell2000: true, listed: true },
      ],
    ]);
  });

  it('does not send the same list twice, but does after a reset (SPA navigation)', async () => {
    const { scan, sent, report } = setup();
    mentions(scan.index, 'HWC', ['HWC']);
    report.soon();
    await vi.advanceTimersByTimeAsync(1000);
    report.soon();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
    report.reset();
    report.soon();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(2);
  });

  it('waits while a rescan is under way, and retries a failed send after the next pass', async () => {
    const { scan, sent, report, failNext } = setup();
    mentions(scan.index, 'HWC', ['HWC']);
    scan.rescanning = true;
    report.soon();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(0);
    scan.rescanning = false;
    failNext(true);
    report.soon();
    await vi.advanceTimersByTimeAsync(1000);
    failNext(false);
    report.soon();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
  });

  it('names tickers from the bundled universe when the worker cannot answer', async () => {
    const { scan, sent, report } = setup(async () => {
      throw new Error('asleep');
    });
    mentions(scan.index, 'KO', ['KO']);
    report.soon();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent[0]).toEqual([
      { symbol: 'KO', name: 'Coca-Cola', count: 1, russell2000: false, listed: true },
    ]);
  });

  it('sends nothing once stopped', async () => {
    const { scan, report, deliver } = setup();
    mentions(scan.index, 'HWC', ['HWC']);
    report.soon();
    report.stop();
    await vi.advanceTimersByTimeAsync(6000);
    expect(deliver).not.toHaveBeenCalled();
  });
});
