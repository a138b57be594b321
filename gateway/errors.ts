// The catalogue of every error code the gateway emits, to clients (in
// `errors[].extensions.code`) or to operators (in logs and metrics). Tests
// and clients match these codes, never messages. Subgraph errors that carry
// their own code pass through unchanged; this file lists only what the
// gateway itself says.
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  /**
   * A subgraph could not be reached or answered like a broken server:
   * connection refused or reset, HTTP 5xx, or its circuit breaker is open.
   * `extensions.reason` says which (see `SubgraphFailureReason`). Only that
   * subgraph's fields are missing; the rest of the answer is served.
   */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** A subgraph did not answer within its timeout (default 5 s). Its fields are missing. */
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  /**
   * A subgraph answered, but not with a GraphQL response the gateway can use:
   * a 4xx status, a body that is not JSON, or JSON without `data`/`errors`.
   */
  SUBGRAPH_BAD_RESPONSE: 'SUBGRAPH_BAD_RESPONSE',
  /** Anything unexpected; the message is generic outside development. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',

  // Security (issue 6; gateway/security/, README "Security").
  /**
   * HTTP 401, no data: the bearer token is missing, malformed, expired, not
   * yet valid, for another issuer or audience, or wrongly signed.
   * `extensions.reason` says which (see `AuthenticationFailure`); HTTP 503
   * with Retry-After when the key set cannot be fetched (KEYS_UNAVAILABLE).
   */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /**
   * HTTP 400, no data: the operation reads person data and states no purpose
   * (`x-access-purpose`: a case code or `reason:<text>`), or the header is
   * malformed (`extensions.reason`: MISSING or INVALID).
   */
  PURPOSE_REQUIRED: 'PURPOSE_REQUIRED',
  /**
   * A field (or type) the user may not see was removed from the operation
   * (Apollo Router semantics): it comes back null and this error names its
   * path; the rest is served. In reject mode (`GATEWAY_AUTHZ_MODE=reject`)
   * the whole operation is refused instead: HTTP 403, no data.
   */
  UNAUTHORIZED_FIELD_OR_TYPE: 'UNAUTHORIZED_FIELD_OR_TYPE',
  /**
   * Authorization could not be applied to this operation, so nothing was
   * executed: the supergraph was replaced while the request was being
   * prepared, or the operation reached execution without passing through
   * authorization (fail closed). Retrying usually succeeds.
   */
  AUTHORIZATION_UNAVAILABLE: 'AUTHORIZATION_UNAVAILABLE',

  // Limits and trusted documents (issue 6 item 7; gateway/limits/,
  // gateway/production/, README "Limits"). All refused before execution,
  // no data; `extensions.limit` and `extensions.actual` give the numbers.
  /** HTTP 400: fields nest deeper than the limit (default 6). */
  MAX_DEPTH_EXCEEDED: 'MAX_DEPTH_EXCEEDED',
  /** HTTP 400: more aliases than the limit (default 15), counted once per fragment spread. */
  MAX_ALIASES_EXCEEDED: 'MAX_ALIASES_EXCEEDED',
  /** HTTP 400: more top-level fields in one operation than the limit (default 10). */
  MAX_ROOT_FIELDS_EXCEEDED: 'MAX_ROOT_FIELDS_EXCEEDED',
  /** HTTP 400: more lexical tokens than the limit (default 1000), counted before parsing. */
  MAX_TOKENS_EXCEEDED: 'MAX_TOKENS_EXCEEDED',
  /** HTTP 400: more directives than the limit (default 50), counted once per fragment spread. */
  MAX_DIRECTIVES_EXCEEDED: 'MAX_DIRECTIVES_EXCEEDED',
  /**
   * HTTP 400: the estimated cost (`@cost` / `@listSize` demand control) is over
   * the budget (default 5000); `extensions.cost` is the estimate.
   */
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  /** HTTP 413: the request body is larger than the limit (default 2,000,000 bytes). */
  BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  /** HTTP 429 with Retry-After: the user (or, unauthenticated, the IP address) spent its request budget. */
  RATE_LIMITED: 'RATE_LIMITED',
  /**
   * HTTP 400: production runs only the operations of the trusted-documents
   * manifest (`npm run persist`); this one is not in it (unknown id or hash,
   * or a text that is not a registered body). `extensions.reason` says which.
   */
  OPERATION_NOT_REGISTERED: 'OPERATION_NOT_REGISTERED',

  // Audit (issue 6 item 6; gateway/audit/, its README).
  /**
   * HTTP 503 with Retry-After, no data: the operation reads person data and
   * its audit record could not be written (store unreachable, locked, full),
   * so the answer is withheld (fail closed).
   */
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
  /** HTTP 403: an authenticated user without the role a route needs (the audit listing: auditor or supervisor). */
  FORBIDDEN: 'FORBIDDEN',

  // Supergraph lifecycle (logs and the `reloads_total{result="refused"}`
  // metric, never a client response: a refused supergraph changes nothing).
  /** The supergraph file could not be read (missing, unreadable, empty). */
  SUPERGRAPH_UNREADABLE: 'SUPERGRAPH_UNREADABLE',
  /** The file is not a supergraph @apollo/gateway accepts (parse, join spec, validation, planner). */
  SUPERGRAPH_INVALID: 'SUPERGRAPH_INVALID',
  /** The supergraph is valid but a subgraph has no usable http(s) URL, even after overrides. */
  SUPERGRAPH_SUBGRAPH_URL_MISSING: 'SUPERGRAPH_SUBGRAPH_URL_MISSING',

  // Startup (the process refuses to start and exits non-zero).
  /** A configuration value (env or argv) is malformed. */
  CONFIG_INVALID: 'CONFIG_INVALID',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Codes a client can also see that come from the libraries the gateway runs,
 * listed so that the catalogue is complete. The gateway does not rename them.
 */
