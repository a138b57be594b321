import { GraphQLError } from 'graphql';

/**
 * Every error code a subgraph sends to clients, in one place. Tests match the
 * code, never the message.
 */
export const ErrorCode = {
  /** Malformed argument: an ID number, a case code, a date, a cursor. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The record named does not exist (or is outside the caller's jurisdiction). */
  NOT_FOUND: 'NOT_FOUND',
  /** A workflow step that the record's current state does not allow. */
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** A step the rules refuse: a deadline passed, an extension already used. */
  RULE_VIOLATION: 'RULE_VIOLATION',
  /** A petition on facts already closed (信访工作条例: not accepted again). */
  ALREADY_CLOSED_FACTS: 'ALREADY_CLOSED_FACTS',
  /** An idempotency key reused with a different request. */
  IDEMPOTENCY_CONFLICT: 'IDEMPOTENCY_CONFLICT',
  /** No valid signed user context: the caller is not the gateway. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The signed user lacks the right for this operation. */
  FORBIDDEN: 'FORBIDDEN',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error a client may see: message plus stable `extensions.code`. */
export function userError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}
