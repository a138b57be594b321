import { describe, expect, it } from 'vitest';
import { CHINA_UTC_OFFSET_MS, endOfLocalDay, localDate, localMidnight, localYear } from '../../../../../subgraphs/shared/time/chinaTime.ts';

const iso = (d: Date) => d.toISOString();

describe('China local time', () => {
  it('is UTC+8 all year (no daylight saving)', () => {
    expect(CHINA_UTC_OFFSET_MS).toBe(8 * 60 * 60 * 1000);
  });

  it('takes the year and the date of the local calendar', () => {
    // 16:00 UTC on New Year's Eve is already midnight in China.
    expect(localYear(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
    expect(localYear(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
    expect(localDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(localDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(localDate(new Date('2028-02-28T17:00:00Z'))).toBe('2028-02-29');
  });

  it('refuses an invalid date rather than inventing a day', () => {
    expect(() => localDate(new Date('not a date'))).toThrow(RangeError);
  });

  it('starts a local date at 00:00 in China', () => {
    expect(iso(localMidnight('2026-11-02'))).toBe('2026-11-01T16:00:00.000Z');
    expect(iso(localMidnight('2026-01-01'))).toBe('2025-12-31T16:00:00.000Z');
  });

  describe('endOfLocalDay', () => {
    it('ends a limit in days at 23:59:59 local of its last day, not counting the first', () => {
      expect(iso(endOfLocalDay('2026-11-02T09:00:00+08:00', { days: 7 }))).toBe('2026-11-09T15:59:59.000Z');
      expect(iso(endOfLocalDay(new Date('2026-11-02T09:00:00+08:00'), { days: 0 }))).toBe('2026-11-02T15:59:59.000Z');
      // 23:30 UTC on 1 November is 2 November in China.
      expect(iso(endOfLocalDay('2026-11-01T23:30:00Z', { days: 1 }))).toBe('2026-11-03T15:59:59.000Z');
      expect(iso(endOfLocalDay('2026-12-20T10:00:00+08:00', { days: 15 }))).toBe('2027-01-04T15:59:59.000Z');
      expect(iso(endOfLocalDay('2026-11-02T09:00:00+08:00'))).toBe('2026-11-02T15:59:59.000Z');
    });

    it('ends a limit in months on the same-numbered day, or the last day of a shorter month', () => {
      expect(iso(endOfLocalDay('2026-11-15T10:00:00+08:00', { months: 3 }))).toBe('2027-02-15T15:59:59.000Z');
      expect(iso(endOfLocalDay('2026-01-31T10:00:00+08:00', { months: 1 }))).toBe('2026-02-28T15:59:59.000Z');
      expect(iso(endOfLocalDay('2028-01-31T10:00:00+08:00', { months: 1 }))).toBe('2028-02-29T15:59:59.000Z');
      expect(iso(endOfLocalDay('2026-08-31T10:00:00+08:00', { months: 6 }))).toBe('2027-02-28T15:59:59.000Z');
      expect(iso(endOfLocalDay('2026-01-31T10:00:00+08:00', { months: 1 }, { shortMonth: 'lastDay' }))).toBe('2026-02-28T15:59:59.000Z');
    });

    it('adds the days after the months', () => {
      expect(iso(endOfLocalDay('2026-01-31T10:00:00+08:00', { months: 1, days: 1 }))).toBe('2026-03-01T15:59:59.000Z');
      expect(iso(endOfLocalDay('2026-05-10T10:00:00+08:00', { months: 6, days: 30 }))).toBe('2026-12-10T15:59:59.000Z');
    });

    it('rolls a short month over into the next when asked to', () => {
      expect(iso(endOfLocalDay('2026-01-31T10:00:00+08:00', { months: 1 }, { shortMonth: 'rollOver' }))).toBe('2026-03-03T15:59:59.000Z');
      expect(iso(endOfLocalDay('2028-01-31T10:00:00+08:00', { months: 1 }, { shortMonth: 'rollOver' }))).toBe('2028-03-02T15:59:59.000Z');
      // Where the day exists, both ways agree.
      expect(iso(endOfLocalDay('2026-11-15T10:00:00+08:00', { months: 3 }, { shortMonth: 'rollOver' }))).toBe('2027-02-15T15:59:59.000Z');
    });

    it('counts days alone the same whichever way short months go', () => {
      for (const from of ['2026-01-31T10:00:00+08:00', '2026-02-28T23:59:00+08:00', '2026-12-31T16:30:00Z']) {
        for (const days of [0, 1, 3, 15, 30, 60]) {
          expect(iso(endOfLocalDay(from, { days }, { shortMonth: 'rollOver' }))).toBe(iso(endOfLocalDay(from, { days })));
        }
      }
    });

    it('reads the instant, whatever offset it was written with', () => {
      const end = Date.parse('2026-11-03T23:59:59+08:00');
      expect(endOfLocalDay('2026-11-02T09:00:00+08:00', { days: 1 }).getTime()).toBe(end);
      expect(endOfLocalDay('2026-11-02T01:00:00Z', { days: 1 }).getTime()).toBe(end);
      expect(endOfLocalDay(new Date(Date.UTC(2026, 10, 2, 1)), { days: 1 }).getTime()).toBe(end);
    });
  });
});
