import { countyOf } from '../../shared/identity/divisions.ts';
import { parseCaseCode } from '../../shared/codes/caseCode.ts';
import { checkTownDivision } from '../../shared/commands/arguments.ts';
import { checkIdempotencyKey, replayedCaseCode, requestHash } from '../../shared/commands/idempotency.ts';
import { checkCreateWithin, visibleOrNotFound } from '../../shared/commands/jurisdiction.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { parseIdNumber } from '../../shared/identity/idNumber.ts';
import type { Satisfaction } from '../../shared/schema/satisfaction.ts';
import { type Actor, recordedBy } from '../../shared/security/Actor.ts';
import { localYear } from '../../shared/time/chinaTime.ts';
import type { GridServices } from '../context.ts';
import type { DisputeIntakeInput } from './dispute.type.ts';
import type { DisputeStep } from './dispute.enums.ts';
import { disputeEvent, type DisputeRow, type NewDispute } from './dispute.store.ts';
import { higherTier, nextStatus } from './dispute.workflow.ts';
import { dueOnEscalation, dueOnIntake } from './dueDateRules.ts';

/** Tells the registry a ticket's current state (call inside the writing transaction). */
function indexTicket(services: GridServices, caseCode: string): void {
  const { disputes, registry } = services;
  const saved = disputes.load([caseCode])[0]!;
  const flags = disputes.events([caseCode])[0]!.some((e) => e.step === 'ESCALATE') ? ['ESCALATED'] : [];
  registry.ingest([disputeEvent(saved, disputes.parties([caseCode])[0]!, disputes.links(caseCode), flags)]);
}

/**
 * Takes in a dispute at the window. A retry with the same idempotency key
 * and the same request returns the ticket already made; the same key with a
 * different request is refused.
 */
export function intakeDispute(services: GridServices, actor: Actor, input: DisputeIntakeInput, idempotencyKey: string): string {
  checkIdempotencyKey(idempotencyKey);
  const hash = requestHash(input);
  const replayed = replayedCaseCode(services.disputes.byIdempotencyKey(idempotencyKey), idempotencyKey, hash, 'intake');
  if (replayed !== null) return replayed;
  checkTownDivision(input.division);
  checkCreateWithin(actor.jurisdiction, input.division);
  if (input.parties.length === 0) throw userError(ErrorCode.BAD_USER_INPUT, 'a dispute needs at least one party', { argumentName: 'parties' });
  if (!input.title.trim() || !input.description.trim()) throw userError(ErrorCode.BAD_USER_INPUT, 'title and description must not be empty');
  if (input.origin && !parseCaseCode(input.origin).ok) {
    throw userError(ErrorCode.BAD_USER_INPUT, `origin is not a case code: ${input.origin}`, { argumentName: 'origin' });
  }
  const now = services.clock.now();
  const parties = input.parties.map((p, i) => {
    if (!p.name.trim()) throw userError(ErrorCode.BAD_USER_INPUT, `parties[${i}]: name must not be empty`);
    if (!p.idNumber) return { role: p.role, name: p.name, idNumber: null, personId: null, phone: p.phone ?? null };
    const id = parseIdNumber(p.idNumber, now);
    if (!id.ok) throw userError(ErrorCode.BAD_USER_INPUT, `parties[${i}]: invalid ID number: ${id.message}`, { reason: id.reason });
    return { role: p.role, name: p.name, idNumber: id.value.number, personId: services.tokenize.ofValid(id.value), phone: p.phone ?? null };
  });
  const year = localYear(now);
  const ticket: Omit<NewDispute, 'caseCode'> = {
    channel: input.channel,
    category: input.category,
    title: input.title,
    description: input.description,
    tier: input.tier ?? 'VILLAGE',
    severity: input.severity,
    division: input.division,
    assignedUnit: null,
    status: 'REGISTERED',
    outcome: null,
    resolution: null,
    satisfaction: null,
    openedAt: now.toISOString(),
    dueAt: dueOnIntake(services.dueRules, input.severity, now).toISOString(),
    closedAt: null,
    parties,
    events: [{ step: 'INTAKE', at: now.toISOString(), ...recordedBy(actor), unit: null, note: null }],
    links: input.origin ? [{ caseCode: input.origin, reason: 'ORIGIN' }] : [],
    idempotencyKey,
    requestHash: hash,
  };
  let caseCode = '';
  services.db.transaction(() => {
    caseCode = services.allocator.next(countyOf(input.division)!, year);
    services.disputes.insert({ ...ticket, caseCode });
    indexTicket(services, caseCode);
  })();
  return caseCode;
}

/** The ticket the actor acts on: NOT_FOUND when it does not exist or lies outside their jurisdiction. */
function load(services: GridServices, actor: Actor, caseCode: string): DisputeRow {
  return visibleOrNotFound(services.disputes.load([caseCode])[0], actor.jurisdiction, `no dispute ticket ${caseCode}`);
}

export interface StepInput {
  caseCode: string;
  note?: string | null;
  unit?: string | null;
  satisfaction?: Satisfaction | null;
  target?: string | null;
}

/** Applies one step of the ticket cycle, refusing any the state does not allow. */
export function applyStep(services: GridServices, actor: Actor, step: DisputeStep, input: StepInput): void {
  const row = load(services, actor, input.caseCode);
  const status = nextStatus(step, row.status, row.caseCode);
  const now = services.clock.now();
  const at = now.toISOString();
  const next: DisputeRow = { ...row, status };
  switch (step) {
    case 'DISPATCH':
      if (!input.unit?.trim()) throw userError(ErrorCode.BAD_USER_INPUT, 'dispatch needs the receiving unit', { argumentName: 'unit' });
      next.assignedUnit = input.unit;
      break;
    case 'ESCALATE':
      next.tier = higherTier(row.tier, row.caseCode);
      next.assignedUnit = null;
      next.dueAt = new Date(Math.max(Date.parse(row.dueAt), dueOnEscalation(services.dueRules, next.tier, now).getTime())).toISOString();
      break;
    case 'RESOLVE':
      if (!input.note?.trim()) throw userError(ErrorCode.BAD_USER_INPUT, 'resolve needs the resolution (化解结果)', { argumentName: 'resolution' });
      next.outcome = 'RESOLVED';
      next.resolution = input.note;
      next.closedAt = at;
      break;
    case 'FAIL':
      next.outcome = 'UNRESOLVED';
      next.closedAt = at;
      break;
    case 'TRANSFER':
      if (input.target && !parseCaseCode(input.target).ok) {
        throw userError(ErrorCode.BAD_USER_INPUT, `target is not a case code: ${input.target}`, { argumentName: 'target' });
      }
      next.outcome = 'TRANSFERRED';
      next.closedAt = at;
      break;
    case 'EVALUATE':
      if (!input.satisfaction) throw userError(ErrorCode.BAD_USER_INPUT, 'evaluate needs the satisfaction of the return visit', { argumentName: 'satisfaction' });
      next.satisfaction = input.satisfaction;
      break;
    default:
      break;
  }
  services.db.transaction(() => {
    services.disputes.update(next, { step, at, ...recordedBy(actor), unit: step === 'DISPATCH' ? (input.unit ?? null) : null, note: input.note ?? null });
    if (step === 'TRANSFER' && input.target) services.disputes.link(row.caseCode, input.target, 'FOLLOW_UP');
    indexTicket(services, row.caseCode);
  })();
}
