import { join } from 'node:path';
import { DAY_MS } from '../shared/clock.ts';
import { enqueueMatterEvent } from '../shared/feed/outbox.ts';
import type { PersonTokenizer } from '../shared/identity/personToken.ts';
import type { Db } from '../shared/store/openDatabase.ts';
import { utc, utcOrNull } from '../shared/time/utc.ts';
import { importWorldFile } from '../shared/world/importWorldFile.ts';
import { WORLD_FILES, type LegalAidCaseRecord, type LegalAidFileRecord } from '../shared/world/records.ts';
import type { LegalAidServices } from './context.ts';
import { blankCase } from './legalAidCase/legalAidCase.commands.ts';
import { acceptanceDueAt, assignmentDueAt, LIMITS } from './legalAidCase/legalAidCase.deadlines.ts';
import type { LegalAidStep } from './legalAidCase/legalAidCase.enums.ts';
import { legalAidCaseEvent } from './legalAidCase/legalAidCase.event.ts';
import type { LegalAidCaseRow, LegalAidEventRow, NewLegalAidCase } from './legalAidCase/legalAidCase.store.ts';

/**
 * The world records no labour flag on a mediation; its deadline tells: 15
 * days (labour, art 14) against the usual 30. Without a deadline, the
 * category decides.
 */
function isLabourMediation(r: LegalAidCaseRecord): boolean {
  if (!r.dueAt) return r.category === 'LABOUR_WAGE';
  return Date.parse(r.dueAt) - Date.parse(r.appliedAt) <= (LIMITS.labourMediationDays + 1) * DAY_MS;
}

function rowFromRecord(r: LegalAidCaseRecord): LegalAidCaseRow {
  const row: LegalAidCaseRow = {
    ...blankCase(r.kind),
    caseCode: r.caseCode,
    status: r.status,
    summaryStatus: r.summaryStatus,
    title: r.title,
    category: r.category,
    division: r.division,
    organization: r.organization,
    appliedAt: utc(r.appliedAt),
    dueAt: utcOrNull(r.dueAt),
    closedAt: utcOrNull(r.closedAt),
    origin: r.origin,
  };
  const aid = r.legalAid;
  if (aid) {
    const decidedAt = utcOrNull(aid.decidedAt);
    Object.assign(row, {
      aidMatter: aid.matter,
      decisionDueAt: utc(aid.decisionDueAt),
      decidedAt,
      decision: aid.decision,
      refusalReason: aid.refusalReason,
      provisional: aid.provisional,
      meansTestWaived: aid.meansTestWaived,
      // The world holds no finances: income and household stay null; only a waiver is known.
      meansTestResult: aid.meansTestWaived ? 'WAIVED' : null,
      lawyerName: aid.lawyer?.name ?? null,
      lawyerFirm: aid.lawyer?.firm ?? null,
      lawyerLicence: aid.lawyer?.licenceNumber ?? null,
      assignmentDueAt: aid.decision === 'GRANTED' && decidedAt ? (r.status === 'GRANTED' && r.dueAt ? utc(r.dueAt) : assignmentDueAt(decidedAt)) : null,
      assignedAt: utcOrNull(aid.assignedAt),
    } satisfies Partial<LegalAidCaseRow>);
  }
  const m = r.mediation;
  if (m) {
    const labour = isLabourMediation(r);
    Object.assign(row, {
      committee: m.committee,
      mediator: m.mediator,
      labourMediation: labour,
      mediationDueAt: r.dueAt ? utc(r.dueAt) : utc(new Date(Date.parse(r.appliedAt) + (labour ? 15 : 30) * DAY_MS).toISOString()),
      mediationResult: m.result,
      failedAt: utcOrNull(m.failedAt),
      agreementSignedAt: utcOrNull(m.agreement?.signedAt),
      agreementTerms: m.agreement?.terms ?? null,
      agreementAmountYuan: m.agreement?.amountYuan ?? null,
      confirmationDeadline: utcOrNull(m.agreement?.confirmationDeadline),
      confirmedBy: m.confirmedBy,
    } satisfies Partial<LegalAidCaseRow>);
  }
  const a = r.arbitration;
  if (a) {
    Object.assign(row, {
      commission: a.commission,
      arbitrator: a.arbitrator,
      acceptanceDueAt: a.acceptedAt === null && r.dueAt ? utc(r.dueAt) : acceptanceDueAt(utc(r.appliedAt)),
      acceptedAt: utcOrNull(a.acceptedAt),
      awardDueAt: utcOrNull(a.awardDueAt),
      extensionDays: a.extensionDays,
      awardAt: utcOrNull(a.award?.at),
      awardText: a.award?.text ?? null,
      awardAmountYuan: a.award?.amountYuan ?? null,
      withdrawnAt: utcOrNull(a.withdrawnAt),
    } satisfies Partial<LegalAidCaseRow>);
  }
  const c = r.consultation;
  if (c) Object.assign(row, { question: c.question, answer: c.answer, answeredAt: c.answer ? utcOrNull(r.closedAt) : null } satisfies Partial<LegalAidCaseRow>);
  return row;
}

