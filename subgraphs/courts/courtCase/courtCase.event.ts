import type { MatterEvent } from '../../shared/feed/matterEvent.ts';
import { matterEventFromRecord } from '../../shared/feed/matterEventFromRecord.ts';
import { enqueueMatterEvent } from '../../shared/feed/outbox.ts';
import type { PersonTokenizer } from '../../shared/identity/personToken.ts';
import type { Db } from '../../shared/store/openDatabase.ts';
import type { CourtCaseRow, CourtCaseStore, CourtLinkRow, CourtPartyRow } from './courtCase.store.ts';
import { summaryStatus } from './courtCase.workflow.ts';

/** The registry's view of a case: summary, party tokens and every link (appeal, enforcement, confirmation, origin). */
export function courtCaseEvent(row: CourtCaseRow, parties: readonly CourtPartyRow[], links: readonly CourtLinkRow[], tokenize: PersonTokenizer): MatterEvent {
  return matterEventFromRecord(
    'COURTS',
    {
      caseCode: row.caseCode,
      title: row.title,
      category: row.category,
      division: row.division,
      openedAt: row.receivedAt,
      closedAt: row.closedAt,
      dueAt: row.dueAt,
      summaryStatus: summaryStatus(row.status, row.outcome),
      parties: parties.map((p) => ({ role: p.role, kind: p.kind, name: p.name, idNumber: p.idNumber, phone: p.phone, creditCode: p.creditCode, firm: p.firm })),
      links,
    },
    row.version,
    tokenize,
  );
}

/**
 * Puts the case's current state in the outbox. Call inside the transaction
 * that changed it: the event exists exactly when the change does.
 */
export function enqueueCourtCaseEvent(db: Db, cases: CourtCaseStore, tokenize: PersonTokenizer, caseCode: string, now: Date): void {
  const row = cases.load([caseCode])[0]!;
  enqueueMatterEvent(db, courtCaseEvent(row, cases.parties([caseCode])[0]!, cases.links([caseCode])[0]!, tokenize), now);
}
