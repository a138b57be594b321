import { parseCaseCode } from '../codes/caseCode.ts';
import { ErrorCode, userError } from '../errors.ts';
import { isKnownDivision } from '../identity/divisions.ts';

// Checks of mutation arguments every agency makes the same way; each fails
// with BAD_USER_INPUT naming the argument.

/** Trimmed text that must not be empty; `what` names it in the message (default: the argument). */
export function requireText(value: string | null | undefined, argumentName: string, what = argumentName): string {
  const text = value?.trim();
  if (!text) throw userError(ErrorCode.BAD_USER_INPUT, `${what} must not be empty`, { argumentName });
  return text;
}

/** A matter's place: a real town (9 digits), whose county the case code is allocated in. */
export function checkTownDivision(division: string): void {
  if (!/^\d{9}$/.test(division) || !isKnownDivision(division)) {
    throw userError(ErrorCode.BAD_USER_INPUT, `division must be a known 9-digit town code, got ${division}`, { argumentName: 'division' });
  }
}

/** An optional reference to any agency's matter: a valid case code (trimmed), or null when none is given. */
export function optionalCaseCode(value: string | null | undefined, argumentName: string): string | null {
  if (!value) return null;
  const parsed = parseCaseCode(value);
  if (!parsed.ok) throw userError(ErrorCode.BAD_USER_INPUT, `${argumentName} is not a case code: ${parsed.message}`, { argumentName, reason: parsed.reason });
  return value.trim();
}
