/**
 * A local HTTP server for news-page fixtures (test/fixtures/pages and, when present,
 * ../shared/fixtures/pages), plus a route that serves them at their real news-site URLs so
 * the production content script (which matches only the curated sites) runs on them.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { PAGES_DIR } from '../shared-fixtures';

export const LOCAL_PAGES_DIR = resolve('test/fixtures/pages');

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = [LOCAL_PAGES_DIR, PAGES_DIR]
      .map((d) => ({ d, f: join(d, path) }))
      .find(({ d, f }) => f.startsWith(d + sep) && existsSync(f))?.f;
    if (!file || !/\.(html|txt|css|js)$/.test(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/plain',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * Serves `file` (from the page server) at `url`, a URL on a curated news site, and blocks
 * every third-party request the page makes (the recorded pages point at live CDNs and ads).
 */
export async function servePageAt(
  context: BrowserContext,
  server: PageServer,
  url: string,
  file: string,
): Promise<void> {
  const target = new URL(url);
  await context.route(
    (u) => u.hostname === target.hostname,
    async (route) => {
      const req = new URL(route.request().url());
      if (req.pathname === target.pathname) {
        const res = await route.fetch({ url: `${server.origin}/${file}` });
        await route.fulfill({ response: res, headers: { 'content-type': 'text/html; charset=utf-8' } });
      } else {
        await route.fulfill({ status: 404, body: '' });
      }
    },
  );
}

export function readLocalPage(name: string): string {
  return readFileSync(join(LOCAL_PAGES_DIR, name), 'utf8');
}
