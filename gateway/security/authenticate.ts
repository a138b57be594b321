import type { JWTPayload } from 'jose';
import { AuthenticationFailure } from '../errors.ts';
import type { TokenVerifier } from './createTokenVerifier.ts';
import type { Principal } from './Principal.ts';

/** A refused token: answered with HTTP 401 and UNAUTHENTICATED, `reason` in the extensions. */
export class AuthenticationError extends Error {
  constructor(
    readonly reason: AuthenticationFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

// Real tokens are well under 2 KB; Node's header limit is 16 KB.
const MAX_TOKEN_LENGTH = 8192;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const BEARER = /^Bearer +(\S+) *$/i;
const AGENCY = /^[A-Z_]{0,32}$/;
// eslint-disable-next-line no-control-regex
const DISPLAY_NAME = /^[^\u0000-\u001f\u007f]{1,64}$/u;
// No whitespace or control characters: it goes into logs, audit records and headers.
// eslint-disable-next-line no-control-regex
const NAME_LIKE = /^[^\s\u0000-\u001f\u007f]{1,128}$/u;
const ROLE_OR_SCOPE = /^[A-Za-z0-9_.:/-]{1,128}$/;
/** Province or city/county (6 digits), town (9), village (12). */
const DIVISION = /^\d{6}(?:\d{3}){0,2}$/;
const MAX_LIST = 64;

/**
 * The principal of each verified claims object: the token verifier hands the
 * same (frozen) claims back for a token it remembers, so a user's requests
 * share one principal instead of re-reading the claims every time.
 */
const principals = new WeakMap<JWTPayload, Principal>();

/**
 * Verifies `Authorization: Bearer <JWT>` and turns its claims into the
 * request's Principal. Claims: `sub` (required), `name`, `agency`, `roles`,
 * `scope` (space-separated, OAuth) and/or `scopes` (array), `jurisdiction`
 * (division codes), `exp` (required). Anything else about the token is the
 * verifier's business (signature, algorithm, issuer, audience, time).
 * Throws AuthenticationError; never anything else for bad input.
 */
export async function authenticate(authorization: string | string[] | undefined, verify: TokenVerifier): Promise<Principal> {
  if (authorization === undefined || authorization === '') {
    throw new AuthenticationError(AuthenticationFailure.MISSING, 'Authentication required: send Authorization: Bearer <token>.');
  }
  if (Array.isArray(authorization)) {
    throw new AuthenticationError(AuthenticationFailure.MALFORMED, 'Send exactly one Authorization header.');
  }
  const token = BEARER.exec(authorization)?.[1];
  if (token === undefined || token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) {
    throw new AuthenticationError(AuthenticationFailure.MALFORMED, 'The Authorization header is not "Bearer <JWT>".');
  }
  let payload: JWTPayload;
  try {
    payload = await verify(token);
  } catch (error) {
    throw refusal(error);
  }
  let principal = principals.get(payload);
  if (principal === undefined) {
    principal = principalFrom(payload);
    principals.set(payload, principal);
  }
  return principal;
}

/** jose's errors by their stable codes, never by class or message. */
function refusal(error: unknown): AuthenticationError {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return new AuthenticationError(AuthenticationFailure.EXPIRED, 'The token has expired.');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED': {
      const { claim, reason } = error as { claim?: string; reason?: string };
      if (reason === 'missing') return new AuthenticationError(AuthenticationFailure.CLAIMS_REJECTED, `The token has no "${claim}" claim.`);
      if (claim === 'nbf' && reason === 'check_failed') return new AuthenticationError(AuthenticationFailure.EXPIRED, 'The token is not valid yet.');
      if (reason === 'invalid') return new AuthenticationError(AuthenticationFailure.MALFORMED, `The token's "${claim}" claim is invalid.`);
      return new AuthenticationError(AuthenticationFailure.CLAIMS_REJECTED, `The token's "${claim ?? 'unknown'}" claim is not accepted here.`);
    }
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return new AuthenticationError(AuthenticationFailure.BAD_SIGNATURE, 'The token is not signed by a key or algorithm this gateway trusts.');
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return new AuthenticationError(AuthenticationFailure.KEYS_UNAVAILABLE, 'The keys that verify tokens are unavailable right now; try again.');
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JOSE_NOT_SUPPORTED':
    case 'ERR_JOSE_GENERIC':
      return new AuthenticationError(AuthenticationFailure.MALFORMED, 'The token is not a well-formed JWT.');
    default:
      // A failed JWKS fetch surfaces as the fetch's own error (no jose code).
      if (error instanceof TypeError || (error as { name?: string } | null)?.name === 'AbortError') {
        return new AuthenticationError(AuthenticationFailure.KEYS_UNAVAILABLE, 'The keys that verify tokens are unavailable right now; try again.');
      }
      return new AuthenticationError(AuthenticationFailure.MALFORMED, 'The token could not be verified.');
  }
}

function principalFrom(payload: JWTPayload): Principal {
  const sub = payload.sub;
  if (typeof sub !== 'string' || !NAME_LIKE.test(sub)) throw malformed('sub', 'a non-empty string without spaces');
  const name = payload.name === undefined ? sub : payload.name;
  if (typeof name !== 'string' || !DISPLAY_NAME.test(name)) throw malformed('name', 'a string of 1 to 64 printable characters');
  const agency = payload.agency === undefined ? '' : payload.agency;
  if (typeof agency !== 'string' || !AGENCY.test(agency)) throw malformed('agency', 'an agency code such as GRID or POLICE');
  const roles = list(payload.roles, 'roles', ROLE_OR_SCOPE);
  const scopes = [...new Set([...list(payload.scope, 'scope', ROLE_OR_SCOPE), ...list(payload.scopes, 'scopes', ROLE_OR_SCOPE)])];
  const jurisdiction = list(payload.jurisdiction, 'jurisdiction', DIVISION);
  if (typeof payload.exp !== 'number') throw malformed('exp', 'a number');
  // Frozen: one principal serves every request carrying the same token.
  Object.freeze(roles);
  Object.freeze(scopes);
  Object.freeze(jurisdiction);
  return Object.freeze({ userId: sub, name, agency, roles, scopes, jurisdiction, expiresAt: payload.exp });
}

/** A claim given as an array of strings or as one space-separated string. */
function list(value: unknown, claim: string, pattern: RegExp): string[] {
  if (value === undefined || value === null) return [];
  const items = typeof value === 'string' ? value.split(' ').filter((s) => s !== '') : value;
  if (!Array.isArray(items) || items.length > MAX_LIST || !items.every((s) => typeof s === 'string' && pattern.test(s))) {
    throw malformed(claim, `a list of at most ${MAX_LIST} well-formed strings`);
  }
  // A copy: the verifier's claims are frozen and shared.
  return [...(items as string[])];
}

function malformed(claim: string, expected: string): AuthenticationError {
  return new AuthenticationError(AuthenticationFailure.MALFORMED, `The token's "${claim}" claim must be ${expected}.`);
}
