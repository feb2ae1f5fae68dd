/**
 * Parsers and fetchers never throw past their module boundary: they return a Result whose
 * error is a typed SourceError, so the engine can record *why* a source failed and keep
 * serving the last good data.
 */
export type SourceErrorKind =
  | 'network' // fetch rejected (offline, DNS, aborted by the browser)
  | 'timeout' // our own deadline passed
  | 'http' // non-2xx status
  | 'rate-limited' // 429 (retryAfterSec when the server said)
  | 'challenge' // an HTML bot-check / login page where data was expected
  | 'format' // body is not the expected format (wrong columns, bad JSON, truncated)
  | 'empty' // well-formed but no usable rows
  | 'too-large' // body over the size cap
  | 'unavailable'; // no source in the chain could answer

export interface SourceError {
  kind: SourceErrorKind;
  message: string;
  status?: number;
  retryAfterSec?: number;
  source?: string;
}

export type Result<T> = { ok: true; value: T; warnings: string[] } | { ok: false; error: SourceError };

export function ok<T>(value: T, warnings: string[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function fail<T = never>(
  kind: SourceErrorKind,
  message: string,
  extra: Omit<SourceError, 'kind' | 'message'> = {},
): Result<T> {
  return { ok: false, error: { kind, message, ...extra } };
}

/** For tests and scripts: the value, or a thrown Error carrying the typed error's message. */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message}`);
  return r.value;
}

/**
 * The module-boundary guarantee for parsers of untrusted JSON: an exception from a value we did
 * not anticipate (an object whose toString throws, a getter) becomes a typed 'format' error.
 */
export function guardParser<A extends unknown[], T>(
  source: string,
  parse: (...args: A) => Result<T>,
): (...args: A) => Result<T> {
  return (...args: A) => {
    try {
      return parse(...args);
    } catch (e) {
      let detail = 'unexpected value';
      try {
        detail = e instanceof Error ? e.message : 'unexpected value';
      } catch {
        // an error object that cannot even describe itself
      }
      return fail('format', `${source}: unreadable body (${detail.slice(0, 200)})`, { source });
    }
  };
}
