import type { Agency, PartyRole } from '../schema/enums.ts';
import type { DisputeCategory } from '../world/records.ts';

/** The centre's normalised status of any agency's matter. */
export type MatterStatus = 'OPEN' | 'IN_PROGRESS' | 'RESOLVED' | 'UNRESOLVED' | 'TRANSFERRED' | 'REFUSED';

/**
 * What an agency tells the centre's registry about one of its matters: the
 * summary, the pseudonymous tokens of the parties (never names or ID
 * numbers: the registry keeps only what the index needs), and the links the
 * agency knows. `version` grows with every change of the matter; the
 * registry applies an event only if it is newer than what it has.
 */
export interface MatterEvent {
  caseCode: string;
  agency: Agency;
  version: number;
  title: string;
  /** The centre's normalised category (DOMAIN.md's mix), the same in every agency. */
  category: DisputeCategory;
  status: MatterStatus;
  division: string;
  openedAt: string;
  closedAt: string | null;
  dueAt: string | null;
  /** Parties with an ID number, as person tokens. */
  parties: { personId: string; role: PartyRole }[];
  links: { caseCode: string; reason: string }[];
  /** Escalations or repeats the risk rules look at (e.g. `REPEAT_PETITION`). */
  flags: string[];
}
