import { enqueueMatterEvent } from '../../shared/feed/outbox.ts';
import type { MatterEvent } from '../../shared/feed/matterEvent.ts';
import { matterEventFromRecord } from '../../shared/feed/matterEventFromRecord.ts';
import type { PersonTokenizer } from '../../shared/identity/personToken.ts';
import type { Db } from '../../shared/store/openDatabase.ts';
import type { LinkReason, PartyRecord } from '../../shared/world/records.ts';
import type { IncidentLinkRow, IncidentPartyRow, IncidentRow, IncidentStore } from './incident.store.ts';
import { summaryStatus } from './incident.workflow.ts';

/**
 * The registry's view of an incident. Suspects are left out: who is
 * suspected of what stays with the police (DOMAIN.md), and a suspect's
 * token in the centre's index would put the incident on their timeline for
 * anyone to see. The centre ticket the incident was handed to is a
 * FOLLOW_UP link.
 */
export function incidentEvent(row: IncidentRow, parties: readonly IncidentPartyRow[], links: readonly IncidentLinkRow[], tokenize: PersonTokenizer): MatterEvent {
  const allLinks = new Map(links.map((l) => [l.caseCode, l.reason as LinkReason]));
  if (row.centerCaseCode) allLinks.set(row.centerCaseCode, 'FOLLOW_UP');
  return matterEventFromRecord(
    'POLICE',
    {
      caseCode: row.caseCode,
      title: row.title,
      category: row.matterCategory,
      division: row.division,
      openedAt: row.receivedAt,
      closedAt: row.closedAt,
      // No statutory time limit applies to a 110 incident (records.ts).
      dueAt: null,
      summaryStatus: summaryStatus(row.status, row.disposition),
      parties: parties.filter((p) => p.role !== 'SUSPECT').map(toPartyRecord),
      links: [...allLinks].map(([caseCode, reason]) => ({ caseCode, reason })),
    },
    row.version,
    tokenize,
  );
}

function toPartyRecord(p: IncidentPartyRow): PartyRecord {
  return { role: p.role, kind: p.kind, name: p.name, idNumber: p.idNumber, phone: p.phone, creditCode: null, firm: null };
}

/** Writes the incident's current state to the outbox; call inside the transaction that changed it. */
export function enqueueIncident(services: { db: Db; incidents: IncidentStore; tokenize: PersonTokenizer }, caseCode: string, now: Date): void {
  const { db, incidents, tokenize } = services;
  const row = incidents.load([caseCode])[0]!;
  enqueueMatterEvent(db, incidentEvent(row, incidents.parties([caseCode])[0]!, incidents.links(caseCode), tokenize), now);
}
