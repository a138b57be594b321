import { parseCaseCode } from '../../shared/codes/caseCode.ts';
import { checkTownDivision, requireText } from '../../shared/commands/arguments.ts';
import { checkIdempotencyKey, replayedCaseCode, requestHash } from '../../shared/commands/idempotency.ts';
import { checkCreateWithin, visibleOrNotFound } from '../../shared/commands/jurisdiction.ts';
import { ErrorCode, userError } from '../../shared/errors.ts';
import { countyOf } from '../../shared/identity/divisions.ts';
import { parseIdNumber } from '../../shared/identity/idNumber.ts';
import type { PartyRole } from '../../shared/schema/enums.ts';
import { type Actor, recordedBy } from '../../shared/security/Actor.ts';
import { localYear } from '../../shared/time/chinaTime.ts';
import type { DisputeCategory } from '../../shared/world/records.ts';
import type { PoliceServices } from '../context.ts';
import type { PoliceCategory, PoliceDisposition, PoliceStep } from './incident.enums.ts';
import { enqueueIncident } from './incident.feed.ts';
import type { IncidentRow, NewIncident } from './incident.store.ts';
import type { PoliceIncidentInput, PoliceOfficerInput } from './incident.type.ts';
import { nextStatus } from './incident.workflow.ts';

/** The roles a 110 incident records (records.ts); AGENT for a representative. */
const POLICE_ROLES: ReadonlySet<PartyRole> = new Set<PartyRole>(['REPORTER', 'VICTIM', 'SUSPECT', 'WITNESS', 'THIRD_PARTY', 'AGENT']);

/**
 * The centre's category when the call taker gives none: the kinds of
 * incident that are a known kind of dispute (as the world generator files
 * them); everything else is OTHER.
 */
const MATTER_CATEGORY_OF: Partial<Record<PoliceCategory, DisputeCategory>> = {
  TRAFFIC_ACCIDENT: 'TRAFFIC',
  ASSAULT: 'INJURY_COMPENSATION',
  DOMESTIC_VIOLENCE: 'MARRIAGE_FAMILY',
  PUBLIC_ORDER: 'NEIGHBOUR',
};

/**
 * Receives an incident (接警): allocates its case code and the next incident
 * number of the day for the county, records who received it, and tells the
 * registry, all in one transaction. A retry with the same idempotency key
 * and the same request returns the incident already made; the same key with
 * a different request is refused.
 */
export function receiveIncident(services: PoliceServices, actor: Actor, input: PoliceIncidentInput, idempotencyKey: string): string {
  checkIdempotencyKey(idempotencyKey);
  const hash = requestHash(input);
  const now = services.clock.now();
  const year = localYear(now);
  // IMMEDIATE: the key is checked and the incident written under one write
  // lock, so two processes retrying the same receipt make one incident.
  const caseCode = services.db.transaction((): string => {
    const replayed = replayedCaseCode(services.incidents.byIdempotencyKey(idempotencyKey), idempotencyKey, hash, 'incident');
    if (replayed !== null) return replayed;
    const incident = newIncident(services, actor, input, now);
    const county = countyOf(incident.division)!; // a known town is inside a county
    const code = services.allocator.next(county, year);
    const incidentNumber = services.incidentNumbers.next(county, now);
    services.incidents.insert({ ...incident, caseCode: code, incidentNumber, idempotencyKey, requestHash: hash });
    enqueueIncident(services, code, now);
    return code;
  }).immediate();
  services.notifyFeed();
  return caseCode;
}

/** Checks a receipt and builds the incident it makes (no codes yet). */
function newIncident(services: PoliceServices, actor: Actor, input: PoliceIncidentInput, now: Date): Omit<NewIncident, 'caseCode' | 'incidentNumber'> {
  checkTownDivision(input.division);
  checkCreateWithin(actor.jurisdiction, input.division);
  if (input.parties.length === 0) throw userError(ErrorCode.BAD_USER_INPUT, 'an incident needs at least one party (the reporter)', { argumentName: 'parties' });
  const parties = input.parties.map((p, i) => {
    if (!POLICE_ROLES.has(p.role)) {
      throw userError(ErrorCode.BAD_USER_INPUT, `parties[${i}]: role ${p.role} is not a role in a police incident`, { argumentName: 'parties' });
    }
    const name = requireText(p.name, 'parties', `parties[${i}].name`);
    const base = { role: p.role, kind: 'PERSON' as const, name, phone: p.phone ?? null };
    if (!p.idNumber) return { ...base, idNumber: null, personId: null };
    const id = parseIdNumber(p.idNumber, now);
    if (!id.ok) throw userError(ErrorCode.BAD_USER_INPUT, `parties[${i}]: invalid ID number: ${id.message}`, { reason: id.reason, argumentName: 'parties' });
    return { ...base, idNumber: id.value.number, personId: services.tokenize.ofValid(id.value) };
  });
  const at = now.toISOString();
  return {
    channel: input.channel,
    category: input.category,
    matterCategory: input.matterCategory ?? MATTER_CATEGORY_OF[input.category] ?? 'OTHER',
    title: requireText(input.title, 'title'),
    place: requireText(input.place, 'place'),
    division: input.division,
    station: requireText(input.station, 'station'),
    officerName: null,
    officerBadge: null,
    status: 'RECEIVED',
    receivedAt: at,
    dispatchedAt: null,
    arrivedAt: null,
    handledAt: null,
    reportedBackAt: null,
    closedAt: null,
    disposition: null,
    centerCaseCode: null,
    narrative: requireText(input.narrative, 'narrative'),
    parties,
    steps: [{ step: 'RECEIVE', at, ...recordedBy(actor) }],
    links: [],
  };
}

