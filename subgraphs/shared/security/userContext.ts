/**
 * The verified user behind a request, as the gateway forwards it to every
 * subgraph (DESIGN.md "Jurisdiction and defence in depth"; X-Road's model:
 * every message carries the end user and the case that triggered it).
 * Nothing about one request is in it (the gateway reuses a context for a
 * user and purpose): the request id comes as `x-request-id` (request.id).
 */
export interface UserContext {
  /** The user's id (JWT `sub`). */
  userId: string;
  name: string;
  /** The user's agency (GRID, PETITIONS, ...). */
  agency: string;
  roles: string[];
  scopes: string[];
  /**
   * Division codes the user may see (county 6 digits, town 9, or a city /
   * province code for supervisors); empty means nothing person-related.
   */
  jurisdiction: string[];
  /** Why the user is asking: a case code or a marked free-text reason. */
  purpose: string | null;
}

/** The header carrying the signed context (a compact JWS, EdDSA, short-lived). */
export const USER_CONTEXT_HEADER = 'x-onewindow-context';
export const USER_CONTEXT_ISSUER = 'onewindow-gateway';
export const USER_CONTEXT_AUDIENCE = 'onewindow-subgraph';
/** A context older than this is refused: a captured header is of little use. */
export const USER_CONTEXT_MAX_AGE_SECONDS = 60;
