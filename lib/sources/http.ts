import { fail, ok, type Result } from '../result';
import { isAllowedDataUrl } from '../hosts';
import { parseRetryAfter } from './backoff';

/** The fetch function sources receive (globalThis.fetch in the worker, a fake in tests). */
export type FetchImpl = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchTextOptions {
  /** Deadline for the whole exchange, headers and body. */
  timeoutMs?: number;
  /** Bodies larger than this are refused (a runaway or hostile response). */
  maxBytes?: number;
  /** Expected kind of body: an HTML page where 'csv' or 'json' was expected is a challenge page. */
  expect?: 'csv' | 'json' | 'text' | 'xml';
  headers?: Record<string, string>;
  /** Outer abort (e.g. the refresh was cancelled). */
  signal?: AbortSignal;
  /** Source id, copied into errors. */
  source?: string;
}

export interface TextResponse {
  url: string;
  status: number;
  text: string;
  contentType: string;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

/** Detects HTML bodies (bot checks, login walls, error pages) where data was expected. */
export function looksLikeHtml(text: string): boolean {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF+/, '')
    .trimStart()
    .toLowerCase();
  return (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    head.startsWith('<head') ||
    head.startsWith('<body') ||
    (head.startsWith('<') && /<(script|meta|title|div)\b/.test(head) && !head.startsWith('<?xml'))
  );
}

/**
 * GET a URL as text with a deadline, a size cap, an allow-listed host, and typed errors.
 * Never throws.
 */
export async function fetchText(
  fetchImpl: FetchImpl,
  url: string,
  options: FetchTextOptions = {},
): Promise<Result<TextResponse>> {
  const source = options.source;
  if (!isAllowedDataUrl(url)) {
    return fail('network', `Refusing to contact a host outside the data-source list: ${url}`, { source });
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onOuterAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        signal: controller.signal,
        headers: options.headers,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
      });
    } catch (e) {
      if (timedOut) return fail('timeout', `No answer within ${timeoutMs / 1000} s`, { source });
      return fail('network', `Network error: ${errorMessage(e)}`, { source });
    }
    if (response.status === 429) {
      const retryAfterSec = parseRetryAfter(response.headers.get('retry-after'));
      return fail(
        'rate-limited',
        `Rate-limited (HTTP 429)${retryAfterSec !== undefined ? `, retry after ${retryAfterSec} s` : ''}`,
        {
          source,
          status: 429,
          retryAfterSec,
        },
      );
    }
    if (!response.ok) {
      return fail('http', `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, {
        source,
        status: response.status,
      });
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      return fail('too-large', `Body of ${declared} bytes is over the ${maxBytes}-byte limit`, { source });
    }
    let text: string;
    try {
      text = await readCapped(response, maxBytes);
    } catch (e) {
      if (timedOut) return fail('timeout', `Body not complete within ${timeoutMs / 1000} s`, { source });
      if (e instanceof TooLargeError) return fail('too-large', e.message, { source });
      return fail('network', `Body could not be read: ${errorMessage(e)}`, { source });
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (text.trim() === '') return fail('empty', 'Empty body', { source, status: response.status });
    if (options.expect && options.expect !== 'text' && looksLikeHtml(text)) {
      return fail('challenge', 'Got an HTML page (bot check, login or error page) instead of data', {
        source,
        status: response.status,
      });
    }
    return ok({ url: response.url || url, status: response.status, text, contentType });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

class TooLargeError extends Error {}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return await response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let received = 0;
  let out = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new TooLargeError(`Body over the ${maxBytes}-byte limit`);
    }
    out += decoder.decode(value, { stream: true });
  }
  return out + decoder.decode();
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
