import { join } from 'node:path';
import type { PersonTokenizer } from '../shared/identity/personToken.ts';
import type { Db } from '../shared/store/openDatabase.ts';
import { utc, utcOrNull } from '../shared/time/utc.ts';
import { importWorldFile } from '../shared/world/importWorldFile.ts';
import { WORLD_FILES, type PoliceFileRecord, type PoliceIncidentRecord } from '../shared/world/records.ts';
import type { PoliceServices } from './context.ts';
import type { PoliceStep } from './incident/incident.enums.ts';
import { enqueueIncident } from './incident/incident.feed.ts';
import type { IncidentStepRow, NewIncident } from './incident/incident.store.ts';

/** A world incident record as an incident row; times in UTC so text order is time order. */
export function incidentFromRecord(r: PoliceIncidentRecord, tokenize: PersonTokenizer): NewIncident {
  const stages: [PoliceStep, string | null][] = [
    ['RECEIVE', r.receivedAt],
    ['DISPATCH', r.dispatchedAt],
    ['ARRIVE', r.arrivedAt],
    ['HANDLE', r.handledAt],
    ['REPORT_BACK', r.reportedBackAt],
    ['CLOSE', r.closedAt],
  ];
  // The world does not say who took each step: the steps are there, the actor is not.
  const steps: IncidentStepRow[] = stages.flatMap(([step, at]) => (at === null ? [] : [{ step, at: utc(at), actor: null, actorId: null }]));
  const dispatched = r.dispatchedAt !== null;
  return {
    caseCode: r.caseCode,
    incidentNumber: r.incidentNumber,
    channel: r.channel,
    category: r.incidentCategory,
    matterCategory: r.category,
    title: r.title,
    place: r.place,
    division: r.division,
    station: r.station,
    // An officer is named on an incident once sent (派警).
    officerName: dispatched ? r.officer.name : null,
    officerBadge: dispatched ? r.officer.badgeNumber : null,
    status: r.status,
    receivedAt: utc(r.receivedAt),
    dispatchedAt: utcOrNull(r.dispatchedAt),
    arrivedAt: utcOrNull(r.arrivedAt),
    handledAt: utcOrNull(r.handledAt),
    reportedBackAt: utcOrNull(r.reportedBackAt),
    closedAt: utcOrNull(r.closedAt),
    disposition: r.disposition,
    centerCaseCode: r.centerCaseCode,
    narrative: r.narrative,
    parties: r.parties.map((p) => ({
      role: p.role,
      kind: p.kind,
      name: p.name,
      idNumber: p.idNumber,
      personId: p.idNumber ? tokenize(p.idNumber) : null,
      phone: p.phone,
    })),
    steps,
    links: r.links.map((l) => ({ caseCode: l.caseCode, reason: l.reason })),
  };
}

/**
 * Imports police.ndjson on first start: each incident, its codes reserved so
 * they are never handed out again, and its first outbox event (version 1)
 * in the same transaction, so the registry learns of every imported
 * incident exactly as of a new one.
 */
export async function importPoliceWorld(db: Db, worldDir: string, services: PoliceServices): Promise<void> {
  const { incidents, allocator, incidentNumbers, tokenize, clock } = services;
  const now = clock.now();
  await importWorldFile<PoliceFileRecord>(
    db,
    join(worldDir, WORLD_FILES.POLICE),
    (batch) => {
      for (const r of batch) {
        if (r.t !== 'incident') continue; // the header, or a kind a later format adds
        if (incidents.load([r.caseCode])[0]) continue; // the store holds it already (made here before the world file came): keep that one
        allocator.reserve(r.caseCode);
        incidentNumbers.reserve(r.incidentNumber);
        incidents.insert(incidentFromRecord(r, tokenize));
        enqueueIncident(services, r.caseCode, now);
      }
    },
    now,
  );
}
