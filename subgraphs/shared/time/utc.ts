// Times arrive with any offset (the world files and clients write +08:00)
// and are stored in UTC, so that text order is time order in SQL.

/** An ISO 8601 time as UTC ISO (`…Z`). */
export function utc(time: string): string {
  return new Date(time).toISOString();
}

/** `utc`, or null where there is no time; an empty or malformed time is an error, not a missing one. */
export function utcOrNull(time: string | null | undefined): string | null {
  return time === null || time === undefined ? null : utc(time);
}