export const PassThroughErrorCode = {
  /** Apollo Server: the document does not parse. */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** Apollo Server: the document is not valid against the API schema. */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** Apollo Server: variables do not coerce, or a subgraph rejected an argument. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** Apollo Server: malformed HTTP request (no query, wrong method, CSRF prevention). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** Apollo Server: several operations and no (or an unknown) `operationName`. */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** Apollo Server: automatic persisted query hash unknown. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** @apollo/gateway: a subgraph returned an error without a code of its own. */
  DOWNSTREAM_SERVICE_ERROR: 'DOWNSTREAM_SERVICE_ERROR',
} as const;

/** Why a subgraph fetch failed: `extensions.reason` on SUBGRAPH_* errors. */
export const SubgraphFailureReason = {
  /** Connection refused, reset or closed before an answer (after any retry). */
  CONNECTION_FAILED: 'CONNECTION_FAILED',
  /** HTTP 5xx. */
  SERVER_ERROR: 'SERVER_ERROR',
  /** The circuit breaker is open: the gateway did not call the subgraph at all. */
  CIRCUIT_OPEN: 'CIRCUIT_OPEN',
  /** No answer within the timeout. */
  TIMEOUT: 'TIMEOUT',
  /** HTTP 4xx (for instance a refused signature). */
  REJECTED: 'REJECTED',
  /** Not a GraphQL JSON response. */
  MALFORMED: 'MALFORMED',
} as const;

export type SubgraphFailureReason = (typeof SubgraphFailureReason)[keyof typeof SubgraphFailureReason];

/** Why a token was refused: `extensions.reason` on UNAUTHENTICATED. */
export const AuthenticationFailure = {
  /** No `Authorization: Bearer <token>` header. */
  MISSING: 'MISSING',
  /** Not a bearer header, not a JWT, or claims of the wrong shape. */
  MALFORMED: 'MALFORMED',
  /** Past `exp` (or before `nbf`). */
  EXPIRED: 'EXPIRED',
  /** Bad signature, unknown key, or an algorithm the gateway does not accept (`none`, HS256 under a JWKS, ...). */
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  /** Wrong issuer or audience, or a required claim missing. */
  CLAIMS_REJECTED: 'CLAIMS_REJECTED',
  /** The key set could not be fetched (JWKS URL down): not the caller's fault, still no data. */
  KEYS_UNAVAILABLE: 'KEYS_UNAVAILABLE',
} as const;

