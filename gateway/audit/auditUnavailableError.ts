import { ErrorCode } from '../errors.ts';

/**
 * The only error of an answer withheld because its audit record could not be
 * written (formatted: it replaces an answer already formatted for the client).
 */
export function auditUnavailableError(): { message: string; extensions: { code: string } } {
  return {
    message: 'The access could not be recorded in the audit log, so the answer is withheld. Try again shortly.',
    extensions: { code: ErrorCode.AUDIT_UNAVAILABLE },
  };
}
