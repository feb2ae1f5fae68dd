import { describe, expect, it } from 'vitest';
import { readReal } from '../../test/shared-fixtures';
import { unwrap } from '../result';
import { parseFedWatchCapture } from '../sources/cme-fedwatch-capture';
import { bundledCalendars } from '../sources/calendars';
import { parseFuturesCsv } from '../sources/futures-csv';
import { parseKalshiEvents } from '../sources/kalshi';
import { parsePolymarketEvents } from '../sources/polymarket';
import type { Provenance } from '../source-data';
import { feedOf, isStale } from '../core/freshness';
import { buildRatesFactor, likeliest, type RatesInputs } from './rates-factor';

const TODAY = '2026-12-06';
/** The card's rule (lib/core/freshness.ts), at noon New York on TODAY. */
const staleOn = (today: string) => (p: Provenance) =>
  isStale(feedOf(p), p.asOf, new Date(`${today}T17:00:00Z`));
const stale = staleOn(TODAY);
const prov = (label: string, asOf: string): Provenance => ({ source: 'bundled', label, asOf });

/** What the offline snapshot holds as of Dec 2026: no futures, the Oct 2026 recordings. */
function recorded(): RatesInputs {
  const capture = unwrap(parseFedWatchCapture(readReal('cme_fedwatch_cmegroupcn_daily_2026-10-10.json')));
  const capProv = prov('CME FedWatch page (recorded capture)', capture.asOf);
  return {
    calendars: { data: bundledCalendars(), provenance: prov('Fed FOMC calendar', '2026-09-15') },
    targetRange: {
      data: capture.currentTarget,
      provenance: { ...capProv, label: `${capProv.label}, current target` },
    },
    fedWatchCapture: { data: capture, provenance: capProv },
    marketOdds: [
      {
        data: unwrap(
          parseKalshiEvents(readReal('kalshi_KXFEDDECISION_26OCT_26DEC_27JAN_2026-10-06.trimmed.json'), {
            asOf: '2026-10-06',
          }),
        ),
        provenance: prov('Kalshi KXFEDDECISION (recorded)', '2026-10-06'),
      },
      {
        data: unwrap(
          parsePolymarketEvents(
            readReal('polymarket_gamma_event_fed-decision-in-september-762_2026-09-15.trimmed.json'),
            {
              asOf: '2026-09-15',
            },
          ),
        ),
        provenance: prov('Polymarket (recorded)', '2026-09-15'),
      },
    ],
  };
}

describe('rates factor on the recordings, as of 6 Dec 2026 (no futures)', () => {
  it('names the next decision (9 Dec 2026) and the range with its source and date', () => {
    const f = buildRatesFactor(recorded(), TODAY, stale);
    const d = Object.fromEntries(f.details.map((x) => [x.label, x.value]));
    expect(d['Next FOMC decision']).toBe('9 Dec 2026 (in 3 days; Fed FOMC calendar)');
    expect(d['Target range']).toBe(
      '3.75–4.00% (CME FedWatch page (recorded capture), current target, 9 Oct 2026; may have changed at the 28 Oct 2026 decision)',
    );
    expect(f.headline).not.toMatch(/Unavailable/);
  });

  it("headline from the newest source, CME's table of 9 Oct: a hike priced, dated, stale", () => {
    const f = buildRatesFactor(recorded(), TODAY, stale);
    expect(f.headline).toBe('Hike 81% by 9 Dec (9 Oct)');
    expect(f.state).toBe('against');
    expect(f.stale).toBe(true);
    expect(f.provenance[0]?.label).toBe('CME FedWatch page (recorded capture)');
    expect(f.provenance[0]?.asOf).toBe('2026-10-09');
    expect(f.reason).toMatch(/CME FedWatch \(published table, recorded page\) as of 9 Oct 2026: hike 81%/);
    const kalshi = f.details.find((x) => x.label.startsWith('Kalshi decision market, 9 Dec'));
    expect(kalshi?.value).toMatch(
      /^hike 72%, hold 26%, cut 2% \(the move at that decision; as of 6 Oct 2026, stale\)$/,
    );
    // Polymarket's recording is of the (past) Sep 2026 meeting: not shown as a coming one.
    expect(f.details.some((x) => x.label.startsWith('Polymarket'))).toBe(false);
    expect(f.chart?.series[0]?.values[0]).toBe(81.3);
  });

  it('without the CME table, Kalshi leads (6 Oct); without any odds, the calendar and range remain', () => {
    const { fedWatchCapture: _c, ...noCapture } = recorded();
    const k = buildRatesFactor(noCapture, TODAY, stale);
    expect(k.headline).toBe('Hike 72% · 9 Dec (6 Oct)');
    expect(k.provenance[0]?.label).toBe('Kalshi KXFEDDECISION (recorded)');
    expect(k.stale).toBe(true);
    const none = buildRatesFactor({ ...noCapture, marketOdds: [] }, TODAY, stale);
    expect(none.headline).toBe('Next decision 9 Dec');
    expect(none.state).toBe('unknown');
    expect(none.reason).toMatch(/next FOMC decision is on 9 Dec 2026/);
    expect(none.provenance.length).toBe(2);
  });

  it('with futures (18 Sep 2026 settlements): hikes read as naturally as cuts', () => {
    const inputs: RatesInputs = {
      ...recorded(),
      futures: {
        data: unwrap(parseFuturesCsv(readReal('cme_zq_settlements_2026-09-17_to_2026-09-18.csv'))),
        provenance: prov('CME 30-Day Fed Funds settlements', '2026-09-18'),
      },
      targetRange: {
        data: { lower: 3.75, upper: 4 },
        provenance: prov('FRED DFEDTARL and DFEDTARU', '2026-09-18'),
      },
    };
    const f = buildRatesFactor(inputs, '2026-09-20', staleOn('2026-09-20'));
    expect(f.headline).toBe('Hike 58% · 28 Oct');
    expect(f.state).toBe('against');
    expect(f.stale).toBe(false);
    expect(f.provenance[0]?.label).toBe('CME 30-Day Fed Funds settlements');
    const d = Object.fromEntries(f.details.map((x) => [x.label, x.value]));
    expect(d['Next FOMC decision']).toBe('28 Oct 2026 (in 38 days; Fed FOMC calendar)');
    expect(d['Futures, 28 Oct 2026']).toBe('hike 57.6%, hold 42.4%, cut 0.0%');
    expect(d['At least one hike by end of 2026']).toBe('90%');
  });
});

describe('likeliest', () => {
  it('names a hike, a hold or a cut alike', () => {
    expect(likeliest({ cut: 0, hold: 0.42, hike: 0.58 })).toEqual({ word: 'Hike', p: 0.58 });
    expect(likeliest({ cut: 0.9, hold: 0.1, hike: 0 })).toEqual({ word: 'Cut', p: 0.9 });
    expect(likeliest({ cut: 0.1, hold: 0.8, hike: 0.1 })).toEqual({ word: 'Hold', p: 0.8 });
  });
});
