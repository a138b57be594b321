/**
 * Court case numbers (案号), e.g. `（2025）鄂0923民初123号`: year in brackets,
 * court code, case type code, sequence, 号 (最高人民法院《关于人民法院案件
 * 案号的若干规定》).
 *
 * Court codes: the province's court abbreviation alone for a higher court
 * (鄂), plus 2 digits for an intermediate court (鄂09, digits 3-4 of the
 * city's division code), plus 4 digits for a basic court (鄂0923, digits
 * 3-6 of the county's division code). The derivation from division codes
 * holds for ordinary courts of prefecture-level cities and counties; courts
 * of municipalities and special courts (railway, maritime) have assigned
 * numbers that this module parses but does not derive.
 *
 * Brackets: parsing accepts full-width （） and half-width () brackets,
 * because both occur in documents and in what users type. Formatting always
 * writes full-width （）, as courts print them on judgments and notices, so
 * a formatted number matches the paper the person holds. Compare case
 * numbers after parse + format, never as raw strings.
 */
import { PROVINCES } from '../identity/divisions.ts';

/** Case type codes handled by the single window, with their meaning. */
export const COURT_CASE_TYPES = {
  民初: { chinese: '民事一审', english: 'civil case, first instance' },
  民终: { chinese: '民事二审', english: 'civil case, second instance (appeal)' },
  民特: { chinese: '民事特别程序', english: 'civil special procedure (incl. judicial confirmation of a mediation agreement)' },
  民诉前调: { chinese: '民事诉前调解', english: 'court-referred pre-suit mediation' },
  执: { chinese: '执行实施', english: 'enforcement' },
} as const satisfies Record<string, { readonly chinese: string; readonly english: string }>;

export type CourtCaseTypeCode = keyof typeof COURT_CASE_TYPES;

export type CourtLevel = 'BASIC' | 'INTERMEDIATE';

export interface CourtCaseNumber {
  readonly year: number;
  /** Province court abbreviation plus 0, 2 or 4 digits, e.g. '鄂0923'. */
  readonly courtCode: string;
  readonly typeCode: CourtCaseTypeCode;
  /** 1 or more, written without leading zeros. */
  readonly sequence: number;
}

export type CourtCaseNumberFailure = 'FORMAT' | 'YEAR' | 'COURT' | 'TYPE' | 'SEQUENCE';

export type ParsedCourtCaseNumber =
  | { readonly ok: true; readonly value: CourtCaseNumber }
  | { readonly ok: false; readonly reason: CourtCaseNumberFailure; readonly message: string };

/** Unified case numbers started in 2016; older cases still surface, so allow some decades back. */
export const COURT_CASE_MIN_YEAR = 1950;
export const COURT_CASE_MAX_YEAR = 2100;
export const COURT_CASE_MAX_SEQUENCE = 9_999_999;

/** Court abbreviation → 2-digit province code, mainland provinces only. */
const PROVINCE_OF_COURT_ABBREVIATION: ReadonlyMap<string, string> = new Map(
  Object.entries(PROVINCES).flatMap(([code, info]) =>
    info.courtAbbreviation === undefined ? [] : [[info.courtAbbreviation, code] as const],
  ),
);

/**
 * The whole shape: bracketed year, a court part (one non-digit character
 * and its digits), a type part (non-digits), a sequence, 号. Each part is
 * then checked on its own so the failure names the part.
 */
const SHAPE = /^[(（]([^()（）]*)[)）](\D)(\d*)(\D+?)(\d+)号$/u;
const EXPECTED_SHAPE = 'expected (year)court code+type code+sequence+号, e.g. （2025）鄂0923民初123号';

function fail(reason: CourtCaseNumberFailure, message: string): ParsedCourtCaseNumber {
  return { ok: false, reason, message };
}

function isCourtCaseTypeCode(s: string): s is CourtCaseTypeCode {
  return Object.hasOwn(COURT_CASE_TYPES, s);
}

