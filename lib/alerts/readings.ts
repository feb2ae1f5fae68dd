/**
 * The newest reading of each signal, from the engine's data. A dataset served from the bundled
 * snapshot, or stale by its source's freshness rule, gives no reading at all: alerts can then
 * never fire on bundled data alone or on stale data, and a source's first fetched reading is
 * only a baseline (there is nothing stored before it to compare with).
 */
import { computeFedWatch } from '../signals/fedwatch';
import type { LensData, DatasetKey } from '../engine/datasets';
import { currentTargetRange } from '../engine/card-inputs';
import type { SourceId } from '../storage';
import type { PriceSeries, Provenance } from '../source-data';
import { newYorkDate, sessionHasClosed } from '../core/market-time';
import {
  dayMoveSeries,
  drawdownSeries,
  flowSeries,
  meetingOdds,
  membershipOf,
  oddsGapPts,
  yieldMoveSeries,
  type MeetingOdds,
  type Membership,
  type MembershipInputs,
} from './rules';
import type { Reading, ReadingValue } from './types';

export interface LiveInputs {
  data: LensData;
  fromBundle: ReadonlySet<DatasetKey>;
  /** Pinned symbols. */
  watchlist: readonly string[];
  /** Stored quotes of pinned names (the side panel fetches them), by symbol. */
  quotes: ReadonlyMap<string, { data: PriceSeries; provenance: Provenance }>;
  now: Date;
  isStale(source: SourceId, asOf: string, now: Date): boolean;
}

const label = (p: Provenance) => `${p.label}`;

