import { ErrorCode, userError } from '../errors.ts';
import type { Jurisdiction } from '../security/Jurisdiction.ts';

/**
 * A matter the command acts on, when the user may see it. One outside the
 * jurisdiction is NOT_FOUND with the same message as one that does not
 * exist: the answer must not tell the two apart.
 */
export function visibleOrNotFound<Row extends { division: string }>(row: Row | undefined, jurisdiction: Jurisdiction, notFound: string): Row {
  if (!row || !jurisdiction.includes(row.division)) throw userError(ErrorCode.NOT_FOUND, notFound);
  return row;
}

/**
 * A new matter must arise inside the user's jurisdiction: naming a town
 * outside it is FORBIDDEN (the user knows the town they named; nothing
 * about existing records is told).
 */
export function checkCreateWithin(jurisdiction: Jurisdiction, division: string, argumentName = 'division'): void {
  if (!jurisdiction.includes(division)) {
    throw userError(ErrorCode.FORBIDDEN, `division ${division} is outside your jurisdiction: a matter is registered where you may act`, { argumentName });
  }
}