/** The incident the actor acts on: NOT_FOUND when it does not exist or lies outside their jurisdiction. */
function load(services: PoliceServices, actor: Actor, caseCode: string): IncidentRow {
  const parsed = parseCaseCode(caseCode);
  if (!parsed.ok) throw userError(ErrorCode.BAD_USER_INPUT, `invalid case code: ${parsed.message}`, { argumentName: 'caseCode', reason: parsed.reason });
  return visibleOrNotFound(services.incidents.load([caseCode])[0], actor.jurisdiction, `no police incident ${caseCode}`);
}

/**
 * Takes one step of the incident: refuses it unless the status allows it,
 * lets `change` set the step's fields (validating its input), then writes
 * the incident, the step and the outbox event. All of it runs in one
 * IMMEDIATE transaction, so the status checked is the status changed even
 * with another process on the same file; a refusal writes nothing.
 */
function applyStep(services: PoliceServices, actor: Actor, step: PoliceStep, caseCode: string, change: (next: IncidentRow, at: string) => void): void {
  services.db
    .transaction(() => {
      const row = load(services, actor, caseCode);
      const status = nextStatus(step, row.status, row.caseCode);
      const now = services.clock.now();
      const at = now.toISOString();
      const next: IncidentRow = { ...row, status };
      change(next, at);
      services.incidents.update(next, { step, at, ...recordedBy(actor) });
      if (next.centerCaseCode && next.centerCaseCode !== row.centerCaseCode) services.incidents.link(row.caseCode, next.centerCaseCode, 'FOLLOW_UP');
      enqueueIncident(services, row.caseCode, now);
    })
    .immediate();
  services.notifyFeed();
}

/** Adds a labelled paragraph to the police-only narrative. */
function appendNarrative(narrative: string, label: string, note: string | null | undefined): string {
  return note?.trim() ? `${narrative}\n${label}：${note.trim()}` : narrative;
}

/** 派警: the officer sent, and the unit if it is not the one that received the call. */
export function dispatchIncident(services: PoliceServices, actor: Actor, caseCode: string, officer: PoliceOfficerInput, station?: string | null): void {
  applyStep(services, actor, 'DISPATCH', caseCode, (next, at) => {
    next.officerName = requireText(officer.name, 'officer', 'officer name');
    if (!/^\d{6}$/.test(officer.badgeNumber.trim())) {
      throw userError(ErrorCode.BAD_USER_INPUT, `badge number must be 6 digits, got ${officer.badgeNumber}`, { argumentName: 'officer' });
    }
    next.officerBadge = officer.badgeNumber.trim();
    if (station !== null && station !== undefined) next.station = requireText(station, 'station');
    next.dispatchedAt = at;
  });
}

/** 到场. */
export function arriveAtIncident(services: PoliceServices, actor: Actor, caseCode: string): void {
  applyStep(services, actor, 'ARRIVE', caseCode, (next, at) => {
    next.arrivedAt = at;
  });
}

/**
 * 处置: how the incident was dealt with. A dispute handed to the centre
 * names the centre's ticket (a ZZ case code), which becomes a FOLLOW_UP
 * link; no other disposition takes one.
 */
export function handleIncident(
  services: PoliceServices,
  actor: Actor,
  caseCode: string,
  disposition: PoliceDisposition,
  note: string,
  centerCaseCode?: string | null,
): void {
  applyStep(services, actor, 'HANDLE', caseCode, (next, at) => {
    const text = requireText(note, 'note', 'the handling note');
    if (disposition === 'TRANSFERRED_TO_CENTER') {
      if (!centerCaseCode) {
        throw userError(ErrorCode.BAD_USER_INPUT, 'a transfer to the centre needs the case code of the centre ticket', { argumentName: 'centerCaseCode' });
      }
      const parsed = parseCaseCode(centerCaseCode);
      if (!parsed.ok) {
        throw userError(ErrorCode.BAD_USER_INPUT, `centerCaseCode is not a case code: ${parsed.message}`, { argumentName: 'centerCaseCode', reason: parsed.reason });
      }
      if (parsed.value.agency !== 'GRID') {
        throw userError(ErrorCode.BAD_USER_INPUT, `centerCaseCode must be a centre ticket (ZZ), got a ${parsed.value.agencyCode} code`, {
          argumentName: 'centerCaseCode',
          reason: 'AGENCY',
        });
      }
      next.centerCaseCode = centerCaseCode.trim();
    } else if (centerCaseCode) {
      throw userError(ErrorCode.BAD_USER_INPUT, `only a transfer to the centre names a centre ticket, not ${disposition}`, { argumentName: 'centerCaseCode' });
    }
    next.disposition = disposition;
    next.narrative = appendNarrative(next.narrative, '处置情况', text);
    next.handledAt = at;
  });
}

/** 反馈: the result reported back to the caller and the command centre. */
export function reportBackIncident(services: PoliceServices, actor: Actor, caseCode: string, note?: string | null): void {
  applyStep(services, actor, 'REPORT_BACK', caseCode, (next, at) => {
    next.narrative = appendNarrative(next.narrative, '反馈情况', note);
    next.reportedBackAt = at;
  });
}

/** 结警: the incident ends here; the centre sees it RESOLVED or TRANSFERRED by its disposition. */
export function closeIncident(services: PoliceServices, actor: Actor, caseCode: string): void {
  applyStep(services, actor, 'CLOSE', caseCode, (next, at) => {
    next.closedAt = at;
  });
}
