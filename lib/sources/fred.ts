/**
 * FRED graph CSV (`https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS2`), no API key.
 * Two header generations (SOURCES.md §4): `observation_date,DGS2` (2025+) and `DATE,DGS2` (≤ 2024);
 * missing values are '' (new) or '.' (old). A multi-id request returns one column per id.
 */
import { fail, ok, type Result, type SourceError, type SourceErrorKind } from '../result';
import type { Observation, Provenance } from '../source-data';
import { errorMessage, fetchText, looksLikeHtml, type FetchImpl } from './http';

export const SOURCE_ID = 'fred';

export interface FredData {
  /** Observations per series id, oldest first, missing days left out. */
  series: Record<string, Observation[]>;
  /** Rows per series id whose value was missing ('' or '.'). */
  missing: Record<string, number>;
}

/** FRED ids are upper-case; this also keeps a Stooq-style `Date,Open,…` header from passing as FRED. */
const SERIES_ID = /^[A-Z0-9_]{1,40}$/;

/**
 * Pure: FRED CSV text → observations. With `seriesId`, that column must be present (a body for
 * another series is a format error). Never throws.
 */
export function parseFredCsv(text: string, seriesId?: string): Result<FredData> {
  try {
    return parseInner(text, seriesId);
  } catch (e) {
    return fail('format', `FRED CSV could not be parsed: ${errorMessage(e)}`, { source: SOURCE_ID });
  }
}

function parseInner(text: string, seriesId: string | undefined): Result<FredData> {
  const f = (kind: SourceErrorKind, message: string) => fail<FredData>(kind, message, { source: SOURCE_ID });
  if (typeof text !== 'string' || text.trim() === '') return f('empty', 'Empty FRED body');
  if (looksLikeHtml(text)) return f('challenge', 'Got an HTML page instead of the FRED CSV');
  const lines = text.replace(/^\uFEFF+/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const dateLabel = (header[0] ?? '').toLowerCase();
  if (dateLabel !== 'observation_date' && dateLabel !== 'date') {
    return f('format', `Not a FRED CSV (first column "${(header[0] ?? '').slice(0, 40)}")`);
  }
  const ids = header.slice(1);
  if (ids.length === 0 || !ids.every((id) => SERIES_ID.test(id))) {
    return f('format', 'FRED CSV header has no valid series columns');
  }
  if (seriesId !== undefined && !ids.includes(seriesId)) {
    return f('format', `FRED CSV has no column ${seriesId} (columns: ${ids.join(', ')})`);
  }

  const series: Record<string, Observation[]> = {};
  const missing: Record<string, number> = {};
  for (const id of ids) {
    series[id] = [];
    missing[id] = 0;
  }
  let bad = 0; // unreadable lines + unreadable values
  let values = 0;
  let rows = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const cells = line.split(',');
    const date = (cells[0] ?? '').trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || cells.length !== header.length) {
      bad++;
      continue;
    }
    rows++;
    ids.forEach((id, k) => {
      const raw = (cells[k + 1] ?? '').trim();
      if (raw === '' || raw === '.') {
        missing[id] = (missing[id] ?? 0) + 1;
        return;
      }
      // Digits required after a dot: "3." is a cut-off "3.47", not 3.
      const value = /^[-+]?\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isFinite(value)) {
        bad++;
        return;
      }
      values++;
      series[id]?.push({ date, value });
    });
  }
  if (rows === 0) {
    return bad > 0
      ? f('format', `No readable FRED rows (${bad} unreadable line(s))`)
      : f('empty', 'FRED CSV has no rows');
  }
  if (bad > values) return f('format', `Mostly unreadable FRED CSV (${bad} bad vs ${values} good values)`);
  for (const id of ids) series[id]?.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const wanted = seriesId !== undefined ? [seriesId] : ids;
  if (wanted.every((id) => (series[id]?.length ?? 0) === 0)) {
    return f('empty', `FRED CSV has only missing values for ${wanted.join(', ')}`);
  }
  const warnings = bad > 0 ? [`${bad} unreadable FRED line(s)/value(s) skipped`] : [];
  return ok({ series, missing }, warnings);
}

