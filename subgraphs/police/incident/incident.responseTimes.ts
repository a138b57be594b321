/**
 * Response times, the measure a 110 service is judged by in place of a
 * deadline: whole minutes from 接警 to a later stage, rounded to the nearest
 * minute; null until that stage is reached.
 */
export function minutesSince(receivedAt: string, stageAt: string | null): number | null {
  if (stageAt === null) return null;
  return Math.round((Date.parse(stageAt) - Date.parse(receivedAt)) / 60_000);
}
