/**
 * What a FedWatch result says in short (the next meeting's odds, the odds of at least one move by
 * the end of a year), and where prediction markets disagree with it. Pure; over the results of
 * fedwatch.ts `computeFedWatch`.
 */
import type { MarketOdds } from '../source-data';
import type { FedWatchMeeting, FedWatchResult } from './fedwatch';

/** Probability of one target range ('500-525') after a meeting; 0 when the tree never reaches it. */
export function probabilityOf(meeting: FedWatchMeeting, label: string): number {
  return meeting.probabilities.find((r) => r.label === label)?.probability ?? 0;
}

export interface FedWatchSummary {
  nextMeeting: string;
  pCutNext: number;
  pHoldNext: number;
  pHikeNext: number;
  /** Meetings through the end of `year` that were priced. */
  horizon: {
    year: number;
    through: string;
    meetings: number;
    /** False when some meetings of that year were dropped (beyond contracts). */
    complete: boolean;
    pAtLeastOneCut: number;
    /** Expected number of 25 bp cut steps (a 50 bp cut counts 2). */
    expectedCuts: number;
    /** The same for hikes: P(at least one hike) and the expected number of 25 bp hike steps. */
    pAtLeastOneHike: number;
    expectedHikes: number;
    /** Expected net change of the target range in bp (negative = lower). */
    expectedChangeBp: number;
  } | null;
}

/**
 * Next-meeting odds and the year-end horizon. Under CME's tree each meeting's move is independent
 * of the path, so P(≥ 1 cut) = 1 − Π(1 − P(cut at meeting i)). `year` defaults to the watch date's
 * year, or the next one when no meeting of that year is left.
 */
export function summarizeFedWatch(fw: FedWatchResult, year?: number): FedWatchSummary | null {
  const first = fw.meetings[0];
  if (!first) return null;
  let y = year ?? Number(fw.watchDate.slice(0, 4));
  if (year === undefined && !fw.meetings.some((m) => Number(m.date.slice(0, 4)) === y)) y += 1;
  const inYear = fw.meetings.filter((m) => Number(m.date.slice(0, 4)) <= y);
  const last = inYear.at(-1);
  const horizon = last
    ? {
        year: y,
        through: last.date,
        meetings: inYear.length,
        complete: !fw.dropped.some((d) => Number(d.slice(0, 4)) <= y),
        pAtLeastOneCut: 1 - inYear.reduce((a, m) => a * (1 - m.move.pCut), 1),
        expectedCuts: inYear.reduce(
          (a, m) =>
            a + m.move.distribution.reduce((b, d) => b + (d.steps < 0 ? -d.steps * d.probability : 0), 0),
          0,
        ),
        pAtLeastOneHike: 1 - inYear.reduce((a, m) => a * (1 - m.move.pHike), 1),
        expectedHikes: inYear.reduce(
          (a, m) =>
            a + m.move.distribution.reduce((b, d) => b + (d.steps > 0 ? d.steps * d.probability : 0), 0),
          0,
        ),
        expectedChangeBp: 25 * inYear.reduce((a, m) => a + m.move.steps, 0),
      }
    : null;
  return {
    nextMeeting: first.date,
    pCutNext: first.move.pCut,
    pHoldNext: first.move.pHold,
    pHikeNext: first.move.pHike,
    horizon,
  };
}

export interface MarketGap {
  meetingDate: string;
  venue: MarketOdds['venue'];
  eventId: string;
  title: string;
  /** Futures-implied probabilities of this meeting's decision (0..1). */
  futures: { cut: number; hold: number; hike: number };
  /** Market probabilities, normalised over the outcomes we could map (0..1). */
  market: { cut: number; hold: number; hike: number };
  /** Sum of the raw mapped market prices before normalising (overround/underround). */
  marketRawSum: number;
  /** futures − market, in percentage points. */
  gapPts: { cut: number; hold: number; hike: number };
}

/**
 * Per meeting and venue: futures-implied vs prediction-market probability of a cut / hold / hike
 * at that meeting. Market prices are normalised to sum to 1 over outcomes with a known size
 * (venues list separate yes/no markets whose prices need not add up); the raw sum is kept.
 */
export function compareWithMarkets(
  fw: FedWatchResult,
  odds: readonly MarketOdds[],
): { gaps: MarketGap[]; unmatched: Array<{ venue: MarketOdds['venue']; eventId: string; reason: string }> } {
  const gaps: MarketGap[] = [];
  const unmatched: Array<{ venue: MarketOdds['venue']; eventId: string; reason: string }> = [];
  for (const o of odds) {
    const meeting = o.meetingDate ? fw.meetings.find((m) => m.date === o.meetingDate) : undefined;
    if (!meeting) {
      unmatched.push({
        venue: o.venue,
        eventId: o.eventId,
        reason: o.meetingDate ? `no futures-implied odds for ${o.meetingDate}` : 'meeting date unknown',
      });
      continue;
    }
    const mapped = o.outcomes.filter((x) => x.changeBp !== null && Number.isFinite(x.probability));
    const raw = mapped.reduce((a, x) => a + x.probability, 0);
    if (raw <= 0) {
      unmatched.push({ venue: o.venue, eventId: o.eventId, reason: 'no outcome with a known size' });
      continue;
    }
    const part = (f: (bp: number) => boolean) =>
      mapped.filter((x) => f(x.changeBp ?? 0)).reduce((a, x) => a + x.probability, 0) / raw;
    const market = { cut: part((bp) => bp < 0), hold: part((bp) => bp === 0), hike: part((bp) => bp > 0) };
    const futures = { cut: meeting.move.pCut, hold: meeting.move.pHold, hike: meeting.move.pHike };
    gaps.push({
      meetingDate: meeting.date,
      venue: o.venue,
      eventId: o.eventId,
      title: o.title,
      futures,
      market,
      marketRawSum: raw,
      gapPts: {
        cut: (futures.cut - market.cut) * 100,
        hold: (futures.hold - market.hold) * 100,
        hike: (futures.hike - market.hike) * 100,
      },
    });
  }
  return { gaps, unmatched };
}
