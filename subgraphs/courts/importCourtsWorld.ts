import { join } from 'node:path';
import type { PersonTokenizer } from '../shared/identity/personToken.ts';
import { utc, utcOrNull } from '../shared/time/utc.ts';
import { importWorldFile } from '../shared/world/importWorldFile.ts';
import { type CourtCaseRecord, type CourtsFileRecord, WORLD_FILES } from '../shared/world/records.ts';
import type { CourtsServices } from './context.ts';
import { insertCase } from './courtCase/courtCase.commands.ts';
import { filingDueAt, PROCEDURE_LIMITS } from './courtCase/courtCase.deadlines.ts';
import type { CourtLinkRow, CourtStepRow, NewCourtCase } from './courtCase/courtCase.store.ts';

/** Who the synthesized steps of an imported case are recorded as. */
export const IMPORT_ACTOR = 'world-import';

/** A world court case as stored here: times in UTC, parties tokenized, steps rebuilt from the record's times. */
export function courtCaseFromRecord(r: CourtCaseRecord, tokenize: PersonTokenizer): NewCourtCase {
  const steps: CourtStepRow[] = [{ step: 'RECEIVE', at: utc(r.receivedAt), actor: IMPORT_ACTOR, actorId: null, note: null }];
  if (r.filedAt) steps.push({ step: 'FILE', at: utc(r.filedAt), actor: IMPORT_ACTOR, actorId: null, note: r.caseNumber });
  for (const e of r.extensions) steps.push({ step: 'EXTEND_LIMIT', at: utc(e.approvedAt), actor: IMPORT_ACTOR, actorId: null, note: `+${e.days}: ${e.reason}` });
  if (r.status === 'NOT_FILED' && r.closedAt) steps.push({ step: 'REFUSE_FILING', at: utc(r.closedAt), actor: IMPORT_ACTOR, actorId: null, note: null });
  if (r.status === 'CLOSED' && r.closedAt) steps.push({ step: 'CLOSE', at: utc(r.closedAt), actor: IMPORT_ACTOR, actorId: null, note: r.outcome });
  steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  // Typed references are also links (records.ts), whether or not the file repeats them there.
  const links: CourtLinkRow[] = r.links.map((l) => ({ caseCode: l.caseCode, reason: l.reason }));
  const typed: [string | null, CourtLinkRow['reason']][] = [
    [r.origin, 'ORIGIN'],
    [r.appealOf, 'APPEAL_OF'],
    [r.appealedAs, 'APPEALED_AS'],
    [r.enforces, 'ENFORCES'],
    [r.confirms, 'CONFIRMS'],
  ];
  for (const [code, reason] of typed) {
    if (code && !links.some((l) => l.caseCode === code && l.reason === reason)) links.push({ caseCode: code, reason });
  }
  const approval = PROCEDURE_LIMITS[r.procedure].approvals[0] ?? 'COURT_PRESIDENT';
  return {
    caseCode: r.caseCode,
    caseNumber: r.caseNumber,
    courtCode: r.courtCode,
    courtName: r.court,
    // 鄂09 (two digits) is an intermediate court, 鄂0923 a basic one.
    courtLevel: r.courtCode.length <= 3 ? 'INTERMEDIATE' : 'BASIC',
    procedure: r.procedure,
    causeOfAction: r.causeOfAction,
    claimAmount: r.claimAmount,
    category: r.category,
    title: r.title,
    division: r.division,
    status: r.status,
    outcome: r.outcome,
    outcomeNote: null,
    refusalReason: null,
    judge: r.judge,
    receivedAt: utc(r.receivedAt),
    filingDueAt: filingDueAt(r.receivedAt).toISOString(),
    filedAt: utcOrNull(r.filedAt),
    dueAt: utcOrNull(r.dueAt),
    closedAt: utcOrNull(r.closedAt),
    origin: r.origin,
    appealOf: r.appealOf,
    appealedAs: r.appealedAs,
    enforces: r.enforces,
    confirms: r.confirms,
    agreementSignedAt: null,
    parties: r.parties.map((p) => ({
      role: p.role,
      kind: p.kind,
      name: p.name,
      idNumber: p.idNumber,
      personId: p.idNumber ? tokenize(p.idNumber) : null,
      phone: p.phone,
      creditCode: p.creditCode,
      firm: p.firm,
    })),
    hearings: r.hearings.map((h) => ({ at: utc(h.at), kind: h.kind, place: h.place, scheduledAt: null, actor: null })),
    extensions: r.extensions.map((e) => ({ approvedAt: utc(e.approvedAt), days: e.days, reason: e.reason, approval, actor: IMPORT_ACTOR })),
    steps,
    links,
  };
}

/**
 * Imports courts.ndjson on first start: each case with its first outbox
 * event (version 1) in the same transaction, its case code and case number
 * reserved so new ones never repeat them. Idempotent after a crash.
 */
export async function importCourtsWorld(worldDir: string, services: CourtsServices): Promise<void> {
  const { db, cases, tokenize, clock, allocator, caseNumbers } = services;
  const now = clock.now();
  await importWorldFile<CourtsFileRecord>(
    db,
    join(worldDir, WORLD_FILES.COURTS),
    (batch) => {
      for (const r of batch) {
        if (r.t !== 'courtCase') continue;
        if (cases.load([r.caseCode])[0]) continue; // the store holds it already (made here before the world file came): keep that one
        allocator.reserve(r.caseCode);
        if (r.caseNumber) caseNumbers.reserve(r.caseNumber);
        insertCase(services, courtCaseFromRecord(r, tokenize), now);
      }
    },
    now,
  );
}