export function liveReadings(inp: LiveInputs): Reading[] {
  const { data, fromBundle, now } = inp;
  const recordedAt = now.toISOString();
  const fresh = (key: DatasetKey, source: SourceId, asOf: string) =>
    !fromBundle.has(key) && !inp.isStale(source, asOf, now);
  const out: Reading[] = [];

  // Flows (IWM fund history; shares points from holdings files extend it).
  const fund = data.fundHistory;
  if (fund && !fromBundle.has('fundHistory')) {
    const last = flowSeries(fund.data, { lastOnly: true }).at(-1);
    if (last && !inp.isStale('ishares-fund', last.date, now))
      out.push(pointReading('flows:IWM', fund.provenance, last, recordedAt));
  }

  // The 2-year yield.
  const dgs2 = data.fred.DGS2;
  if (dgs2) {
    const last = yieldMoveSeries(dgs2.data).at(-1);
    if (last && fresh('fred:DGS2', 'fred', last.date))
      out.push(pointReading('yield:DGS2', dgs2.provenance, last, recordedAt));
  }

  // IWM drawdown, closed sessions only (a row for a day still trading is not a close).
  const iwm = data.prices.IWM;
  if (iwm) {
    const last = drawdownSeries(iwm.data.bars.filter((b) => sessionHasClosed(b.date, now))).at(-1);
    if (last && fresh('prices:IWM', 'prices', last.date))
      out.push(pointReading('drawdown:IWM', iwm.provenance, last, recordedAt));
  }

  // Rates: futures (FedWatch) and each prediction market, next meeting on or after today.
  const today = newYorkDate(now);
  let futuresOdds: { odds: MeetingOdds; date: string } | null = null;
  const fut = data.futures;
  const target = currentTargetRange(data);
  if (fut && fut.data.length && target && fresh('futures', 'fed-futures', fut.provenance.asOf)) {
    const watchDate = fut.data.reduce((a, q) => (q.date > a ? q.date : a), '');
    const r = computeFedWatch({
      watchDate,
      futures: fut.data,
      targetRange: target.data,
      meetings: data.calendars.data.fomc.map((m) => m.end),
    });
    const m = r.ok ? r.value.meetings.find((x) => x.date >= today) : undefined;
    const odds = m
      ? meetingOdds(
          m.date,
          m.move.distribution.map((d) => ({ changeBp: d.steps * 25, p: d.probability })),
        )
      : null;
    if (odds) {
      futuresOdds = { odds, date: watchDate };
      out.push(ratesReading('fed-futures', fut.provenance, watchDate, odds, recordedAt));
    }
  }
  for (const [key, source] of [
    ['kalshi', 'kalshi'],
    ['polymarket', 'polymarket'],
  ] as const) {
    const ds = data[key];
    if (!ds || !fresh(key, source, ds.provenance.asOf)) continue;
    const next = ds.data
      .filter((o) => o.meetingDate && o.meetingDate >= today)
      .sort((a, b) => (a.meetingDate! < b.meetingDate! ? -1 : 1))[0];
    if (!next?.meetingDate) continue;
    const odds = meetingOdds(
      next.meetingDate,
      next.outcomes.flatMap((o) => (o.changeBp === null ? [] : [{ changeBp: o.changeBp, p: o.probability }])),
    );
    if (!odds) continue;
    const date = ds.provenance.asOf.slice(0, 10);
    out.push(ratesReading(source, ds.provenance, date, odds, recordedAt));
    if (futuresOdds && futuresOdds.odds.meeting === odds.meeting) {
      const f = futuresOdds.odds;
      const venue = source === 'kalshi' ? 'Kalshi' : 'Polymarket';
      out.push({
        signal: `ratesgap:${source}:${odds.meeting}`,
        date: date > futuresOdds.date ? date : futuresOdds.date,
        source,
        sourceLabel: `${label(ds.provenance)} vs ${label(fut!.provenance)}`,
        values: {
          meeting: odds.meeting,
          venue,
          gapPts: oddsGapPts(f, odds),
          detail: `futures cut ${(f.pCut * 100).toFixed(0)} %, hold ${(f.pHold * 100).toFixed(0)} %; ${venue} cut ${(odds.pCut * 100).toFixed(0)} %, hold ${(odds.pHold * 100).toFixed(0)} %`,
        },
        recordedAt,
      });
    }
  }

  // Pinned names: membership (needs a fetched Russell 2000 file) and daily moves.
  const holdings = data.iwm;
  if (holdings && fresh('iwm', 'ishares-holdings', holdings.provenance.asOf) && inp.watchlist.length) {
    const m: MembershipInputs = {
      r2000: {
        symbols: new Set(holdings.data.constituents.map((c) => c.ticker)),
        asOf: holdings.provenance.asOf.slice(0, 10),
        label: label(holdings.provenance),
      },
    };
    if (data.r1000)
      m.r1000 = {
        symbols: new Set(data.r1000.data),
        asOf: data.r1000.provenance.asOf.slice(0, 10),
        label: label(data.r1000.provenance),
      };
    if (data.reconstitution)
      m.recon = { changes: data.reconstitution.data, label: label(data.reconstitution.provenance) };
    for (const sym of inp.watchlist) {
      const mem = membershipOf(sym, m);
      if (!mem) continue;
      out.push(membershipReading(sym, mem, recordedAt));
    }
  }
  for (const sym of inp.watchlist) {
    const q = inp.quotes.get(sym);
    if (!q) continue;
    const last = dayMoveSeries(q.data.bars.filter((b) => sessionHasClosed(b.date, now))).at(-1);
    if (!last || inp.isStale('prices', last.date, now)) continue;
    out.push(pointReading(`price:${sym}`, q.provenance, last, recordedAt));
  }
  return out;
}

export function ratesReading(
  source: string,
  provenance: Provenance,
  date: string,
  odds: MeetingOdds,
  recordedAt: string,
): Reading {
  return {
    signal: `rates:${source}:${odds.meeting}`,
    date,
    source,
    sourceLabel: label(provenance),
    values: { ...odds },
    recordedAt,
  };
}

/** A reading from one point of a series (flows, yields, drawdown, daily moves). */
export function pointReading(
  signal: string,
  provenance: Provenance,
  point: { date: string },
  recordedAt: string,
): Reading {
  const values: Record<string, ReadingValue> = {};
  for (const [k, v] of Object.entries(point)) {
    if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') values[k] = v;
  }
  return {
    signal,
    date: point.date,
    source: provenance.source,
    sourceLabel: label(provenance),
    values,
    recordedAt,
  };
}

export function membershipReading(symbol: string, mem: Membership, recordedAt: string): Reading {
  return {
    signal: `member:${symbol}`,
    date: mem.asOf,
    source: 'ishares-holdings',
    sourceLabel: mem.basis,
    values: { state: mem.state, basis: mem.basis },
    recordedAt,
  };
}
