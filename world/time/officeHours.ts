import type { Rng } from '../random/Rng.ts';
import { dayOf, startOfDay } from './clock.ts';

/**
 * A time during office hours (08:30-17:30 local) on the day `days` after the
 * day of `t`; never earlier than `t` + 1 minute, so steps stay strictly
 * ordered even when they fall on the same day.
 */
export function officeTime(rng: Rng, t: number, days: number): number {
  const day = dayOf(t) + days;
  const candidate = startOfDay(day) + 510 + rng.int(540);
  if (candidate > t) return candidate;
  // Same day and already past the drawn minute: a little later.
  return t + 5 + rng.int(90);
}

/** Any minute of a day (for 110 calls and other round-the-clock events), weighted toward daytime. */
export function anyTimeOfDay(rng: Rng, day: number): number {
  // Two thirds of calls come between 08:00 and 22:00.
  const minute = rng.chance(0.67) ? 480 + rng.int(840) : rng.int(1440);
  return startOfDay(day) + minute;
}

/**
 * The next moment an office acts after `t`: later the same working day if
 * there is time left (before 17:00), otherwise the next morning.
 */
export function nextOfficeTime(rng: Rng, t: number): number {
  const minuteOfDay = t - startOfDay(dayOf(t));
  if (minuteOfDay >= 480 && minuteOfDay < 1020) return t + 10 + rng.int(Math.min(120, 1050 - minuteOfDay));
  return officeTime(rng, t, minuteOfDay < 480 ? 0 : 1);
}