export type AuthenticationFailure = (typeof AuthenticationFailure)[keyof typeof AuthenticationFailure];

/** Why a purpose was refused: `extensions.reason` on PURPOSE_REQUIRED. */
export const PurposeFailure = {
  /** The operation reads person data and has no `x-access-purpose`. */
  MISSING: 'MISSING',
  /** The header is neither a valid case code nor `reason:<text>` of 2 to 200 characters. */
  INVALID: 'INVALID',
} as const;

export type PurposeFailure = (typeof PurposeFailure)[keyof typeof PurposeFailure];

/** Why a request runs no registered operation: `extensions.reason` on OPERATION_NOT_REGISTERED. */
export const NotRegisteredReason = {
  /** `documentId`/`id` or `extensions.persistedQuery.sha256Hash` is not in the manifest. */
  UNKNOWN_ID: 'UNKNOWN_ID',
  /** (Production) the text sent is not a registered operation. */
  NOT_REGISTERED: 'NOT_REGISTERED',
  /** The request names a registered operation and also sends a different text. */
  ID_MISMATCH: 'ID_MISMATCH',
  /** (Production) the request names no operation at all. */
  NO_OPERATION: 'NO_OPERATION',
} as const;

export type NotRegisteredReason = (typeof NotRegisteredReason)[keyof typeof NotRegisteredReason];

export interface SubgraphFailure {
  code: typeof ErrorCode.SUBGRAPH_UNAVAILABLE | typeof ErrorCode.SUBGRAPH_TIMEOUT | typeof ErrorCode.SUBGRAPH_BAD_RESPONSE;
  reason: SubgraphFailureReason;
  subgraph: string;
  /** The agency behind the subgraph (schema/subgraphList.ts), or the subgraph name for a foreign supergraph. */
  agency: string;
  /** HTTP status, when there was an answer. */
  status?: number;
  /** True when the failed fetch was a mutation: it may or may not have been applied. */
  mutation?: boolean;
}

/**
 * The client-visible error for a failed subgraph fetch. The message names the
 * agency and never the subgraph's URL: internal addresses stay internal.
 */
export function subgraphError(failure: SubgraphFailure): GraphQLError {
  const what =
    failure.code === ErrorCode.SUBGRAPH_TIMEOUT
      ? 'did not answer in time'
      : failure.reason === SubgraphFailureReason.CIRCUIT_OPEN
        ? 'is unavailable (failing recently; calls paused)'
        : failure.code === ErrorCode.SUBGRAPH_BAD_RESPONSE
          ? 'gave an unusable answer'
          : 'is unavailable';
  const tail = failure.mutation
    ? 'The change may or may not have been applied; check before repeating it.'
    : 'Its fields are missing from this answer; the rest is complete.';
  return new GraphQLError(`The ${failure.agency} system (subgraph "${failure.subgraph}") ${what}. ${tail}`, {
    extensions: {
      code: failure.code,
      reason: failure.reason,
      agency: failure.agency,
      subgraph: failure.subgraph,
      ...(failure.status !== undefined ? { status: failure.status } : {}),
    },
  });
}

/** A supergraph that was refused, as a value (never thrown to a client). */
export interface SupergraphRefusal {
  code:
    | typeof ErrorCode.SUPERGRAPH_UNREADABLE
    | typeof ErrorCode.SUPERGRAPH_INVALID
    | typeof ErrorCode.SUPERGRAPH_SUBGRAPH_URL_MISSING;
  message: string;
}

/** A malformed setting; `main.ts` prints it and exits non-zero. */
export class ConfigError extends Error {
  readonly code = ErrorCode.CONFIG_INVALID;
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Whether an error is a crash (a bug or an unexpected failure) rather than a
 * GraphQL error made on purpose for the client (validation, coercion,
 * planning, a subgraph's answer). A GraphQLError is deliberate unless it only
 * wraps something that is not.
 */
export function isUnexpectedError(error: unknown): boolean {
  if (error instanceof GraphQLError) {
    return error.originalError !== undefined && error.originalError !== null && isUnexpectedError(error.originalError);
  }
  return true;
}
