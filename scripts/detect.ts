/**
 * Ticker detector CLI: `npm run --silent detect -- FILE...` (or `tsx scripts/detect.ts FILE...`).
 * Text files are scanned as one string; HTML files (by extension or a leading tag) as text nodes with
 * their link hrefs. Prints one JSON object per file and line:
 * {"file", "tickers": unique US symbols (names included, OTC left out), "mentions": [...]}.
 * Options: --social (lower-case cashtags), --universe FILE (default lib/data/universe.json).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  detectInDocument,
  loadUniverse,
  type Mention,
  type Segment,
  type UniverseData,
} from '../lib/detect/index';
import { htmlToSegments } from '../lib/detect/html';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const social = args.includes('--social');
const ui = args.indexOf('--universe');
const universePath = ui >= 0 ? (args[ui + 1] ?? '') : resolve(here, '../lib/data/universe.json');
const files = args.filter((a, i) => !a.startsWith('--') && !(ui >= 0 && i === ui + 1));
if (files.length === 0) {
  console.error('usage: tsx scripts/detect.ts [--social] [--universe FILE] FILE...');
  process.exit(2);
}

const universe = loadUniverse(JSON.parse(readFileSync(universePath, 'utf8')) as UniverseData);
let failed = false;
for (const file of files) {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    failed = true;
    continue;
  }
  const isHtml =
    /\.x?html?$/i.test(file) || /^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype|html|head|body)/i.test(raw);
  const segments: Segment[] = isHtml ? htmlToSegments(raw).segments : [raw];
  const result = detectInDocument(segments, universe, { social });
  // Offsets are reported into the concatenated text of all segments.
  const mentions: Array<Pick<Mention, 'symbol' | 'kind' | 'start' | 'end' | 'text'>> = [];
  let offset = 0;
  segments.forEach((seg, i) => {
    for (const m of result.segments[i] ?? []) {
      mentions.push({
        symbol: m.symbol,
        kind: m.kind,
        start: offset + m.start,
        end: offset + m.end,
        text: m.text,
      });
    }
    offset += (typeof seg === 'string' ? seg : seg.text).length;
  });
  process.stdout.write(`${JSON.stringify({ file, tickers: result.tickers, mentions })}\n`);
}
process.exit(failed ? 1 : 0);
