import { ErrorCode, userError } from '../../shared/errors.ts';
import { parseIdNumber } from '../../shared/identity/idNumber.ts';
import type { PersonTokenizer } from '../../shared/identity/personToken.ts';
import { visibleOrNotFound } from '../../shared/commands/jurisdiction.ts';
import type { Actor } from '../../shared/security/Actor.ts';
import type { CourtsServices } from '../context.ts';
import type { CourtProcedure } from './courtCase.enums.ts';
import type { CourtCaseRow, CourtPartyRow } from './courtCase.store.ts';
import type { CourtPartyInput } from './courtCase.type.ts';
import { PARTY_ROLES } from './courtCase.workflow.ts';

export function checkAmount(amount: number | null | undefined, argumentName = 'claimAmount'): number | null {
  if (amount === null || amount === undefined) return null;
  if (!Number.isFinite(amount) || amount < 0) throw userError(ErrorCode.BAD_USER_INPUT, `${argumentName} must be a non-negative amount in yuan`, { argumentName });
  return amount;
}

/** The case the actor acts on, or NOT_FOUND: when there is none, and when it lies outside their jurisdiction. */
export function requireCase(services: CourtsServices, actor: Actor, caseCode: string): CourtCaseRow {
  return visibleOrNotFound(services.cases.load([caseCode])[0], actor.jurisdiction, `no court case ${caseCode}`);
}

/**
 * Validates the parties for a procedure: roles the procedure knows, at least
 * one of each required role, valid ID numbers (tokenized here: the raw
 * number stays in this system), no ID number on an organization.
 */
export function checkParties(procedure: CourtProcedure, parties: readonly CourtPartyInput[], now: Date, tokenize: PersonTokenizer): CourtPartyRow[] {
  const roles = PARTY_ROLES[procedure];
  const rows = parties.map((p, i): CourtPartyRow => {
    const name = p.name.trim();
    if (!name) throw userError(ErrorCode.BAD_USER_INPUT, `parties[${i}]: name must not be empty`, { argumentName: 'parties' });
    if (!roles.allowed.includes(p.role)) {
      throw userError(ErrorCode.BAD_USER_INPUT, `parties[${i}]: a ${procedure} case has no ${p.role}; roles are ${roles.allowed.join(', ')}`, {
        argumentName: 'parties',
        role: p.role,
      });
    }
    const kind = p.kind ?? 'PERSON';
    const base = { role: p.role, kind, name, phone: p.phone ?? null, creditCode: p.creditCode ?? null, firm: p.firm ?? null };
    if (!p.idNumber) return { ...base, idNumber: null, personId: null };
    if (kind === 'ORGANIZATION') throw userError(ErrorCode.BAD_USER_INPUT, `parties[${i}]: an organization has a credit code, not an ID number`, { argumentName: 'parties' });
    const id = parseIdNumber(p.idNumber, now);
    if (!id.ok) throw userError(ErrorCode.BAD_USER_INPUT, `parties[${i}]: invalid ID number: ${id.message}`, { argumentName: 'parties', reason: id.reason });
    return { ...base, idNumber: id.value.number, personId: tokenize.ofValid(id.value) };
  });
  for (const role of roles.required) {
    if (!rows.some((p) => p.role === role)) {
      throw userError(ErrorCode.BAD_USER_INPUT, `a ${procedure} case needs at least one ${role}`, { argumentName: 'parties', role });
    }
  }
  return rows;
}
