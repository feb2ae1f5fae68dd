/**
 * Answers the data sources' REAL URLs (as the extension's service worker requests them) from
 * the recorded responses in ../shared/fixtures/real, through context.route(). Modes let a test
 * make every source fail in a chosen way. Every request the worker makes is logged, so a test
 * can prove nothing goes to a host outside the list.
 */
import type { BrowserContext, Route } from '@playwright/test';
import { DATA_SOURCE_HOSTS } from '../../lib/hosts';
import { readRealBytes } from '../shared-fixtures';

export type SourceMode = 'ok' | 'http-error' | 'timeout' | 'garbage' | 'html' | 'abort' | 'rate-limited';

export interface Recorded {
  status: number;
  contentType: string;
  body: string | Buffer;
}

const read = (name: string) => readRealBytes(name);

function yahooBody(name: string): string {
  const env = JSON.parse(read(name).toString('utf8')) as { response?: { bodyJson?: unknown } };
  return JSON.stringify(env.response?.bodyJson ?? env);
}

/** The recorded answer for a data-source URL, or null when nothing was recorded for it. */
export function recordedResponseFor(url: string): Recorded | null {
  const u = new URL(url);
  const csv = (name: string): Recorded => ({ status: 200, contentType: 'text/csv', body: read(name) });
  const json = (body: string | Buffer): Recorded => ({ status: 200, contentType: 'application/json', body });
  switch (u.hostname) {
    case 'www.ishares.com': {
      const fileName = u.searchParams.get('fileName') ?? '';
      if (fileName === 'IWM_holdings') return csv('IWM_holdings_2026-05-05.csv');
      if (fileName === 'IWB_holdings') return csv('IWB_holdings_2026-07-17.csv');
      if (fileName.includes('Russell-2000') && u.searchParams.get('fileType') === 'xls')
        return {
          status: 200,
          contentType: 'application/vnd.ms-excel',
          body: read('ishares_IWM_fund_2025-12-24.excerpt.spreadsheetml.xls'),
        };
      return null;
    }
    case 'query1.finance.yahoo.com':
    case 'query2.finance.yahoo.com': {
      const symbol = decodeURIComponent(u.pathname.split('/').pop() ?? '');
      if (symbol === 'SPY') return json(yahooBody('yahoo_chart_SPY_5d_2026-02-20.json'));
      if (symbol === 'AAPL')
        return json(yahooBody('yahoo_chart_recorded_AAPL-2020-08-31-to-2020-11-07.json'));
      if (symbol === 'QQQ') return json(yahooBody('yahoo_chart_recorded_QQQ-2020-01-01-to-2020-01-03.json'));
      // Yahoo's real answer for an unknown symbol.
      return {
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({
          chart: {
            result: null,
            error: { code: 'Not Found', description: 'No data found, symbol may be delisted' },
          },
        }),
      };
    }
    case 'stooq.com':
      if (u.searchParams.get('s') === 'iwm.us') return csv('stooq_iwm_us_d_2026-05-05.csv');
      return { status: 200, contentType: 'text/plain', body: 'No data' };
    case 'fred.stlouisfed.org': {
      const id = u.searchParams.get('id');
      const file: Record<string, string> = {
        DGS2: 'fred_DGS2_2021-02-12_to_2026-02-12.csv',
        DGS10: 'fred_DGS10_2021-02-12_to_2026-02-12.csv',
        DFEDTARU: 'fred_DFEDTARU_2020-06-29_to_2025-06-29.csv',
        DFEDTARL: 'fred_DFEDTARL_oldformat_2008-12-16_to_2024-01-31.csv',
      };
      return id && file[id] ? csv(file[id]) : null;
    }
    case 'markets.newyorkfed.org':
      return json(read('nyfed_effr_search_2023-01-01_to_2023-06-06.json'));
    case 'api.elections.kalshi.com':
      return json(read('kalshi_event_KXFEDDECISION-25OCT.as_pasted.json'));
    case 'gamma-api.polymarket.com':
      return json(read('polymarket_gamma_event_fed-decision-in-september-762_2026-09-15.trimmed.json'));
    default:
      return null;
  }
}

export interface SourceRouter {
  /** Every data-source request seen, in order. */
  requests: string[];
  /** Requests to hosts outside the allowed list (should stay empty). */
  outside: string[];
  setMode(mode: SourceMode, hostFilter?: (host: string) => boolean): void;
}

const GARBAGE = '\u0000\u0001{"chart": [1,2,' + 'x'.repeat(1000);
const HTML_CHALLENGE =
  '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>';

export async function routeSources(
  context: BrowserContext,
  initial: SourceMode = 'ok',
): Promise<SourceRouter> {
  let mode: SourceMode = initial;
  let filter: (host: string) => boolean = () => true;
  const router: SourceRouter = {
    requests: [],
    outside: [],
    setMode(m, f) {
      mode = m;
      filter = f ?? (() => true);
    },
  };
  const allowed = new Set<string>(DATA_SOURCE_HOSTS);
  await context.route(
    (u) => u.protocol === 'https:' && allowed.has(u.hostname),
    async (route: Route) => {
      const url = route.request().url();
      router.requests.push(url);
      const host = new URL(url).hostname;
      const m = filter(host) ? mode : 'ok';
      switch (m) {
        case 'abort':
          return route.abort('internetdisconnected');
        case 'timeout':
          return; // never answered: the extension's own deadline must fire
        case 'http-error':
          return route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
        case 'rate-limited':
          return route.fulfill({ status: 429, headers: { 'retry-after': '120' }, body: 'Too Many Requests' });
        case 'html':
          return route.fulfill({ status: 200, contentType: 'text/html', body: HTML_CHALLENGE });
        case 'garbage':
          return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: GARBAGE });
        case 'ok': {
          const rec = recordedResponseFor(url);
          if (!rec) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not recorded' });
          return route.fulfill({ status: rec.status, contentType: rec.contentType, body: rec.body });
        }
      }
    },
  );
  return router;
}

/**
 * Blocks every request to a host that is neither a data source nor a test page (the recorded
 * pages point at live CDNs and ad servers), and logs those the extension's worker made.
 */
export async function guardEgress(
  context: BrowserContext,
  router: SourceRouter,
  allowHosts: string[],
): Promise<void> {
  const allowed = new Set<string>([...DATA_SOURCE_HOSTS, ...allowHosts]);
  await context.route(
    (u) =>
      (u.protocol === 'http:' || u.protocol === 'https:') &&
      !allowed.has(u.hostname) &&
      u.hostname !== '127.0.0.1',
    async (route) => {
      if (route.request().serviceWorker()) router.outside.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
}
