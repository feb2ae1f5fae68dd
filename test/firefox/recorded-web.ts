/**
 * The web as the Firefox suite sees it: an HTTP proxy on 127.0.0.1 that Firefox is configured to
 * use for every http and https request. It answers the data sources' REAL URLs from the recorded
 * responses (test/e2e/sources.ts, shared with the Chromium suite), serves test pages at the
 * news-site URLs a test registers, and refuses everything else (logging it).
 *
 * Why a proxy and not WebDriver BiDi interception (what the Chromium suite does with
 * context.route): Firefox 140's BiDi network events cover tabs only, not the add-on's background
 * page, so its fetches cannot be intercepted there. A proxy sees every request the browser makes,
 * so the add-on is tested exactly as built (same hosts, same https URLs). HTTPS is terminated here
 * with a throw-away self-signed certificate, which Firefox accepts because the session is started
 * with acceptInsecureCerts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { DATA_SOURCE_HOSTS } from '../../lib/hosts';
import { recordedResponseFor, type SourceMode } from '../e2e/sources';
import { LOCAL_PAGES_DIR } from '../e2e/page-server';

export interface RecordedWeb {
  /** host:port of the proxy. */
  host: string;
  port: number;
  /** Every data-source request seen, in order. */
  requests: string[];
  /** Requests to hosts that are neither a data source nor a registered page (refused). */
  outside: string[];
  /** Firefox's own service traffic (remote settings, captive-portal check), refused and kept apart. */
  browserOwn: string[];
  setMode(mode: SourceMode): void;
  /**
   * Serves `file` (from test/fixtures/pages) at `url`, with extra response `headers` (e.g. a
   * Content-Security-Policy); any other path on that host is a 404.
   */
  servePage(url: string, file: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/** A key and certificate for this run only (openssl ships with every Debian/Ubuntu image). */
function throwAwayCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'scl-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-subj',
        '/CN=small-cap-lens recorded web',
        '-days',
        '2',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch (e) {
    throw new Error(
      `The Firefox suite's proxy makes its certificate with openssl, which failed (${String(e)}). ` +
        'Install it, e.g. `sudo apt-get install -y openssl`.',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const GARBAGE = '\u0000\u0001{"chart": [1,2,' + 'x'.repeat(1000);
const HTML_CHALLENGE =
  '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>';

/** Hosts Firefox itself calls (not the add-on): kept out of `outside` so that list means "the add-on". */
const isBrowserOwn = (host: string) => /(^|\.)(mozilla\.(com|net|org)|firefox\.com)$/.test(host);

export async function startRecordedWeb(initial: SourceMode = 'ok'): Promise<RecordedWeb> {
  const { key, cert } = throwAwayCertificate();
  const dataHosts = new Set<string>(DATA_SOURCE_HOSTS);
  const pages = new Map<string, { file: string; headers: Record<string, string> }>(); // "host/path" →
  const pageHosts = new Set<string>();
  let mode: SourceMode = initial;
  const sockets = new Set<Socket>();

  const web: Omit<RecordedWeb, 'host' | 'port' | 'close'> = {
    requests: [],
    outside: [],
    browserOwn: [],
    setMode: (m) => {
      mode = m;
    },
    servePage: (url, file, headers = {}) => {
      const u = new URL(url);
      pages.set(u.host + u.pathname, { file, headers });
      pageHosts.add(u.host);
    },
  };

  function answer(scheme: 'http' | 'https', req: IncomingMessage, res: ServerResponse): void {
    // Through a proxy, plain http requests carry the absolute URL; inside a CONNECT tunnel the
    // path is relative and the host is in the Host header.
    const url = /^https?:\/\//.test(req.url ?? '')
      ? new URL(req.url!)
      : new URL(`${scheme}://${req.headers.host}${req.url ?? '/'}`);
    const send = (
      status: number,
      type: string,
      body: string | Buffer,
      headers: Record<string, string> = {},
    ) => {
      res.writeHead(status, { 'content-type': type, 'access-control-allow-origin': '*', ...headers });
      res.end(body);
    };
    if (dataHosts.has(url.hostname) && url.protocol === 'https:') {
      web.requests.push(url.href);
      switch (mode) {
        case 'abort':
          req.socket.destroy();
          return;
        case 'timeout':
          return; // never answered: the extension's own deadline must fire
        case 'http-error':
          return send(500, 'text/plain', 'Internal Server Error');
        case 'rate-limited':
          return send(429, 'text/plain', 'Too Many Requests', { 'retry-after': '120' });
        case 'html':
          return send(200, 'text/html', HTML_CHALLENGE);
        case 'garbage':
          return send(200, 'application/octet-stream', GARBAGE);
        case 'ok': {
          const rec = recordedResponseFor(url.href);
          if (!rec) return send(404, 'text/plain', 'not recorded');
          return send(rec.status, rec.contentType, rec.body);
        }
      }
    }
    if (pageHosts.has(url.host)) {
      const page = pages.get(url.host + url.pathname);
      if (!page) return send(404, 'text/plain', 'not found');
      return send(
        200,
        'text/html; charset=utf-8',
        readFileSync(join(LOCAL_PAGES_DIR, page.file)),
        page.headers,
      );
    }
    (isBrowserOwn(url.hostname) ? web.browserOwn : web.outside).push(url.href);
    send(403, 'text/plain', 'refused by the test proxy');
  }

  const httpsInside: Server = createServer((req, res) => answer('https', req, res));
  const proxy: Server = createServer((req, res) => answer('http', req, res));
  proxy.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const [hostname] = (req.url ?? '').split(':');
    if (mode === 'abort' && dataHosts.has(hostname ?? '')) {
      // "Network down": the tunnel is refused, so the fetch fails at once, as offline.
      web.requests.push(`https://${req.url}`);
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    if (!dataHosts.has(hostname ?? '') && !pageHosts.has(hostname ?? '')) {
      (isBrowserOwn(hostname ?? '') ? web.browserOwn : web.outside).push(`https://${req.url}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    const tls = new TLSSocket(socket, { isServer: true, key, cert });
    tls.on('error', () => socket.destroy());
    httpsInside.emit('connection', tls);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const addr = proxy.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    ...web,
    host: '127.0.0.1',
    port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => proxy.close(() => r()));
    },
  };
}

/** Firefox preferences that send every request (localhost aside) through the proxy. */
export function proxyPrefs(
  web: Pick<RecordedWeb, 'host' | 'port'>,
): Record<string, string | number | boolean> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': web.host,
    'network.proxy.http_port': web.port,
    'network.proxy.ssl': web.host,
    'network.proxy.ssl_port': web.port,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    // DNS goes through the proxy too: the test machine may have no resolver.
    'network.proxy.socks_remote_dns': true,
    'network.dns.disablePrefetch': true,
  };
}
