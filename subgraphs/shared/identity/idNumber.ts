/**
 * Resident ID numbers (公民身份号码, GB 11643-1999): parsing, validation,
 * generation and masking.
 *
 * Layout of the 18 characters: 6-digit division code, 8-digit birth date
 * (YYYYMMDD), 3-digit sequence (the last of them odd for men, even for
 * women), and a check character (ISO 7064 MOD 11-2, "X" standing for 10).
 *
 * Decision on legacy 15-digit numbers (first-generation cards: 6-digit
 * division, yyMMdd birth date, 3-digit sequence, no check character): they
 * are REJECTED with reason LEGACY_15_DIGIT, not silently upgraded. The
 * person token (personToken.ts) is an HMAC of the 18-digit number, and one
 * person must never end up with two tokens because one agency stored the old
 * form and another the new one. Making every caller hold the 18-digit number
 * keeps one canonical input. {@link upgradeLegacyIdNumber} is exported so a
 * caller can show the user the 18-digit form of what they typed.
 *
 * Error messages never repeat the number or its birth date: they end up in
 * GraphQL errors and logs, where raw ID numbers must not appear (DESIGN.md,
 * "Person"). They name the part that failed and what was expected.
 */
import { localDate } from '../time/chinaTime.ts';
import { isPlausibleIdDivisionCode } from './divisions.ts';

export type IdNumberFailure =
  | 'LENGTH'
  | 'CHARACTERS'
  | 'DIVISION'
  | 'BIRTH_DATE'
  | 'CHECK_CHARACTER'
  | 'LEGACY_15_DIGIT';

export type Sex = 'MALE' | 'FEMALE';

/** A validated resident ID number and what it encodes. */
export interface IdNumber {
  /** Normalised: 18 characters, a final check "X" upper-case. */
  readonly number: string;
  /** The 6-digit division code of the place of registration at issue. */
  readonly divisionCode: string;
  /** YYYY-MM-DD. */
  readonly birthDate: string;
  /** 3 digits. */
  readonly sequence: string;
  /** From the 17th digit: odd is male, even is female. */
  readonly sex: Sex;
}

export type ParsedIdNumber =
  | { readonly ok: true; readonly value: IdNumber }
  | { readonly ok: false; readonly reason: IdNumberFailure; readonly message: string };

/** ISO 7064 MOD 11-2 weights for the first 17 digits (2^(17-i) mod 11). */
const WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character by (S mod 11): (12 − r) mod 11, with 10 written X. */
const CHECK_BY_REMAINDER = '10X98765432';
const SEVENTEEN_DIGITS = /^\d{17}$/;
const EARLIEST_BIRTH_DATE = '19000101';

