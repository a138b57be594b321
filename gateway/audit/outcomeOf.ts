import { ErrorCode } from '../errors.ts';
import { AccessOutcome } from './AuditRecord.ts';

/**
 * Codes that mean the gateway's rules refused the user (identity, purpose,
 * authorization, limits, registered operations), as opposed to the system
 * failing (an agency down, a crash) or the input being wrong.
 */
const DENIAL_CODES: ReadonlySet<string> = new Set([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.PURPOSE_REQUIRED,
  ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE,
  ErrorCode.FORBIDDEN,
  ErrorCode.MAX_DEPTH_EXCEEDED,
  ErrorCode.MAX_ALIASES_EXCEEDED,
  ErrorCode.MAX_ROOT_FIELDS_EXCEEDED,
  ErrorCode.MAX_TOKENS_EXCEEDED,
  ErrorCode.MAX_DIRECTIVES_EXCEEDED,
  ErrorCode.COST_LIMIT_EXCEEDED,
  ErrorCode.RATE_LIMITED,
  ErrorCode.OPERATION_NOT_REGISTERED,
]);

/**
 * The outcome an audit record states: DENIED or ERROR when no data left
 * (DENIED when a refusal code is among the errors), PARTIALLY_DENIED when
 * data left but authorization removed fields, ALLOWED otherwise (errors of
 * unavailable agencies included: what was served was allowed).
 */
export function outcomeOf(answer: { hasData: boolean; errorCodes: readonly string[]; removedFields: number }): AccessOutcome {
  if (!answer.hasData) return answer.errorCodes.some((c) => DENIAL_CODES.has(c)) ? AccessOutcome.DENIED : AccessOutcome.ERROR;
  if (answer.removedFields > 0 || answer.errorCodes.includes(ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE)) return AccessOutcome.PARTIALLY_DENIED;
  return AccessOutcome.ALLOWED;
}
