import type { JourneyKind, LegalAidCaseRecord } from '../../subgraphs/shared/world/records.ts';
import type { CountyWorld } from '../matters/CountyWorld.ts';
import type { Draft, Mutable } from '../matters/Draft.ts';
import type { PersonRef } from '../population/PersonRef.ts';
import { DAY, dayOf, formatTime } from '../time/clock.ts';
import { officeTime } from '../time/officeHours.ts';

/** A journey as generated: its matters in opening order (only those that exist by the as-of date). */
export interface JourneyDraft {
  readonly kind: JourneyKind;
  readonly persons: readonly PersonRef[];
  readonly drafts: Draft[];
  /** The planned last matter exists and is closed. */
  complete: boolean;
}

/**
 * When a journey starts: most start early enough to finish inside the
 * window (about `durationDays` long); about one in six starts late and is
 * still under way at the as-of date, as live systems always have some.
 */
export function journeyStart(world: CountyWorld, durationDays: number): number {
  const { rng } = world;
  const lastDay = dayOf(world.asOf) - 1;
  const firstDay = dayOf(world.windowStart);
  let day: number;
  if (rng.chance(0.83)) {
    const latest = Math.max(firstDay, lastDay - durationDays);
    day = firstDay + rng.int(latest - firstDay + 1);
  } else {
    const earliest = Math.max(firstDay, lastDay - durationDays);
    day = earliest + rng.int(Math.max(1, lastDay - 3 - earliest));
  }
  return officeTime(rng, (day - 1) * DAY, 1);
}

/** Adds a matter to the journey if it exists; returns whether it does. */
export function step(j: JourneyDraft, d: Draft | null): d is Draft {
  if (d === null) return false;
  j.drafts.push(d);
  return true;
}

/**
 * Ends a legal aid representation when the proceeding it covered ends
 * (the aid matter was built before that end was known).
 */
export function endRepresentation(world: CountyWorld, aid: Draft, at: number | null): void {
  const r = aid.record as Mutable<LegalAidCaseRecord>;
  // The lawyer files the closing report the day after.
  const end = at === null ? null : at + DAY;
  if (end === null || end >= world.asOf || r.status !== 'LAWYER_ASSIGNED') return;
  r.status = 'CLOSED';
  r.summaryStatus = 'RESOLVED';
  r.closedAt = formatTime(end);
}
