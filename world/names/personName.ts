import type { Gender } from '../../subgraphs/shared/world/records.ts';
import type { Rng } from '../random/Rng.ts';
import { givenName } from './givenName.ts';
import { SURNAMES } from './surnames.ts';

/** A full name for someone not in a family (staff, outsiders): surname by frequency, fitting given name. */
export function personName(rng: Rng, gender: Gender, birthYear: number): string {
  return SURNAMES.pick(rng) + givenName(rng, gender, birthYear);
}
