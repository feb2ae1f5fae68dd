/**
 * A processed capture of CME's FedWatch page (the JSON the public `cme-fedwatch-tracker` scraper
 * writes per day; recorded: cme_fedwatch_cmegroupcn_daily_2026-10-10.json, SOURCES.md §12). Not a
 * CME download: CME's own probabilities as shown on its page, per meeting, plus the meeting
 * month's contract price. Used as a dated fallback for the rates factor when no futures are on
 * hand; it cannot be recomputed (only meeting-month contracts are in it).
 *
 * Shape: { snapshot_date, scrape_time (ISO), source_url, meetings: [{ meeting_date, contract,
 * mid_price (string), current_target, summary {ease, no_change, hike}, rate_probabilities:
 * [{ range: '375-400 (Current)', now, day1, week1, month1 }] }] }, percentages.
 * Quirk: `current_target` has the current range's probability glued on ('375-40082' = '375-400'
 * + 82): the range is read as lower-bound + 25 bp and the rest is checked against the table.
 */
import { newYorkClock } from '../core/market-time';
import { fail, guardParser, ok, type Result } from '../result';
import { isRecord } from './kalshi';

const SOURCE = 'cme-fedwatch-capture';

export interface CaptureRange {
  lowerBp: number;
  upperBp: number;
  /** '375-400' */
  label: string;
  /** 0..1, CME's "now" column. */
  probability: number;
  isCurrent: boolean;
}

export interface CaptureMeeting {
  /** FOMC decision day `YYYY-MM-DD`. */
  date: string;
  contract: string;
  /** Meeting month's contract price as shown, or null. */
  midPrice: number | null;
  /** CME's summary for the range after this meeting relative to today's, 0..1. */
  ease: number;
  noChange: number;
  hike: number;
  ranges: CaptureRange[];
}

export interface FedWatchCapture {
  /** The settlement day CME's table describes (New York date; see `settlementDateOfScrape`). */
  asOf: string;
  scrapedAt: string;
  url: string;
  /** Target range in force when captured, percent. */
  currentTarget: { lower: number; upper: number };
  meetings: CaptureMeeting[];
}

const isoDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);

const nyParts = (iso: string) => {
  const { date, minutes } = newYorkClock(new Date(iso));
  return { date, hour: Math.floor(minutes / 60) };
};

/**
 * The settlement a capture shows: CME refreshes FedWatch after the ~2 p.m. CT settlement, so a
 * page read after 6 p.m. New York time on a weekday shows that day; read earlier, or on a weekend,
 * it shows the previous weekday. (Holidays are not known here; the date is at worst a day early.)
 */
export function settlementDateOfScrape(scrapedAt: string): string | null {
  const t = Date.parse(scrapedAt);
  if (!Number.isFinite(t)) return null;
  const { date, hour } = nyParts(scrapedAt);
  let d = new Date(`${date}T12:00:00Z`);
  const weekday = d.getUTCDay();
  if (weekday === 0 || weekday === 6 || hour < 18) {
    do d = new Date(d.getTime() - 86_400_000);
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  }
  return d.toISOString().slice(0, 10);
}

/** '375-40082' → 375-400 (the glued '82' must be the current range's probability, when given). */
export function parseGluedTarget(raw: string): { lowerBp: number; upperBp: number; glued: string } | null {
  const m = /^(\d{1,4})-(\d+)$/.exec(raw.trim());
  if (!m) return null;
  const lowerBp = Number(m[1]);
  const upper = String(lowerBp + 25);
  if (lowerBp % 25 !== 0 || !(m[2] ?? '').startsWith(upper)) return null;
  return { lowerBp, upperBp: lowerBp + 25, glued: (m[2] ?? '').slice(upper.length) };
}

function parseRange(raw: unknown): { lowerBp: number; upperBp: number; isCurrent: boolean } | null {
  if (typeof raw !== 'string') return null;
  const m = /^(\d{1,4})-(\d{1,4})(\s*\(Current\))?$/i.exec(raw.trim());
  if (!m) return null;
  const lowerBp = Number(m[1]);
  const upperBp = Number(m[2]);
  if (upperBp - lowerBp !== 25) return null;
  return { lowerBp, upperBp, isCurrent: !!m[3] };
}

