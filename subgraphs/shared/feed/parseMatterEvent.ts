import { AGENCIES } from '../codes/agency.ts';
import { parseCaseCode } from '../codes/caseCode.ts';
import { PartyRole } from '../schema/enums.ts';
import { DISPUTE_CATEGORIES } from '../world/records.ts';
import type { MatterEvent } from './matterEvent.ts';

const STATUSES = new Set(['OPEN', 'IN_PROGRESS', 'RESOLVED', 'UNRESOLVED', 'TRANSFERRED', 'REFUSED']);
const CATEGORIES = new Set<string>(DISPUTE_CATEGORIES);
const ROLES = new Set<string>(Object.values(PartyRole));
const isString = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown) => isString(v) && !Number.isNaN(Date.parse(v));
const isOptionalTime = (v: unknown) => v === null || isTime(v);

/** Checks one event from the wire; returns it typed, or what is wrong with it. */
export function parseMatterEvent(value: unknown): { ok: true; event: MatterEvent } | { ok: false; reason: string } {
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'event must be an object' };
  const e = value as Record<string, unknown>;
  if (!isString(e.caseCode)) return { ok: false, reason: 'caseCode must be a string' };
  const code = parseCaseCode(e.caseCode);
  if (!code.ok) return { ok: false, reason: `caseCode ${e.caseCode}: ${code.message}` };
  if (!isString(e.agency) || !(AGENCIES as readonly string[]).includes(e.agency)) return { ok: false, reason: 'agency is not an Agency' };
  if (code.value.agency !== e.agency) return { ok: false, reason: `caseCode ${e.caseCode} does not belong to ${e.agency}` };
  if (!Number.isInteger(e.version) || (e.version as number) < 1) return { ok: false, reason: 'version must be a positive integer' };
  if (!isString(e.title) || !isString(e.category) || !isString(e.division)) return { ok: false, reason: 'title, category and division must be strings' };
  if (!isString(e.status) || !STATUSES.has(e.status)) return { ok: false, reason: 'status is not a MatterStatus' };
  if (!CATEGORIES.has(e.category)) return { ok: false, reason: 'category is not a MatterCategory' };
  if (!isTime(e.openedAt) || !isOptionalTime(e.closedAt) || !isOptionalTime(e.dueAt)) return { ok: false, reason: 'openedAt, closedAt and dueAt must be date-times (or null)' };
  if (!Array.isArray(e.parties) || !e.parties.every((p) => isString(p?.personId) && isString(p?.role) && ROLES.has(p.role))) {
    return { ok: false, reason: 'parties must be a list of { personId, role }' };
  }
  if (!Array.isArray(e.links) || !e.links.every((l) => isString(l?.caseCode) && parseCaseCode(l.caseCode).ok && isString(l?.reason))) {
    return { ok: false, reason: 'links must be a list of { caseCode, reason } with valid case codes' };
  }
  if (!Array.isArray(e.flags) || !e.flags.every(isString)) return { ok: false, reason: 'flags must be a list of strings' };
  return {
    ok: true,
    event: {
      caseCode: e.caseCode,
      agency: e.agency as MatterEvent['agency'],
      version: e.version as number,
      title: e.title,
      category: e.category as MatterEvent['category'],
      status: e.status as MatterEvent['status'],
      division: e.division,
      openedAt: e.openedAt as string,
      closedAt: (e.closedAt as string | null) ?? null,
      dueAt: (e.dueAt as string | null) ?? null,
      parties: (e.parties as { personId: string; role: MatterEvent['parties'][number]['role'] }[]).map((p) => ({ personId: p.personId, role: p.role })),
      links: (e.links as { caseCode: string; reason: string }[]).map((l) => ({ caseCode: l.caseCode, reason: l.reason })),
      flags: e.flags as string[],
    },
  };
}