export function fredCsvUrl(id: string, start?: string, end?: string): string {
  let url = `https://fred.stlouisfed.org/graph/fredgraph.csv?id=${encodeURIComponent(id)}`;
  if (start) url += `&cosd=${encodeURIComponent(start)}`;
  if (end) url += `&coed=${encodeURIComponent(end)}`;
  return url;
}

export interface FredFetchOptions {
  /** `YYYY-MM-DD`, sent as `cosd`. */
  start?: string;
  /** `YYYY-MM-DD`, sent as `coed`. */
  end?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface FredFetched {
  /** Series that arrived; `missing` counts per id as in FredData. */
  data: FredData;
  /** Per-id failures (the other ids are still returned). */
  errors: Record<string, SourceError>;
  /** One entry per id that arrived; asOf = its newest observation. */
  provenance: Record<string, Provenance>;
}

/**
 * One request per id (the multi-id form reportedly ignores cosd/coed), in parallel. Partial success is
 * ok – a missing DGS10 should not hide DGS2 – with the failures in `errors` and `warnings`; fails only
 * when no id arrived.
 */
export async function fetchFredSeries(
  fetchImpl: FetchImpl,
  ids: string[],
  options: FredFetchOptions = {},
): Promise<Result<FredFetched>> {
  if (ids.length === 0) return fail('empty', 'No FRED series requested', { source: SOURCE_ID });
  const bad = ids.find((id) => !SERIES_ID.test(id));
  if (bad !== undefined) return fail('format', `Invalid FRED series id: ${bad}`, { source: SOURCE_ID });
  const dateOk = (d: string | undefined) => d === undefined || /^\d{4}-\d{2}-\d{2}$/.test(d);
  if (!dateOk(options.start) || !dateOk(options.end)) {
    return fail('format', 'FRED start/end must be YYYY-MM-DD', { source: SOURCE_ID });
  }

  const results = await Promise.all(
    ids.map(async (id) => {
      const url = fredCsvUrl(id, options.start, options.end);
      const res = await fetchText(fetchImpl, url, {
        timeoutMs: options.timeoutMs,
        signal: options.signal,
        expect: 'csv',
        source: SOURCE_ID,
      });
      return { id, url, res: res.ok ? parseFredCsv(res.value.text, id) : res };
    }),
  );

  const data: FredData = { series: {}, missing: {} };
  const errors: Record<string, SourceError> = {};
  const provenance: Record<string, Provenance> = {};
  const warnings: string[] = [];
  const fetchedAt = new Date().toISOString();
  for (const { id, url, res } of results) {
    if (!res.ok) {
      errors[id] = res.error;
      warnings.push(`FRED ${id}: ${res.error.kind} (${res.error.message})`);
      continue;
    }
    const obs = res.value.series[id] ?? [];
    data.series[id] = obs;
    data.missing[id] = res.value.missing[id] ?? 0;
    provenance[id] = {
      source: SOURCE_ID,
      label: `FRED ${id}`,
      asOf: obs[obs.length - 1]?.date ?? '',
      fetchedAt,
      url,
    };
    warnings.push(...res.warnings.map((w) => `FRED ${id}: ${w}`));
  }
  if (Object.keys(data.series).length === 0) {
    const errs = Object.values(errors);
    const kinds = new Set(errs.map((e) => e.kind));
    const only = kinds.size === 1 ? errs[0] : undefined;
    return fail(only?.kind ?? 'unavailable', `No FRED series arrived: ${warnings.join('; ')}`, {
      source: SOURCE_ID,
      status: only?.status,
      retryAfterSec: only?.retryAfterSec,
    });
  }
  return ok({ data, errors, provenance }, warnings);
}
