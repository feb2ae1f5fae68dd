/** The Chromium suite's way of finding an underlined ticker (test/e2e/underlines.ts), for puppeteer pages. */
import type { Page } from 'puppeteer-core';
import { underlinedPointInPage, type Point } from '../e2e/underlines';
import { until } from './firefox';

/** Polls until `symbol` is underlined on `page`; its centre, scrolled into view. */
export function waitForUnderlinedIn(page: Page, symbol: string, timeoutMs = 15_000): Promise<Point> {
  return until(
    () => page.evaluate(underlinedPointInPage, [symbol, ''] as const).catch(() => null),
    `${symbol} was not underlined`,
    timeoutMs,
  );
}
