/**
 * fetchText (lib/sources/http.ts), the one door to the network: deadlines on headers and on a
 * body that trickles in, the size cap, hosts outside the list, and what each request carries.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fetchText, type FetchImpl } from '../../lib/sources/http';
import { DATA_SOURCE_HOSTS } from '../../lib/hosts';

const URL_OK = 'https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS2';
let faults = 0;
afterAll(() => console.info(`[faults] fetchText: ${faults} faults injected`));

const abortable =
  (make: (signal: AbortSignal) => Promise<Response>): FetchImpl =>
  (_url, init) =>
    make(init!.signal!);

/** A body that sends one byte every `everyMs`, forever, and stops when the request is aborted. */
function trickle(signal: AbortSignal, everyMs: number): Response {
  let timer: ReturnType<typeof setInterval> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setInterval(() => controller.enqueue(new TextEncoder().encode('1')), everyMs);
      signal.addEventListener('abort', () => {
        clearInterval(timer);
        controller.error(new DOMException('The operation was aborted.', 'AbortError'));
      });
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/csv' } });
}

describe('fetchText faults', () => {
  it('no answer at all: a timeout error at the deadline, not a hang', async () => {
    faults++;
    const hang = abortable(
      (signal) =>
        new Promise((_r, rej) =>
          signal.addEventListener('abort', () => rej(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const t0 = Date.now();
    const r = await fetchText(hang, URL_OK, { timeoutMs: 60, expect: 'csv', source: 'fred' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'timeout', source: 'fred' } });
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('headers arrive, then the body trickles past the deadline: timeout', async () => {
    faults++;
    const r = await fetchText(
      abortable(async (signal) => trickle(signal, 10)),
      URL_OK,
      { timeoutMs: 120, expect: 'csv' },
    );
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'timeout', message: expect.stringMatching(/Body/) },
    });
  });

  it('a body over the cap is refused, declared or not', async () => {
    faults += 2;
    const declared = await fetchText(
      async () => new Response('x', { headers: { 'content-length': String(1e9) } }),
      URL_OK,
      { maxBytes: 1000 },
    );
    expect(declared).toMatchObject({ ok: false, error: { kind: 'too-large' } });
    const streamed = await fetchText(async () => new Response('y'.repeat(5000)), URL_OK, { maxBytes: 1000 });
    expect(streamed).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });

  it('an outer abort (refresh cancelled) is a network error, not a throw', async () => {
    faults++;
    const outer = new AbortController();
    const p = fetchText(
      abortable(
        (signal) =>
          new Promise((_r, rej) =>
            signal.addEventListener('abort', () => rej(new DOMException('aborted', 'AbortError'))),
          ),
      ),
      URL_OK,
      { signal: outer.signal, timeoutMs: 10_000 },
    );
    outer.abort();
    expect(await p).toMatchObject({ ok: false, error: { kind: 'network' } });
  });

  it('429 with Retry-After as seconds and as an HTTP date', async () => {
    faults += 2;
    const secs = await fetchText(
      async () => new Response('slow down', { status: 429, headers: { 'retry-after': '120' } }),
      URL_OK,
    );
    expect(secs).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', status: 429, retryAfterSec: 120 },
    });
    const date = new Date(Date.now() + 300_000).toUTCString();
    const dated = await fetchText(
      async () => new Response('slow down', { status: 429, headers: { 'retry-after': date } }),
      URL_OK,
    );
    expect(!dated.ok && dated.error.retryAfterSec).toBeGreaterThan(290);
  });

  it('a host outside the list is never contacted; requests carry no cookies', async () => {
    const seen: Array<{ url: string; init?: RequestInit }> = [];
    const spy: FetchImpl = async (url, init) => {
      seen.push({ url, init });
      return new Response('a,b\n1,2\n');
    };
    for (const bad of [
      'https://evil.example/steal?x=1',
      'http://fred.stlouisfed.org/graph/fredgraph.csv', // not https
      'https://fred.stlouisfed.org.evil.example/',
      'https://user:pw@evil.example/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      faults++;
      expect(await fetchText(spy, bad)).toMatchObject({ ok: false, error: { kind: 'network' } });
    }
    expect(seen).toEqual([]);
    for (const host of DATA_SOURCE_HOSTS) {
      const r = await fetchText(spy, `https://${host}/x`);
      expect(r.ok).toBe(true);
    }
    for (const s of seen) {
      expect(s.init?.credentials).toBe('omit');
      expect(s.init?.cache).toBe('no-store');
    }
  });
});