/** The weighted sum's check character; `digits` must be 17 ASCII digits. */
function checkCharacterOf(digits: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (digits.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_BY_REMAINDER.charAt(sum % 11);
}

/**
 * The check character (0-9 or X) for the first 17 digits of an ID number.
 * Example: idCheckCharacter('42092319850316123') === '5'.
 */
export function idCheckCharacter(first17: string): string {
  if (!SEVENTEEN_DIGITS.test(first17)) {
    throw new TypeError('idCheckCharacter expects exactly 17 digits');
  }
  return checkCharacterOf(first17);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether 8 digits YYYYMMDD form a real calendar date. */
function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Today's date as YYYYMMDD in China Standard Time (UTC+8, no daylight
 * saving): birth dates on ID cards are local dates, so a baby born today in
 * the early morning in China must not count as "born in the future" because
 * the server clock is in UTC.
 */
function chinaDateOf(instant: Date): string {
  return localDate(instant).replaceAll('-', '');
}

function fail(reason: IdNumberFailure, message: string): ParsedIdNumber {
  return { ok: false, reason, message };
}

/**
 * Parses and validates an 18-digit resident ID number: length, characters,
 * division code (any real province prefix), birth date (a real calendar date
 * from 1900-01-01 up to `today` in China time) and check character, in that
 * order; the first failure is reported. Surrounding whitespace is ignored
 * and a lower-case final x is accepted and normalised to X.
 */
export function parseIdNumber(raw: string, today: Date = new Date()): ParsedIdNumber {
  const s = raw.trim();

  if (s.length === 15) {
    if (!/^\d{15}$/.test(s)) {
      return fail('CHARACTERS', 'a 15-character ID number must be all digits; expected an 18-digit ID number');
    }
    return fail(
      'LEGACY_15_DIGIT',
      '15-digit first-generation ID numbers are not accepted; use the 18-digit resident ID number printed on the current card',
    );
  }
  if (s.length !== 18) {
    return fail('LENGTH', `ID number has ${s.length} characters, expected 18`);
  }

  const first17 = s.slice(0, 17);
  if (!SEVENTEEN_DIGITS.test(first17)) {
    return fail(
      'CHARACTERS',
      /[xX]/.test(first17)
        ? 'only the last character of an ID number may be X; the first 17 must be digits'
        : 'the first 17 characters of an ID number must be digits 0-9',
    );
  }
  const given = s.charAt(17).toUpperCase();
  if (!/^[0-9X]$/.test(given)) {
    return fail('CHARACTERS', 'the last character of an ID number must be a digit 0-9 or X');
  }

  const divisionCode = s.slice(0, 6);
  if (!isPlausibleIdDivisionCode(divisionCode)) {
    return fail(
      'DIVISION',
      `division code (characters 1-6) starts with ${divisionCode.slice(0, 2)}, expected a real province code (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81-83)`,
    );
  }

  const birth = s.slice(6, 14);
  if (!isCalendarDate(birth)) {
    return fail('BIRTH_DATE', 'birth date (characters 7-14) is not a real calendar date, expected YYYYMMDD');
  }
  if (birth < EARLIEST_BIRTH_DATE) {
    return fail('BIRTH_DATE', 'birth date (characters 7-14) is before 1900-01-01, expected a date from 1900 on');
  }
  if (birth > chinaDateOf(today)) {
    return fail('BIRTH_DATE', 'birth date (characters 7-14) is in the future, expected a date no later than today');
  }

  const expected = checkCharacterOf(first17);
  if (given !== expected) {
    return fail('CHECK_CHARACTER', `check character is ${given}, expected ${expected}`);
  }

  return {
    ok: true,
    value: {
      number: first17 + expected,
      divisionCode,
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      sequence: s.slice(14, 17),
      sex: (s.charCodeAt(16) - 48) % 2 === 1 ? 'MALE' : 'FEMALE',
    },
  };
}

/** Whether `raw` is a valid 18-digit ID number (see {@link parseIdNumber}). */
export function isValidIdNumber(raw: string, today: Date = new Date()): boolean {
  return parseIdNumber(raw, today).ok;
}

/**
 * Converts a legacy 15-digit number to its 18-digit form: inserts the century
 * "19" before the yyMMdd birth date (15-digit numbers were assigned until
 * 1999 and only to people born in the 20th century) and appends the check
 * character. Throws when the input is not 15 digits or the result is not a
 * valid ID number (unknown province, impossible date).
 */
export function upgradeLegacyIdNumber(id15: string): string {
  const s = id15.trim();
  if (!/^\d{15}$/.test(s)) {
    throw new TypeError('upgradeLegacyIdNumber expects a 15-digit legacy ID number');
  }
  const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
  const upgraded = first17 + checkCharacterOf(first17);
  const parsed = parseIdNumber(upgraded);
  if (!parsed.ok) {
    throw new RangeError(`legacy ID number cannot be upgraded: ${parsed.message}`);
  }
  return upgraded;
}

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Builds a valid 18-digit ID number, for the synthetic-world generator
 * (called about a million times, so it avoids Date objects and regex-heavy
 * work beyond three cheap tests). `birthDate` is YYYY-MM-DD and must be a
 * real calendar date; `sequence` is 0-999 (its parity gives the sex: odd
 * male, even female). Throws RangeError on bad input rather than producing
 * a number that would fail validation later.
 */
export function makeIdNumber(divisionCode: string, birthDate: string, sequence: number): string {
  if (!isPlausibleIdDivisionCode(divisionCode)) {
    throw new RangeError('makeIdNumber: division code must be 6 digits with a real province prefix');
  }
  const m = DATE_SHAPE.exec(birthDate);
  if (m === null) {
    throw new RangeError('makeIdNumber: birth date must be YYYY-MM-DD');
  }
  const ymd = `${m[1]}${m[2]}${m[3]}`;
  if (!isCalendarDate(ymd)) {
    throw new RangeError('makeIdNumber: birth date is not a real calendar date');
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError('makeIdNumber: sequence must be an integer 0-999');
  }
  const seq = sequence < 10 ? `00${sequence}` : sequence < 100 ? `0${sequence}` : `${sequence}`;
  const first17 = divisionCode + ymd + seq;
  return first17 + checkCharacterOf(first17);
}

/**
 * Masks an ID number for display: first 6 and last 4 characters kept, the
 * rest starred (18 characters → `420923********1235`). Never throws: any
 * input gets masked, shorter strings keep at most their last 4 characters
 * and strings of 4 or fewer are fully starred.
 */
export function maskIdNumber(number: string): string {
  const s = number.trim();
  if (s.length > 10) return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
  if (s.length > 4) return '*'.repeat(s.length - 4) + s.slice(-4);
  return '*'.repeat(s.length);
}

/**
 * Masks a phone number for display. An 11-digit mainland mobile number
 * keeps its first 3 and last 4 digits (`138****5678`); any other number
 * keeps its last 4 characters and stars the rest. Strings of 4 or fewer
 * characters are fully starred, since keeping "the last 4" would reveal them
 * whole. Never throws.
 */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`;
  if (s.length > 4) return '*'.repeat(s.length - 4) + s.slice(-4);
  return '*'.repeat(s.length);
}