/**
 * The steps a record implies, in time order. The world does not say who
 * took them, so the handling organization stands as the actor.
 */
function stepsFromRow(row: LegalAidCaseRow): LegalAidEventRow[] {
  const steps: LegalAidEventRow[] = [];
  const add = (step: LegalAidStep, at: string | null, note: string | null = null) => {
    if (at) steps.push({ step, at, actor: row.organization, actorId: null, note });
  };
  add('APPLY', row.appliedAt);
  add(row.decision === 'REFUSED' ? 'REFUSE' : 'GRANT', row.decidedAt, row.refusalReason);
  add('ASSIGN_LAWYER', row.assignedAt, row.lawyerName && `${row.lawyerName}（${row.lawyerFirm}）`);
  if (row.kind === 'LEGAL_AID' && row.status === 'CLOSED') add('CONCLUDE', row.closedAt);
  add('SIGN_AGREEMENT', row.agreementSignedAt, row.agreementTerms);
  add('FAIL_MEDIATION', row.failedAt);
  add('ACCEPT', row.acceptedAt, row.arbitrator);
  add('AWARD', row.awardAt, row.awardText);
  add('WITHDRAW', row.withdrawnAt);
  add('ANSWER', row.answeredAt);
  return steps.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
}

/** A world record as the store's new case: row, parties with tokens, links and implied steps. */
export function caseFromRecord(r: LegalAidCaseRecord, tokenize: PersonTokenizer): NewLegalAidCase {
  const row = rowFromRecord(r);
  return {
    ...row,
    parties: r.parties.map((p) => ({ ...p, personId: p.idNumber ? tokenize(p.idNumber) : null })),
    links: r.links.map((l) => ({ caseCode: l.caseCode, reason: l.reason })),
    events: stepsFromRow(row),
  };
}

/**
 * Imports legalaid.ndjson on first start: each case, its first outbox event
 * (version 1) in the same transaction, and its code reserved so new cases
 * never reuse it.
 */
export async function importLegalAidWorld(db: Db, worldDir: string, services: LegalAidServices): Promise<void> {
  const { cases, tokenize, allocator, clock } = services;
  const now = clock.now();
  await importWorldFile<LegalAidFileRecord>(
    db,
    join(worldDir, WORLD_FILES.LEGAL_AID),
    (batch) => {
      for (const r of batch) {
        if (r.t !== 'legalAidCase') continue; // headers and kinds added later
        if (cases.load([r.caseCode])[0]) continue; // the store holds it already (made here before the world file came): keep that one
        allocator.reserve(r.caseCode);
        const c = caseFromRecord(r, tokenize);
        cases.insert(c);
        enqueueMatterEvent(db, legalAidCaseEvent(c, c.parties, c.links, tokenize), now);
      }
    },
    now,
  );
}
