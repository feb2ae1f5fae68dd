/**
 * Size of every entrypoint of a built extension (raw and gzip -9), following the static
 * imports of each entry into shared chunks; dynamic import() targets are counted as lazy.
 * Also estimates which share of the content script is the hover card (Preact, card UI, its SVG
 * chart) with an esbuild metafile of the same sources.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySize {
  entry: string;
  /** Files loaded at start (the entry and its static imports), relative to the output dir. */
  files: string[];
  raw: number;
  gzip: number;
  /** Files only reached through import() (loaded on demand). */
  lazyFiles: string[];
  lazyRaw: number;
  lazyGzip: number;
}

export const gzipSize = (buf: Buffer | string): number => gzipSync(buf, { level: 9 }).length;

const STATIC_IMPORT = /(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g;
const EXPORT_FROM = /export\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["']([^"']+\.js)["']\s*\)/g;

function resolveRef(dir: string, fromFile: string, ref: string): string {
  const base = ref.startsWith('/') ? ref.slice(1) : posix.join(posix.dirname(fromFile), ref);
  return posix.normalize(base);
}

function follow(dir: string, starts: string[]): { eager: string[]; lazy: string[] } {
  const eager = new Set<string>();
  const lazyRefs = new Set<string>();
  const visit = (file: string) => {
    if (eager.has(file) || !existsSync(join(dir, file))) return;
    eager.add(file);
    const src = readFileSync(join(dir, file), 'utf8');
    for (const re of [STATIC_IMPORT, EXPORT_FROM]) {
      for (const m of src.matchAll(re)) visit(resolveRef(dir, file, m[1]!));
    }
    for (const m of src.matchAll(DYNAMIC_IMPORT)) lazyRefs.add(resolveRef(dir, file, m[1]!));
  };
  starts.forEach(visit);
  // Lazy chunks and what they import (minus what is already loaded).
  const lazy = new Set<string>();
  const visitLazy = (file: string) => {
    if (eager.has(file) || lazy.has(file) || !existsSync(join(dir, file))) return;
    lazy.add(file);
    const src = readFileSync(join(dir, file), 'utf8');
    for (const re of [STATIC_IMPORT, EXPORT_FROM, DYNAMIC_IMPORT]) {
      for (const m of src.matchAll(re)) visitLazy(resolveRef(dir, file, m[1]!));
    }
  };
  lazyRefs.forEach(visitLazy);
  return { eager: [...eager], lazy: [...lazy] };
}

function sum(dir: string, files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = readFileSync(join(dir, f));
    raw += buf.length;
    gzip += gzipSize(buf);
  }
  return { raw, gzip };
}

export function entrySizes(outDir: string): EntrySize[] {
  const dir = resolve(outDir);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string; scripts?: string[] };
    content_scripts?: Array<{ js?: string[] }>;
    web_accessible_resources?: Array<{ resources?: string[] } | string>;
  };
  // Web-accessible scripts (e.g. hover-card.js) are what a content script import()s through
  // runtime.getURL: lazy parts of the content script that names them.
  const war = (manifest.web_accessible_resources ?? [])
    .flatMap((w) => (typeof w === 'string' ? [w] : (w.resources ?? [])))
    .filter((f) => f.endsWith('.js') && existsSync(join(dir, f)));
  const entries: Array<{ entry: string; starts: string[] }> = [];
  const bg = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
  if (bg) entries.push({ entry: 'background', starts: [bg] });
  for (const cs of manifest.content_scripts ?? []) {
    for (const js of cs.js ?? [])
      entries.push({ entry: js.replace(/^content-scripts\/|\.js$/g, ''), starts: [js] });
  }
  // Content scripts registered at run time live in content-scripts/ too.
  for (const html of ['popup.html', 'sidepanel.html', 'options.html']) {
    if (!existsSync(join(dir, html))) continue;
    const src = readFileSync(join(dir, html), 'utf8');
    const starts = [
      ...src.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
      ...src.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ].map((m) => resolveRef(dir, html, m[1]!));
    entries.push({ entry: html.replace('.html', ''), starts });
  }
  return entries.map(({ entry, starts }) => {
    const { eager, lazy: lazyImports } = follow(dir, starts);
    const names = eager.map((f) => readFileSync(join(dir, f), 'utf8'));
    const named = war.filter(
      (w) => !eager.includes(w) && names.some((src) => src.includes(w.split('/').pop()!)),
    );
    const lazy = [...new Set([...lazyImports, ...(named.length ? follow(dir, named).eager : [])])].filter(
      (f) => !eager.includes(f),
    );
    const e = sum(dir, eager);
    const l = sum(dir, lazy);
    return {
      entry,
      files: eager,
      raw: e.raw,
      gzip: e.gzip,
      lazyFiles: lazy,
      lazyRaw: l.raw,
      lazyGzip: l.gzip,
    };
  });
}

export interface ContentShare {
  /** Minified bytes per group, from an esbuild bundle of the content script's eager modules. */
  groups: Record<string, number>;
  total: number;
  /** Card UI + Preact + the card's SVG chart, as a share of the eager minified total. */
  cardShare: number;
  /** Whether uPlot ended up in the content script (it must not). */
  hasUplot: boolean;
}

function groupOf(path: string): string {
  const p = path.replace(/\\/g, '/');
  if (p.includes('node_modules/preact/')) return 'preact';
  if (p.includes('node_modules/uplot/')) return 'uplot';
  if (p.includes('node_modules/')) return 'wxt runtime + polyfill';
  if (p.includes('entrypoints/hover-card/')) return 'card UI';
  if (p.includes('lib/detect/')) return 'detector (lib/detect)';
  if (p.includes('entrypoints/news.content/') || p.includes('lib/lens/')) return 'scanner, lens, highlights';
  return 'other lib (messaging, model…)';
}

/**
 * Bundles the content script (entrypoints/news.content/index.ts; WXT's auto-imported
 * defineContentScript stays a free identifier, which is fine for sizing) minified, and groups
 * the output bytes by source. A card loaded with import(url) is not followed: it is measured
 * from the build (the lazy part of the entry).
 */
export async function contentShare(root = process.cwd()): Promise<ContentShare> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [resolve(root, 'entrypoints/news.content/index.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    metafile: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { 'wxt/browser': 'webextension-polyfill' },
    logLevel: 'silent',
  });
  const groups: Record<string, number> = {};
  let total = 0;
  for (const o of Object.values(out.metafile.outputs)) {
    for (const [path, info] of Object.entries(o.inputs)) {
      const g = groupOf(relative(root, resolve(root, path)));
      groups[g] = (groups[g] ?? 0) + info.bytesInOutput;
      total += info.bytesInOutput;
    }
  }
  const card = (groups['card UI'] ?? 0) + (groups['preact'] ?? 0);
  return { groups, total, cardShare: total ? card / total : 0, hasUplot: (groups['uplot'] ?? 0) > 0 };
}

export const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
