/**
 * Size budgets for a built extension: `tsx scripts/check-size.ts [outDir]` (default
 * .output/chrome-mv3). Prints every entrypoint's JS (the entry plus the shared chunks it loads
 * at start; import() targets listed as lazy), raw and gzip -9, and exits 1 when a budget is
 * exceeded (2 when the output dir is missing).
 *
 * Budget: the news content script ≤ 30 KB gzip before the card is needed, i.e. the eager
 * content-scripts/news.js. A card the content script import()s through runtime.getURL (a
 * web-accessible script such as hover-card.js) is counted as its lazy part and reported.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentShare, entrySizes, kb, type EntrySize } from './bench/size';

/** Gzip budgets in bytes (1 KB = 1024 bytes), per entry name as printed. */
export const BUDGETS: Record<string, number> = {
  news: 30 * 1024,
};

export interface BudgetRow {
  entry: string;
  gzip: number;
  budget: number | null;
  pass: boolean;
}

export function checkBudgets(sizes: EntrySize[], budgets = BUDGETS): BudgetRow[] {
  return sizes.map((s) => {
    const budget = budgets[s.entry] ?? null;
    return { entry: s.entry, gzip: s.gzip, budget, pass: budget === null || s.gzip <= budget };
  });
}

async function main(): Promise<number> {
  const dir = resolve(process.argv[2] ?? '.output/chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`check-size: no built extension at ${dir} (run the build first)`);
    return 2;
  }
  const sizes = entrySizes(dir);
  const rows = checkBudgets(sizes);
  console.log(`Entrypoint JS in ${dir} (gzip -9; 1 KB = 1024 B)`);
  console.log(
    `${'entry'.padEnd(12)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'lazy gzip'.padStart(12)}  budget`,
  );
  for (const s of sizes) {
    const r = rows.find((x) => x.entry === s.entry)!;
    const budget = r.budget === null ? '—' : `≤ ${kb(r.budget)} ${r.pass ? 'PASS' : 'FAIL'}`;
    console.log(
      `${s.entry.padEnd(12)}${kb(s.raw).padStart(11)}${kb(s.gzip).padStart(11)}${(s.lazyFiles.length ? kb(s.lazyGzip) : '—').padStart(12)}  ${budget}`,
    );
  }
  const news = sizes.find((s) => s.entry === 'news');
  if (news?.lazyFiles.length) {
    const share = (100 * news.lazyGzip) / (news.gzip + news.lazyGzip);
    console.log(
      `Hover card: ${news.lazyFiles.join(' + ')} ${kb(news.lazyGzip)} gzip, loaded on first hover ` +
        `(${share.toFixed(0)}% of the content script).`,
    );
  }
  try {
    const share = await contentShare();
    const parts = Object.entries(share.groups)
      .sort((a, b) => b[1] - a[1])
      .map(([g, n]) => `${g} ${((100 * n) / share.total).toFixed(0)}%`)
      .join(', ');
    console.log(
      `Eager content script by source (minified share): ${parts}.` +
        (news && !news.lazyFiles.length
          ? ` Card (card UI + Preact + SVG chart) ≈ ${kb(news.gzip * share.cardShare)} of the gzip.`
          : '') +
        (share.hasUplot ? ' WARNING: uPlot is in the content script.' : ''),
    );
  } catch (e) {
    console.log(`(content-script breakdown unavailable: ${e instanceof Error ? e.message : String(e)})`);
  }
  const failed = rows.filter((r) => !r.pass);
  for (const f of failed)
    console.error(`check-size: ${f.entry} is ${kb(f.gzip)} gzip, over its ${kb(f.budget!)} budget`);
  return failed.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('check-size.ts')) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(2);
    },
  );
}
