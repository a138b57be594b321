/**
 * Case codes, one per matter in every agency (一案一码):
 * `{6-digit division}-{agency code}-{yyyy}-{6-digit sequence}`, e.g.
 * `420923-XF-2025-000123`. The agency part makes a code routable: from the
 * code alone the gateway knows which subgraph owns the matter.
 *
 * Codes are compared as strings everywhere (keys, links, the registry), so
 * the parser accepts only the canonical spelling (upper-case agency code,
 * zero-padded sequence) apart from surrounding whitespace; it never
 * "repairs" a code into a different string.
 */
import { isPlausibleDivisionCode } from '../identity/divisions.ts';
import {
  AGENCY_CODES,
  agencyOfCode,
  isAgency,
  MATTER_TYPENAMES,
  type Agency,
  type AgencyCode,
  type MatterTypename,
} from './agency.ts';

export const CASE_CODE_MIN_YEAR = 2000;
export const CASE_CODE_MAX_YEAR = 2100;
export const CASE_CODE_MAX_SEQUENCE = 999_999;

/** What a case code is made of. */
export interface CaseCodeParts {
  /** 6-digit division code of the jurisdiction that opened the matter. */
  readonly division: string;
  readonly agency: Agency;
  readonly year: number;
  /** 1..999999. */
  readonly sequence: number;
}

export interface ParsedCaseCodeValue extends CaseCodeParts {
  readonly agencyCode: AgencyCode;
}

export type CaseCodeFailure = 'FORMAT' | 'DIVISION' | 'AGENCY' | 'YEAR' | 'SEQUENCE';

export type ParsedCaseCode =
  | { readonly ok: true; readonly value: ParsedCaseCodeValue }
  | { readonly ok: false; readonly reason: CaseCodeFailure; readonly message: string };

const EXPECTED_SHAPE = 'expected {6-digit division}-{agency code}-{yyyy}-{6-digit sequence}, e.g. 420923-XF-2025-000123';

function fail(reason: CaseCodeFailure, message: string): ParsedCaseCode {
  return { ok: false, reason, message };
}

/**
 * Parses a case code. Each of the four dash-separated parts is checked in
 * turn and the first bad one is reported: division (6 digits with a real
 * province prefix), agency (ZZ, XF, GA, FY or SF), year (2000-2100),
 * sequence (6 digits, 000001-999999). A code without exactly four parts is
 * a FORMAT failure.
 */
export function parseCaseCode(code: string): ParsedCaseCode {
  const parts = code.trim().split('-');
  if (parts.length !== 4) {
    return fail('FORMAT', `case code has ${parts.length} dash-separated parts, ${EXPECTED_SHAPE}`);
  }
  const [division = '', agencyCode = '', yearText = '', sequenceText = ''] = parts;

  if (!isPlausibleDivisionCode(division)) {
    return fail('DIVISION', `division part "${division}" is not a 6-digit division code with a real province prefix`);
  }
  const agency = agencyOfCode(agencyCode);
  if (agency === undefined) {
    return fail('AGENCY', `agency part "${agencyCode}" is not an agency code, expected one of ZZ, XF, GA, FY, SF`);
  }
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  if (!(year >= CASE_CODE_MIN_YEAR && year <= CASE_CODE_MAX_YEAR)) {
    return fail('YEAR', `year part "${yearText}" is not a 4-digit year from ${CASE_CODE_MIN_YEAR} to ${CASE_CODE_MAX_YEAR}`);
  }
  const sequence = /^\d{6}$/.test(sequenceText) ? Number(sequenceText) : Number.NaN;
  if (!(sequence >= 1)) {
    return fail('SEQUENCE', `sequence part "${sequenceText}" is not 6 digits from 000001 to 999999`);
  }
  return { ok: true, value: { division, agency, agencyCode: AGENCY_CODES[agency], year, sequence } };
}

/**
 * Writes a case code. Throws a RangeError when a part is out of range, so a
 * code that {@link parseCaseCode} would reject is never produced.
 */
export function formatCaseCode(parts: CaseCodeParts): string {
  const { division, agency, year, sequence } = parts;
  if (!isPlausibleDivisionCode(division)) {
    throw new RangeError('case code division must be 6 digits with a real province prefix');
  }
  if (!isAgency(agency)) {
    throw new RangeError('case code agency must be one of GRID, PETITIONS, POLICE, COURTS, LEGAL_AID');
  }
  if (!Number.isInteger(year) || year < CASE_CODE_MIN_YEAR || year > CASE_CODE_MAX_YEAR) {
    throw new RangeError(`case code year must be an integer from ${CASE_CODE_MIN_YEAR} to ${CASE_CODE_MAX_YEAR}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > CASE_CODE_MAX_SEQUENCE) {
    throw new RangeError(`case code sequence must be an integer from 1 to ${CASE_CODE_MAX_SEQUENCE}`);
  }
  return `${division}-${AGENCY_CODES[agency]}-${year}-${String(sequence).padStart(6, '0')}`;
}

// Every reference a subgraph returns asks for its code's type (a timeline of 20 matters and
// their links, dozens per request): codes seen recently are answered without parsing again.
const TYPENAMES_KEPT = 10_000;
const typenames = new Map<string, MatterTypename | undefined>();

/**
 * The GraphQL type (Matter implementation) that owns a case code, e.g.
 * `Petition` for `420923-XF-2025-000123`; undefined for an invalid code.
 * Used to build `{ __typename, caseCode }` references to other agencies'
 * matters.
 */
export function typenameOfCaseCode(code: string): MatterTypename | undefined {
  if (typenames.has(code)) return typenames.get(code);
  const parsed = parseCaseCode(code);
  const typename = parsed.ok ? MATTER_TYPENAMES[parsed.value.agency] : undefined;
  if (typenames.size >= TYPENAMES_KEPT) typenames.clear();
  typenames.set(code, typename);
  return typename;
}

