/**
 * FOMC meeting and Russell reconstitution calendars.
 *
 * The bundled copy (lib/data/calendars.json) is transcribed from the Fed's schedule press
 * releases and FTSE Russell's schedule announcements (see its `sources`). Dates FTSE Russell has
 * not published are present with `confirmed: false` and a note, so the UI can say "expected".
 * `parseCalendars` validates any calendars JSON (bundled or a user-imported update) and returns
 * the meetings and events sorted by date; it never throws.
 */
import { fail, ok, type Result } from '../result';
import type { Calendars, FomcMeeting, ReconEvent } from '../source-data';
import bundledJson from '../data/calendars.json';

const SOURCE = 'calendars';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Checked<T> = { value: T } | { error: string };

function checkDated(
  v: unknown,
  where: string,
  nullable: boolean,
): Checked<{ date: string; confirmed: boolean } | null> {
  if (v === null || v === undefined) {
    return nullable ? { value: null } : { error: `${where} is missing` };
  }
  if (!isRecord(v) || !isIsoDate(v.date) || typeof v.confirmed !== 'boolean') {
    return { error: `${where} must be {date: YYYY-MM-DD, confirmed: boolean}` };
  }
  return { value: { date: v.date, confirmed: v.confirmed } };
}

function checkMeeting(v: unknown, i: number): Checked<FomcMeeting> {
  if (!isRecord(v)) return { error: `fomc[${i}] is not an object` };
  const { start, end, sep, tentative } = v;
  if (!isIsoDate(start) || !isIsoDate(end)) return { error: `fomc[${i}] start/end must be YYYY-MM-DD dates` };
  if (start > end) return { error: `fomc[${i}] starts after it ends (${start} > ${end})` };
  if (typeof sep !== 'boolean' || typeof tentative !== 'boolean') {
    return { error: `fomc[${i}] sep/tentative must be booleans` };
  }
  return { value: { start, end, sep, tentative } };
}

const RECON_KINDS: ReadonlySet<string> = new Set(['annual', 'june', 'december']);

function checkRecon(v: unknown, i: number): Checked<ReconEvent> {
  if (!isRecord(v)) return { error: `russell[${i}] is not an object` };
  const where = `russell[${i}]`;
  if (typeof v.year !== 'number' || !Number.isInteger(v.year))
    return { error: `${where}.year must be an integer` };
  if (typeof v.kind !== 'string' || !RECON_KINDS.has(v.kind)) {
    return { error: `${where}.kind must be annual, june or december` };
  }
  const rankDay = checkDated(v.rankDay, `${where}.rankDay`, true);
  const prelim = checkDated(v.preliminaryLists, `${where}.preliminaryLists`, true);
  const lock = checkDated(v.lockDown, `${where}.lockDown`, true);
  const eff = checkDated(v.effective, `${where}.effective`, false);
  for (const c of [rankDay, prelim, lock, eff]) if ('error' in c) return c;
  if (!('value' in eff) || eff.value === null) return { error: `${where}.effective is missing` };
  if (v.note !== undefined && typeof v.note !== 'string') return { error: `${where}.note must be a string` };
  const event: ReconEvent = {
    year: v.year,
    kind: v.kind as ReconEvent['kind'],
    rankDay: 'value' in rankDay ? rankDay.value : null,
    preliminaryLists: 'value' in prelim ? prelim.value : null,
    lockDown: 'value' in lock ? lock.value : null,
    effective: eff.value,
  };
  if (typeof v.note === 'string') event.note = v.note;
  return { value: event };
}

/** Validates an already-parsed calendars object; sorts meetings and events by date. */
export function validateCalendars(data: unknown): Result<Calendars> {
  if (!isRecord(data)) return fail('format', 'Calendars must be a JSON object', { source: SOURCE });
  if (!isIsoDate(data.asOf))
    return fail('format', 'Calendars asOf must be a YYYY-MM-DD date', { source: SOURCE });
  if (!Array.isArray(data.sources) || !data.sources.every((s) => typeof s === 'string')) {
    return fail('format', 'Calendars sources must be an array of strings', { source: SOURCE });
  }
  if (!Array.isArray(data.fomc) || !Array.isArray(data.russell)) {
    return fail('format', 'Calendars need fomc and russell arrays', { source: SOURCE });
  }
  const warnings: string[] = [];
  const fomc: FomcMeeting[] = [];
  for (const [i, m] of data.fomc.entries()) {
    const c = checkMeeting(m, i);
    if ('error' in c) return fail('format', c.error, { source: SOURCE });
    fomc.push(c.value);
  }
  const russell: ReconEvent[] = [];
  for (const [i, e] of data.russell.entries()) {
    const c = checkRecon(e, i);
    if ('error' in c) return fail('format', c.error, { source: SOURCE });
    russell.push(c.value);
  }
  if (fomc.length === 0) return fail('empty', 'Calendars list no FOMC meetings', { source: SOURCE });
  // Lookups (next meeting, meeting in month) rely on date order; accept unsorted input but say so.
  const sortedFomc = [...fomc].sort((a, b) => a.end.localeCompare(b.end));
  const sortedRussell = [...russell].sort((a, b) => a.effective.date.localeCompare(b.effective.date));
  if (sortedFomc.some((m, i) => m !== fomc[i]) || sortedRussell.some((e, i) => e !== russell[i])) {
    warnings.push('Calendar entries were not in date order; sorted');
  }
  for (let i = 1; i < sortedFomc.length; i++) {
    const prev = sortedFomc[i - 1];
    const cur = sortedFomc[i];
    if (prev && cur && prev.end >= cur.start) {
      return fail('format', `FOMC meetings overlap: ${prev.start}…${prev.end} and ${cur.start}…${cur.end}`, {
        source: SOURCE,
      });
    }
  }
  return ok(
    {
      asOf: data.asOf,
      sources: data.sources as string[],
      fomc: sortedFomc,
      russell: sortedRussell,
    },
    warnings,
  );
}

/** Parses calendars JSON text (bundled file or a user-imported update). Never throws. */
export function parseCalendars(text: string): Result<Calendars> {
  if (typeof text !== 'string' || text.trim() === '')
    return fail('empty', 'Empty calendars file', { source: SOURCE });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF+/, ''));
  } catch {
    return fail('format', 'Calendars file is not valid JSON', { source: SOURCE });
  }
  return validateCalendars(data);
}

let bundledCache: Calendars | null = null;

/**
 * The calendars shipped with the extension. The JSON is validated once; a broken bundled file is
 * a build defect (the unit test parses it), so this throws rather than limping on.
 */
export function bundledCalendars(): Calendars {
  if (bundledCache) return bundledCache;
  const r = validateCalendars(bundledJson);
  if (!r.ok) throw new Error(`Bundled calendars are invalid: ${r.error.message}`);
  bundledCache = r.value;
  return r.value;
}

/** The FOMC decision day (second meeting day) falling in `year`-`month` (1–12), or null. */
export function fomcDecisionDayForMonth(cal: Calendars, year: number, month: number): string | null {
  const prefix = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-`;
  return cal.fomc.find((m) => m.end.startsWith(prefix))?.end ?? null;
}

/** Meetings whose decision day is on or after `fromDate` (YYYY-MM-DD), in date order. */
export function upcomingFomcMeetings(cal: Calendars, fromDate: string): FomcMeeting[] {
  return cal.fomc.filter((m) => m.end >= fromDate);
}
