import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  daysUntil,
  inRegularSession,
  isTradingDay,
  lastClosedSession,
  newYorkClock,
  newYorkDate,
  newYorkTimeToUtcMs,
  nyseHolidays,
  sessionCloseMinutes,
  sessionHasClosed,
  tradingDaysBetween,
} from './market-time';

describe('New York clock', () => {
  it('8 pm in New York on 6 Dec is still 6 Dec (UTC is already on the 7th)', () => {
    expect(newYorkDate(new Date('2026-12-07T01:00:00Z'))).toBe('2026-12-06');
    expect(newYorkClock(new Date('2026-12-07T01:00:00Z')).minutes).toBe(20 * 60);
  });
  it('follows daylight time from the platform time-zone data', () => {
    // 8 Mar 2026, 2:00 EST → 3:00 EDT (7:00 UTC)
    expect(newYorkClock(new Date('2026-03-08T06:59:00Z'))).toEqual({ date: '2026-03-08', minutes: 119 });
    expect(newYorkClock(new Date('2026-03-08T07:00:00Z'))).toEqual({ date: '2026-03-08', minutes: 180 });
    // summer: 16:00 New York is 20:00 UTC
    expect(newYorkClock(new Date('2026-07-15T20:00:00Z')).minutes).toBe(16 * 60);
    expect(new Date(newYorkTimeToUtcMs('2026-07-01', 18 * 60)).toISOString()).toBe(
      '2026-07-01T22:00:00.000Z',
    );
    expect(new Date(newYorkTimeToUtcMs('2026-12-01', 18 * 60)).toISOString()).toBe(
      '2026-12-01T23:00:00.000Z',
    );
    // midnight shows as 0, not 24
    expect(newYorkClock(new Date('2026-01-15T05:00:00Z'))).toEqual({ date: '2026-01-15', minutes: 0 });
  });
});

describe('calendar arithmetic', () => {
  it('counts calendar days on dates, ignoring time parts', () => {
    expect(daysBetween('2026-12-06', '2026-12-11')).toBe(5);
    expect(daysBetween('2026-12-11', '2026-12-06')).toBe(-5);
    expect(daysBetween('2026-03-01', '2026-03-31T23:00:00Z')).toBe(30);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-08', '2026-03-09')).toBe(1); // across the daylight-time switch
  });
  it('counts down to a date from the New York date', () => {
    expect(daysUntil('2026-12-11', new Date('2026-12-07T01:00:00Z'))).toBe(5);
  });
});

describe('NYSE calendar', () => {
  it('lists the 2026 holidays as observed', () => {
    expect([...nyseHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-04-03',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-11-26',
      '2026-12-25',
    ]);
  });
  it('observes Saturday holidays on Friday and Sunday ones on Monday, but not New Year on a Saturday', () => {
    expect(nyseHolidays(2027).has('2027-06-18')).toBe(true); // Juneteenth on a Saturday
    expect(nyseHolidays(2027).has('2027-07-05')).toBe(true); // 4 July on a Sunday
    expect(nyseHolidays(2027).has('2027-12-24')).toBe(true);
    expect(isTradingDay('2021-12-31')).toBe(true); // 1 Jan 2022 was a Saturday
    expect(nyseHolidays(2021).has('2021-06-18')).toBe(false); // Juneteenth from 2022 only
  });
  it('knows one-off closures and weekends', () => {
    expect(isTradingDay('2025-01-09')).toBe(false);
    expect(isTradingDay('2026-12-05')).toBe(false);
    expect(isTradingDay('2026-12-04')).toBe(true);
  });
  it('closes early on the usual half days', () => {
    expect(sessionCloseMinutes('2025-07-03')).toBe(13 * 60);
    expect(sessionCloseMinutes('2026-11-27')).toBe(13 * 60);
    expect(sessionCloseMinutes('2026-12-24')).toBe(13 * 60);
    expect(sessionCloseMinutes('2026-12-23')).toBe(16 * 60);
    expect(sessionCloseMinutes('2026-12-25')).toBeNull();
  });
  it('counts trading sessions between dates', () => {
    expect(tradingDaysBetween('2026-12-24', '2026-12-28')).toBe(1); // Christmas and a weekend
    expect(tradingDaysBetween('2026-05-05', '2026-05-05')).toBe(0);
    expect(tradingDaysBetween('2026-11-20', '2026-11-30')).toBe(5); // Thanksgiving week
  });
});

describe('sessions', () => {
  it('a session has closed only after the bell in New York', () => {
    expect(sessionHasClosed('2026-05-05', new Date('2026-05-05T19:59:00Z'))).toBe(false); // 15:59 EDT
    expect(sessionHasClosed('2026-05-05', new Date('2026-05-05T20:00:00Z'))).toBe(true);
    expect(sessionHasClosed('2026-11-27', new Date('2026-11-27T18:00:00Z'))).toBe(true); // 13:00 EST half day
    expect(sessionHasClosed('2026-05-06', new Date('2026-05-05T23:00:00Z'))).toBe(false);
  });
  it('the last closed session skips weekends, holidays and the open session', () => {
    expect(lastClosedSession(new Date('2026-12-06T15:00:00Z'))).toBe('2026-12-04'); // Sunday
    expect(lastClosedSession(new Date('2026-12-07T15:00:00Z'))).toBe('2026-12-04'); // Monday, open
    expect(lastClosedSession(new Date('2026-12-07T21:30:00Z'))).toBe('2026-12-07');
    expect(lastClosedSession(new Date('2026-12-26T12:00:00Z'))).toBe('2026-12-24');
  });
  it('knows when the regular session is open', () => {
    expect(inRegularSession(new Date('2026-12-07T15:00:00Z'))).toBe(true); // 10:00 EST
    expect(inRegularSession(new Date('2026-12-07T14:29:00Z'))).toBe(false); // 9:29
    expect(inRegularSession(new Date('2026-12-25T15:00:00Z'))).toBe(false);
    expect(inRegularSession(new Date('2026-07-15T13:30:00Z'))).toBe(true); // 9:30 EDT
  });
});
