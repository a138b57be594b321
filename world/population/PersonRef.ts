import type { Gender } from '../../subgraphs/shared/world/records.ts';

/** What the matter generator keeps of a resident to use as a party. */
export interface PersonRef {
  readonly idNumber: string;
  readonly name: string;
  readonly gender: Gender;
  /** Local day number of birth. */
  readonly birthDay: number;
  readonly phone: string | null;
  /** Index of the town in its county's town list. */
  readonly town: number;
  readonly cell: string;
  readonly address: string;
  /** ID number issued outside the county. */
  readonly migrant: boolean;
}
