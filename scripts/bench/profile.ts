/**
 * Where does the full scan spend its time? `tsx scripts/bench/profile.ts [10k|100k|real]`
 * CPU-profiles (CDP Profiler, 100 µs sampling) the harness's synchronous full scan and the bare
 * traversal on a benchmark page and prints self time by function (bundle line → source name).
 */
import { chromium } from '@playwright/test';
import { bundleHarness } from './bundle';
import { generatedPage, realArticle } from './pages';
import { findBrowser } from '../find-browser';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const which = process.argv[2] ?? '10k';
const html = which === 'real' ? realArticle() : generatedPage(which === '100k' ? 100_000 : 10_000).html;
const harness = await bundleHarness('scan-harness');
const lines = harness.split('\n');
/** esbuild writes `// path` comments before each module: map a bundle line to its module. */
const moduleAt = (line: number): string => {
  for (let i = line; i >= 0; i--) {
    const m = /^\s*\/\/ (\S+\.(?:ts|tsx|json))$/.exec(lines[i] ?? '');
    if (m) return m[1]!.replace(/^.*?(lib|entrypoints|scripts)\//, '$1/');
  }
  return '?';
};

const browser = await chromium.launch({
  executablePath: await findBrowser({ install: false }),
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});
const page = await browser.newPage();
await page.route('**/*', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: html }));
await page.goto('https://bench.invalid/page.html');
await page.addScriptTag({ content: `${harness}\n//# sourceURL=bench-harness.js` });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
type Api = { full(n: number): { ms: number }; bare(n: number): { ms: number } };
for (const variant of (process.env.VARIANTS ?? 'bare,full').split(',') as Array<'bare' | 'full'>) {
  await page.evaluate((v) => (window as unknown as { __bench: Api }).__bench[v](2), variant); // warm
  await cdp.send('Profiler.start');
  const ms = await page.evaluate((v) => (window as unknown as { __bench: Api }).__bench[v](5).ms, variant);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const where = f.url ? `${moduleAt(f.lineNumber)}:${f.lineNumber + 1}` : '(native)';
    const key = `${f.functionName || '(anonymous)'} @ ${where}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\n${variant} on ${which}: ${ms.toFixed(1)} ms per run (wall); profile ${total.toFixed(0)} ms over 5 runs`,
  );
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25)))
    console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${v.toFixed(1).padStart(7)} ms  ${k}`);
}
await browser.close();
