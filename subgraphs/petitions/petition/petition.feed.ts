import type { MatterEvent } from '../../shared/feed/matterEvent.ts';
import { matterEventFromRecord } from '../../shared/feed/matterEventFromRecord.ts';
import { enqueueMatterEvent } from '../../shared/feed/outbox.ts';
import type { PersonTokenizer } from '../../shared/identity/personToken.ts';
import type { Db } from '../../shared/store/openDatabase.ts';
import type { LinkReason } from '../../shared/world/records.ts';
import type { PetitionLinkRow, PetitionPartyRow, StoredPetition } from './petition.store.ts';
import { summaryStatus } from './petition.workflow.ts';

/** Five or more petitioners make a collective petition (多人联名信访). */
export const COLLECTIVE_PETITIONERS = 5;

/**
 * The registry's view of a petition. The accuser's identity stays in this
 * agency (信访工作条例 art 30; DOMAIN.md: agency-private fields stay within
 * the agency), so COMPLAINANT parties are not sent, not even as tokens.
 * Flags: REPEAT_PETITION for a repeat on the same facts (the centre's risk
 * rules count them), COLLECTIVE_PETITION for five or more petitioners.
 */
export function petitionEvent(
  p: StoredPetition,
  parties: readonly PetitionPartyRow[],
  links: readonly PetitionLinkRow[],
  tokenize: PersonTokenizer,
): MatterEvent {
  const flags: string[] = [];
  if (p.repeatOf) flags.push('REPEAT_PETITION');
  if (p.petitionerCount >= COLLECTIVE_PETITIONERS) flags.push('COLLECTIVE_PETITION');
  return matterEventFromRecord(
    'PETITIONS',
    {
      caseCode: p.caseCode,
      title: p.title,
      category: p.category,
      division: p.division,
      openedAt: p.registeredAt,
      closedAt: p.closedAt,
      dueAt: p.dueAt,
      summaryStatus: summaryStatus(p.status),
      parties: parties
        .filter((x) => x.role !== 'COMPLAINANT')
        .map((x) => ({ role: x.role, kind: x.kind, name: x.name, idNumber: x.idNumber, phone: null, creditCode: null, firm: null })),
      links: links.map((l) => ({ caseCode: l.caseCode, reason: l.reason as LinkReason })),
    },
    p.version,
    tokenize,
    flags,
  );
}

/** Writes the petition's current state to the outbox (call inside the writing transaction). */
export function enqueuePetition(
  db: Db,
  p: StoredPetition,
  parties: readonly PetitionPartyRow[],
  links: readonly PetitionLinkRow[],
  tokenize: PersonTokenizer,
  now: Date,
): void {
  enqueueMatterEvent(db, petitionEvent(p, parties, links, tokenize), now);
}
