import { join } from 'node:path';
import type { Db } from '../shared/store/openDatabase.ts';
import { utc } from '../shared/time/utc.ts';
import { importWorldFile } from '../shared/world/importWorldFile.ts';
import { WORLD_FILES, type GridFileRecord, type DisputeRecord } from '../shared/world/records.ts';
import type { GridServices } from './context.ts';
import { disputeEvent, type NewDispute } from './dispute/dispute.store.ts';
import type { DisputeOutcome } from './dispute/dispute.workflow.ts';

const CLOSING_STEPS: Record<string, DisputeOutcome> = { RESOLVE: 'RESOLVED', FAIL: 'UNRESOLVED', TRANSFER: 'TRANSFERRED' };

/** A world dispute record as a ticket row; times in UTC so text order is time order. */
export function disputeFromRecord(r: DisputeRecord, tokenize: (idNumber: string) => string): NewDispute {
  let outcome: DisputeOutcome | null = null;
  let resolution: string | null = null;
  for (const e of r.events) {
    const closing = CLOSING_STEPS[e.step];
    if (closing) outcome = closing;
    if (e.step === 'RESOLVE') resolution = e.note;
  }
  return {
    caseCode: r.caseCode,
    channel: r.channel,
    category: r.category,
    title: r.title,
    description: r.description,
    tier: r.tier,
    severity: r.severity,
    division: r.division,
    assignedUnit: r.assignedUnit,
    status: r.status,
    outcome,
    resolution,
    satisfaction: r.satisfaction,
    openedAt: utc(r.openedAt),
    dueAt: utc(r.dueAt ?? r.openedAt),
    closedAt: r.closedAt && utc(r.closedAt),
    parties: r.parties.map((p) => ({
      role: p.role,
      name: p.name,
      idNumber: p.idNumber,
      personId: p.idNumber ? tokenize(p.idNumber) : null,
      phone: p.phone,
    })),
    events: r.events.map((e) => ({ step: e.step, at: utc(e.at), actor: e.by, actorId: null, unit: e.unit, note: e.note })),
    links: r.links.map((l) => ({ caseCode: l.caseCode, reason: l.reason })),
  };
}

/** Imports grid.ndjson on first start: cells, households, persons, tickets, centre links. */
export async function importGridWorld(db: Db, worldDir: string, services: GridServices): Promise<void> {
  const { persons, disputes, registry, tokenize, clock, allocator } = services;
  await importWorldFile<GridFileRecord>(
    db,
    join(worldDir, WORLD_FILES.GRID),
    (batch) => {
      for (const r of batch) {
        switch (r.t) {
          case 'cell':
            persons.insertCell({ code: r.code, name: r.name, division: r.division, workerName: r.workerName, workerPhone: r.workerPhone });
            break;
          case 'household':
            persons.insertHousehold({ id: r.id, cell: r.cell, address: r.address });
            break;
          case 'person':
            persons.insertPerson({
              id: tokenize(r.idNumber),
              idNumber: r.idNumber,
              name: r.name,
              gender: r.gender,
              birthDate: r.birthDate,
              phone: r.phone,
              address: r.address,
              division: r.division,
              cell: r.cell,
              household: r.household,
              tags: [...r.tags],
            });
            break;
          case 'dispute': {
            if (disputes.load([r.caseCode])[0]) break; // the store holds it already (made here before the world file came): keep that one
            allocator.reserve(r.caseCode);
            const ticket = disputeFromRecord(r, tokenize);
            disputes.insert(ticket);
            const flags = ticket.events.some((e) => e.step === 'ESCALATE') ? ['ESCALATED'] : [];
            registry.ingest([disputeEvent({ ...ticket, version: 1 }, ticket.parties, ticket.links, flags)]);
            break;
          }
          case 'link':
            registry.link(r.from, r.to, r.reason);
            break;
        }
      }
    },
    clock.now(),
    // The import looks persons up only by token (their primary key).
    { deferIndexes: ['person_name', 'person_phone_suffix', 'person_cell', 'person_division', 'person_household'] },
  );
}
