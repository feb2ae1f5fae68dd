/**
 * New York Fed Markets API, effective fed funds rate (EFFR). No key, CORS open.
 * Body `{ "refRates": [ {effectiveDate, type:"EFFR", percentRate, targetRateFrom, targetRateTo,
 * volumeInBillions, …}, … ] }`, newest first (SOURCES.md §5).
 */
import { fail, ok, type Result, type SourceErrorKind } from '../result';
import type { Provenance } from '../source-data';
import { errorMessage, fetchText, looksLikeHtml, type FetchImpl } from './http';

export const SOURCE_ID = 'nyfed';

const BASE = 'https://markets.newyorkfed.org/api/rates/unsecured/effr';
export const EFFR_LAST_URL = `${BASE}/last/1.json`;

export interface EffrObservation {
  date: string;
  /** Percent, e.g. 5.08. */
  rate: number;
  /** FOMC target range, percent. */
  targetFrom: number | null;
  targetTo: number | null;
  /** Traded volume, USD billions. */
  volumeBn: number | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Pure: API JSON text → observations, oldest first, one per date. Never throws. */
export function parseNyFedEffr(text: string): Result<EffrObservation[]> {
  try {
    return parseInner(text);
  } catch (e) {
    return fail('format', `NY Fed EFFR could not be parsed: ${errorMessage(e)}`, { source: SOURCE_ID });
  }
}

function parseInner(text: string): Result<EffrObservation[]> {
  const f = (kind: SourceErrorKind, message: string) =>
    fail<EffrObservation[]>(kind, message, { source: SOURCE_ID });
  if (typeof text !== 'string' || text.trim() === '') return f('empty', 'Empty NY Fed body');
  if (looksLikeHtml(text)) return f('challenge', 'Got an HTML page instead of NY Fed JSON');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return f('format', `NY Fed body is not JSON: ${errorMessage(e)}`);
  }
  if (!isRecord(doc) || !Array.isArray(doc.refRates))
    return f('format', 'NY Fed body has no "refRates" array');

  const byDate = new Map<string, EffrObservation>();
  let skipped = 0;
  for (const r of doc.refRates as unknown[]) {
    if (!isRecord(r)) {
      skipped++;
      continue;
    }
    const date = typeof r.effectiveDate === 'string' ? r.effectiveDate : '';
    const rate = num(r.percentRate);
    // The endpoint is EFFR-only; a foreign `type` means we were handed another rate's body.
    if ((r.type !== undefined && r.type !== 'EFFR') || !ISO_DATE.test(date) || rate === null) {
      skipped++;
      continue;
    }
    const obs: EffrObservation = {
      date,
      rate,
      targetFrom: num(r.targetRateFrom),
      targetTo: num(r.targetRateTo),
      volumeBn: num(r.volumeInBillions),
    };
    // A revised print (revisionIndicator non-empty) wins over the original for the same day.
    const revised = typeof r.revisionIndicator === 'string' && r.revisionIndicator.trim() !== '';
    if (!byDate.has(date) || revised) byDate.set(date, obs);
  }
  const rows = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (rows.length === 0) {
    return skipped > 0
      ? f('format', `No readable EFFR rows (${skipped} skipped)`)
      : f('empty', 'No EFFR rows');
  }
  return ok(rows, skipped > 0 ? [`${skipped} unreadable EFFR row(s) skipped`] : []);
}

export interface NyFedOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

type EffrFetched<T> = Result<{ data: T; provenance: Provenance }>;

async function fetchEffr(
  fetchImpl: FetchImpl,
  url: string,
  options: NyFedOptions,
): Promise<EffrFetched<EffrObservation[]>> {
  const res = await fetchText(fetchImpl, url, {
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    expect: 'json',
    source: SOURCE_ID,
  });
  if (!res.ok) return res;
  const parsed = parseNyFedEffr(res.value.text);
  if (!parsed.ok) return parsed;
  const rows = parsed.value;
  return ok(
    {
      data: rows,
      provenance: {
        source: SOURCE_ID,
        label: 'New York Fed EFFR',
        asOf: rows[rows.length - 1]?.date ?? '',
        fetchedAt: new Date().toISOString(),
        url,
      },
    },
    parsed.warnings,
  );
}

/** The latest published EFFR (one business day). */
export async function fetchEffrLast(
  fetchImpl: FetchImpl,
  options: NyFedOptions = {},
): Promise<EffrFetched<EffrObservation>> {
  const res = await fetchEffr(fetchImpl, EFFR_LAST_URL, options);
  if (!res.ok) return res;
  const last = res.value.data[res.value.data.length - 1];
  if (!last) return fail('empty', 'No EFFR rows', { source: SOURCE_ID });
  return ok({ data: last, provenance: res.value.provenance }, res.warnings);
}

export function effrRangeUrl(startDate: string, endDate: string): string {
  return `${BASE}/search.json?startDate=${encodeURIComponent(startDate)}&endDate=${encodeURIComponent(endDate)}`;
}

/** EFFR for `YYYY-MM-DD` … `YYYY-MM-DD` (inclusive), oldest first. */
export async function fetchEffrRange(
  fetchImpl: FetchImpl,
  startDate: string,
  endDate: string,
  options: NyFedOptions = {},
): Promise<EffrFetched<EffrObservation[]>> {
  if (!ISO_DATE.test(startDate) || !ISO_DATE.test(endDate) || startDate > endDate) {
    return fail('format', `Bad EFFR date range ${startDate} … ${endDate}`, { source: SOURCE_ID });
  }
  return fetchEffr(fetchImpl, effrRangeUrl(startDate, endDate), options);
}
