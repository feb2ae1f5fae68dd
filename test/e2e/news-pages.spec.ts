/**
 * Real recorded news pages, as a reader sees them: the expected tickers of each article are
 * underlined, and nothing in the page furniture (navigation, share bars, related rails, captions,
 * credits, footers) is. Labels in news-page-labels.ts. Skipped with one line when the third-party
 * pages (../shared/fixtures/pages) are absent.
 */
import type { Page } from '@playwright/test';
import { hasPages, PAGES_SKIP_REASON } from '../shared-fixtures';
import { expect, test } from './fixtures';
import { PAGE_LABELS } from './news-page-labels';
import { servePageAt } from './page-server';

interface Underline {
  text: string;
  inArticle: boolean;
  where: string;
}

/** Every underlined range: its text and whether it lies inside the article element. */
function underlines(page: Page, article: string): Promise<Underline[]> {
  return page.evaluate((sel) => {
    const parts = Array.from(document.querySelectorAll(sel));
    const out: Underline[] = [];
    for (const name of ['scl-r2000', 'scl-ticker']) {
      const h = CSS.highlights.get(name);
      if (!h) continue;
      for (const r of h as unknown as Iterable<AbstractRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const el = r.startContainer.parentElement;
        const path: string[] = [];
        for (let e = el; e && path.length < 4; e = e.parentElement) {
          path.push(
            e.localName +
              (e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''),
          );
        }
        out.push({
          text: range.toString().replace(/\s+/g, ' ').trim(),
          inArticle: parts.some((p) => p.contains(r.startContainer)),
          where: path.reverse().join('>'),
        });
      }
    }
    return out;
  }, article);
}

test.describe('A reader on real recorded news pages', () => {
  test.skip(!hasPages, PAGES_SKIP_REASON);
  // Without the pages, one skipped story says so (not one per page).
  if (!hasPages) test('every recorded news page', () => {});

  for (const label of hasPages ? PAGE_LABELS : []) {
    test(`${label.file}: the article's tickers are underlined, the page furniture is not`, async ({
      context,
      pageServer,
    }) => {
      await servePageAt(context, pageServer, label.url, label.file);
      const page = await context.newPage();
      await page.goto(label.url, { waitUntil: 'domcontentloaded' });
      await expect(page.locator(label.article).first()).toBeAttached();
      // A pass over the page ends within a few idle slices; wait until the underlines settle.
      let last = -1;
      let found: Underline[] = [];
      for (let stable = 0; stable < 3;) {
        await page.waitForTimeout(400);
        found = await underlines(page, label.article);
        stable = found.length === last ? stable + 1 : 0;
        last = found.length;
      }
      if (process.env.SCL_PRINT_UNDERLINES) console.log(`UNDERLINES ${label.file} ${JSON.stringify(found)}`);
      const outside = found.filter((u) => !u.inArticle).map((u) => `${u.text} @ ${u.where}`);
      expect(outside, 'underlines outside the article').toEqual([]);
      const optional = new Set(label.optional ?? []);
      const got = [...new Set(found.map((u) => u.text))].filter((t) => !optional.has(t)).sort();
      expect(got).toEqual([...label.underlined].sort());
    });
  }
});
