import type { Rng } from '../random/Rng.ts';
import { DAY, dayOf } from '../time/clock.ts';
import { anyTimeOfDay, officeTime } from '../time/officeHours.ts';
import type { CountyWorld } from './CountyWorld.ts';

/** A day in the matter window, `marginDays` before the end at the latest. */
export function windowDay(world: CountyWorld, marginDays = 0): number {
  const first = dayOf(world.windowStart);
  const last = dayOf(world.asOf) - 1 - marginDays;
  return first + world.rng.int(Math.max(1, last - first + 1));
}

/** An office-hours instant in the window. */
export function officeInWindow(world: CountyWorld, marginDays = 0): number {
  const day = windowDay(world, marginDays);
  return officeTime(world.rng, (day - 1) * DAY, 1);
}

/** A round-the-clock instant in the window (110 calls). */
export function anyInWindow(world: CountyWorld, marginDays = 0): number {
  return anyTimeOfDay(world.rng, windowDay(world, marginDays));
}

/** Mostly `onTime`, sometimes `late` (a draw in one of two ranges). */
export function mostlyOnTime(rng: Rng, onTime: readonly [number, number], late: readonly [number, number], lateShare: number): number {
  const [lo, hi] = rng.chance(lateShare) ? late : onTime;
  return rng.between(lo, hi);
}
