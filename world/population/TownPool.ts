import type { TownInfo } from '../geo/counties.ts';
import type { PersonRef } from './PersonRef.ts';

/** A grid cell as the matter generator needs it (names for units and places). */
export interface CellInfo {
  readonly code: string;
  readonly villageName: string;
  readonly villageKind: 'COMMUNITY' | 'VILLAGE';
  readonly workerName: string;
}

/**
 * The residents of one town that matters can draw parties from, grouped by
 * the relationships journeys need. Kept for one county at a time.
 */
export interface TownPool {
  readonly town: TownInfo;
  readonly index: number;
  /** Aged 20-80 at the as-of date (adults throughout the matter window). */
  readonly adults: PersonRef[];
  /** Married couples, husband first. */
  readonly couples: [PersonRef, PersonRef][];
  /** An elderly parent (65+) and an adult child of the same household. */
  readonly parentChild: [PersonRef, PersonRef][];
  readonly cells: CellInfo[];
}