/** Parses a court case number; either bracket width is accepted. */
export function parseCourtCaseNumber(s: string): ParsedCourtCaseNumber {
  const m = SHAPE.exec(s.trim());
  if (m === null) return fail('FORMAT', `court case number is malformed, ${EXPECTED_SHAPE}`);
  const [, yearText = '', abbreviation = '', courtDigits = '', typeText = '', sequenceText = ''] = m;

  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  if (!(year >= COURT_CASE_MIN_YEAR && year <= COURT_CASE_MAX_YEAR)) {
    return fail('YEAR', `year "${yearText}" is not a 4-digit year from ${COURT_CASE_MIN_YEAR} to ${COURT_CASE_MAX_YEAR}`);
  }
  if (!PROVINCE_OF_COURT_ABBREVIATION.has(abbreviation)) {
    return fail('COURT', `court code starts with "${abbreviation}", expected a province court abbreviation such as 鄂`);
  }
  if (!(courtDigits.length === 0 || courtDigits.length === 2 || courtDigits.length === 4)) {
    return fail('COURT', `court code "${abbreviation}${courtDigits}" has ${courtDigits.length} digits, expected 0, 2 or 4`);
  }
  if (!isCourtCaseTypeCode(typeText)) {
    return fail('TYPE', `case type "${typeText}" is not one of ${Object.keys(COURT_CASE_TYPES).join(', ')}`);
  }
  const sequence = Number(sequenceText);
  if (sequenceText.startsWith('0') || sequence < 1 || sequence > COURT_CASE_MAX_SEQUENCE) {
    return fail('SEQUENCE', `sequence "${sequenceText}" must be a number from 1 to ${COURT_CASE_MAX_SEQUENCE} without leading zeros`);
  }
  return { ok: true, value: { year, courtCode: abbreviation + courtDigits, typeCode: typeText, sequence } };
}

/**
 * Writes a court case number with full-width brackets, as courts print it:
 * `（2025）鄂0923民初123号`. Throws a RangeError for values that
 * {@link parseCourtCaseNumber} would reject, so parse(format(x)) equals x.
 */
export function formatCourtCaseNumber(v: CourtCaseNumber): string {
  const text = `（${v.year}）${v.courtCode}${v.typeCode}${v.sequence}号`;
  const parsed = parseCourtCaseNumber(text);
  if (!parsed.ok) throw new RangeError(`cannot format court case number: ${parsed.message}`);
  if (!Number.isInteger(v.year) || !Number.isInteger(v.sequence)) {
    throw new RangeError('cannot format court case number: year and sequence must be integers');
  }
  return text;
}

/**
 * The court code of the basic (county-level) or intermediate (city-level)
 * people's court for a division: basic = court abbreviation + digits 3-6 of
 * the county code (420923 → 鄂0923), intermediate = abbreviation + digits
 * 3-4 (420923 or 420900 → 鄂09). Accepts 6-, 9- or 12-digit codes (a town
 * maps to its county's court). Throws a RangeError for codes without a
 * mainland province, a BASIC court for a city-level code (xxxx00) or an
 * INTERMEDIATE court for a province-level code (xx0000).
 */
export function courtCodeForDivision(divisionCode: string, level: CourtLevel): string {
  if (!/^(?:\d{6}|\d{9}|\d{12})$/.test(divisionCode)) {
    throw new RangeError('division code must be 6, 9 or 12 digits');
  }
  const abbreviation = PROVINCES[divisionCode.slice(0, 2)]?.courtAbbreviation;
  if (abbreviation === undefined) {
    throw new RangeError(`division code's province ${divisionCode.slice(0, 2)} has no court abbreviation`);
  }
  const city = divisionCode.slice(2, 4);
  const county = divisionCode.slice(4, 6);
  if (level === 'BASIC') {
    if (county === '00') throw new RangeError('a basic court needs a county-level division code (not ending in 00)');
    return abbreviation + city + county;
  }
  if (city === '00') throw new RangeError('an intermediate court needs a city-level division code (digits 3-4 not 00)');
  return abbreviation + city;
}