const pct = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100 ? v / 100 : null;

function parseCaptureUnguarded(text: string): Result<FedWatchCapture> {
  const f = (message: string) => fail<FedWatchCapture>('format', message, { source: SOURCE });
  if (typeof text !== 'string' || text.trim() === '')
    return fail('empty', 'Empty capture', { source: SOURCE });
  const root: unknown = JSON.parse(text);
  if (!isRecord(root) || !Array.isArray(root.meetings)) return f('Not a FedWatch capture (no meetings)');
  const scrapedAt = typeof root.scrape_time === 'string' ? root.scrape_time : '';
  const asOf = settlementDateOfScrape(scrapedAt);
  if (!asOf) return f(`Capture has no readable scrape_time (${String(root.scrape_time).slice(0, 40)})`);
  const warnings: string[] = [];
  const meetings: CaptureMeeting[] = [];
  let target: { lowerBp: number; upperBp: number } | null = null;
  for (const m of root.meetings) {
    if (!isRecord(m) || !isoDate(m.meeting_date) || !Array.isArray(m.rate_probabilities)) {
      warnings.push('A meeting entry without a date or table was skipped');
      continue;
    }
    const ranges: CaptureRange[] = [];
    for (const r of m.rate_probabilities) {
      const range = isRecord(r) ? parseRange(r.range) : null;
      const p = isRecord(r) ? pct(r.now) : null;
      if (!range || p === null) {
        warnings.push(`${m.meeting_date}: unreadable row skipped`);
        continue;
      }
      ranges.push({ ...range, label: `${range.lowerBp}-${range.upperBp}`, probability: p });
    }
    const glued = typeof m.current_target === 'string' ? parseGluedTarget(m.current_target) : null;
    const marked = ranges.find((r) => r.isCurrent);
    const here = glued ?? (marked ? { lowerBp: marked.lowerBp, upperBp: marked.upperBp } : null);
    if (here && target && here.lowerBp !== target.lowerBp) {
      return f(`Meetings disagree on the current target (${target.lowerBp} vs ${here.lowerBp} bp)`);
    }
    if (glued && marked && glued.lowerBp !== marked.lowerBp) {
      return f(`${m.meeting_date}: current_target ${String(m.current_target)} is not the marked range`);
    }
    if (
      glued &&
      marked &&
      glued.glued !== '' &&
      Math.abs(Number(glued.glued) - marked.probability * 100) > 1
    ) {
      warnings.push(
        `${m.meeting_date}: current_target suffix ${glued.glued} is not the current range's odds`,
      );
    }
    target = target ?? here;
    const s = isRecord(m.summary) ? m.summary : {};
    const price = typeof m.mid_price === 'string' ? Number(m.mid_price) : NaN;
    meetings.push({
      date: m.meeting_date,
      contract: typeof m.contract === 'string' ? m.contract : '',
      midPrice: Number.isFinite(price) && price > 80 && price <= 100 ? price : null,
      ease: pct(s.ease) ?? 0,
      noChange: pct(s.no_change) ?? 0,
      hike: pct(s.hike) ?? 0,
      ranges: ranges.sort((a, b) => a.lowerBp - b.lowerBp),
    });
  }
  if (!target) return f('Capture names no current target range');
  if (meetings.length === 0) return f('Capture has no readable meeting');
  meetings.sort((a, b) => a.date.localeCompare(b.date));
  return ok(
    {
      asOf,
      scrapedAt,
      url: typeof root.source_url === 'string' ? root.source_url : '',
      currentTarget: { lower: target.lowerBp / 100, upper: target.upperBp / 100 },
      meetings,
    },
    warnings,
  );
}

/** Pure: never throws. */
export const parseFedWatchCapture = guardParser(SOURCE, parseCaptureUnguarded);
