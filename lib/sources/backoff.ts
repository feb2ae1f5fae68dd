/**
 * Shared backoff per data host. Every request the background engine makes (the scheduled
 * refresh and the quote path alike) goes through one `withHostBackoff` fetch, so a host that
 * answered 429 (or 503 with Retry-After) is not contacted again, by any caller, until its
 * Retry-After has passed. Without a Retry-After the host rests DEFAULT_REST_SEC.
 */
import type { FetchImpl } from './http';

export const DEFAULT_REST_SEC = 60;
/** A server cannot park us for longer than this (a garbled or hostile Retry-After). */
export const MAX_REST_SEC = 6 * 3600;

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); undefined when absent. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return secs;
  const when = Date.parse(value);
  if (Number.isFinite(when)) return Math.max(0, Math.round((when - now) / 1000));
  return undefined;
}

export class HostBackoff {
  private until = new Map<string, number>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Milliseconds before `host` may be contacted again (0: now). */
  waitMs(host: string): number {
    const t = this.until.get(host);
    if (t === undefined) return 0;
    const left = t - this.now();
    if (left <= 0) this.until.delete(host);
    return Math.max(0, left);
  }

  /** The host asked us to wait `seconds` (or the default rest). */
  rest(host: string, seconds: number | undefined): void {
    const s = Math.min(MAX_REST_SEC, Math.max(1, seconds ?? DEFAULT_REST_SEC));
    const t = this.now() + s * 1000;
    this.until.set(host, Math.max(t, this.until.get(host) ?? 0));
  }
}

/**
 * `fetchImpl` with the host backoff: a resting host is answered here with a 429 carrying the
 * seconds left (no request leaves), and a 429 or a 503 with Retry-After starts a rest.
 */
export function withHostBackoff(fetchImpl: FetchImpl, backoff = new HostBackoff()): FetchImpl {
  return async (input, init) => {
    let host = '';
    try {
      host = new URL(input).hostname;
    } catch {
      return fetchImpl(input, init); // fetchText refuses such URLs before this
    }
    const wait = backoff.waitMs(host);
    if (wait > 0) {
      return new Response('', {
        status: 429,
        statusText: 'Not contacted: resting after its Retry-After',
        headers: { 'retry-after': String(Math.ceil(wait / 1000)) },
      });
    }
    const res = await fetchImpl(input, init);
    const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
    if (res.status === 429 || (res.status === 503 && retryAfter !== undefined))
      backoff.rest(host, retryAfter);
    return res;
  };
}
