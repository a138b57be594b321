/**
 * World time: integer minutes since 1970-01-01T00:00Z. Every date the
 * generator writes is China local time (UTC+8, no daylight saving), so a
 * "local day" is a 1440-minute block shifted by 480 minutes. Integers keep
 * the arithmetic exact and cheap (no Date objects in the hot path) and make
 * "strictly in order" a plain comparison.
 */
export const MINUTE = 1;
export const HOUR = 60;
export const DAY = 1440;
const OFFSET = 480;

/** Local day number (days since 1970-01-01 local) of a minute instant. */
export function dayOf(t: number): number {
  return Math.floor((t + OFFSET) / DAY);
}

/** The instant of local midnight starting day `day`. */
export function startOfDay(day: number): number {
  return day * DAY - OFFSET;
}

/** Local day number of a `YYYY-MM-DD` date. */
export function dayOfDate(date: string): number {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(ms / 86_400_000);
}

// Formatting happens millions of times: day strings are cached per day number.
const dayCache = new Map<number, string>();

/** `YYYY-MM-DD` of a local day number. */
export function formatDay(day: number): string {
  let s = dayCache.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dayCache.set(day, s);
  }
  return s;
}

const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** `2025-03-16T09:30:00+08:00`. */
export function formatTime(t: number): string {
  const local = t + OFFSET;
  const day = Math.floor(local / DAY);
  const m = local - day * DAY;
  return `${formatDay(day)}T${TWO[Math.floor(m / 60)]}:${TWO[m % 60]}:00+08:00`;
}

/** Like {@link formatTime} but null stays null. */
export function formatMaybe(t: number | null): string | null {
  return t === null ? null : formatTime(t);
}

/** Calendar year (local) of an instant. */
export function yearOf(t: number): number {
  return Number(formatDay(dayOf(t)).slice(0, 4));
}

/**
 * Adds calendar months (the statutory "three months" of the civil procedure
 * law), keeping the time of day and clamping to the month's last day.
 */
export function addMonths(t: number, months: number): number {
  const day = dayOf(t);
  const minuteOfDay = t - startOfDay(day);
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const target = Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay));
  return startOfDay(Math.round(target / 86_400_000)) + minuteOfDay;
}
