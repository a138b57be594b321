/**
 * China local time (UTC+8; China has no daylight saving, so the offset never
 * changes). Time limits, case-code years and daily numbers are counted on
 * local dates, while instants are stored in UTC: these helpers do the
 * arithmetic on the local calendar without depending on the server's time
 * zone.
 */
export const CHINA_UTC_OFFSET_MS = 8 * 3_600_000;

/** The instant shifted so that its UTC fields read as China local time. */
function asLocal(at: Date | string): Date {
  return new Date(new Date(at).getTime() + CHINA_UTC_OFFSET_MS);
}

/** The local year of an instant: case codes and case numbers count by it. */
export function localYear(at: Date): number {
  return asLocal(at).getUTCFullYear();
}

/**
 * The local calendar date of an instant, YYYY-MM-DD: an ID card's birth date
 * or a day's incident numbers are local dates, so 01:00 on the 2nd in China
 * (17:00 UTC on the 1st) is the 2nd. Throws a RangeError for an invalid date.
 */
export function localDate(at: Date): string {
  return asLocal(at).toISOString().slice(0, 10);
}

/** The instant a local date (YYYY-MM-DD) begins: 00:00 in China. */
export function localMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_UTC_OFFSET_MS);
}

/** A time limit in calendar months and days. */
export interface Span {
  months?: number;
  days?: number;
}

export interface EndOfLocalDayOptions {
  /**
   * When a limit in months lands in a month without the same-numbered day
   * (one month from 31 January): `lastDay` ends it on that month's last day,
   * 28 or 29 February (民法典 art 202), the default; `rollOver` lets the
   * surplus days run into the next month, 3 (or 2) March, as JavaScript's
   * Date does. Limits in days alone are the same either way.
   */
  shortMonth?: 'lastDay' | 'rollOver';
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/**
 * The end (23:59:59 local) of the last day of a limit counted from the local
 * day of `from`. The day of the event is not counted (民法典 art 201;
 * 民事诉讼法 art 85), so 7 days from 09:00 on Monday end at the end of the
 * next Monday; months are added first, then days.
 */
export function endOfLocalDay(from: Date | string, span: Span = {}, options: EndOfLocalDayOptions = {}): Date {
  const local = asLocal(from);
  const months = span.months ?? 0;
  const days = span.days ?? 0;
  if (options.shortMonth === 'rollOver') {
    const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + months, local.getUTCDate() + days, 23, 59, 59);
    return new Date(end - CHINA_UTC_OFFSET_MS);
  }
  const year = local.getUTCFullYear() + Math.floor((local.getUTCMonth() + months) / 12);
  const month0 = (((local.getUTCMonth() + months) % 12) + 12) % 12;
  const day = Math.min(local.getUTCDate(), daysInMonth(year, month0)) + days;
  return new Date(Date.UTC(year, month0, day, 23, 59, 59) - CHINA_UTC_OFFSET_MS);
}
