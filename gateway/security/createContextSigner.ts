import { createPrivateKey, createPublicKey, sign as signBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { LruCache } from '../cache/LruCache.ts';
import { DEV_CONTEXT_PRIVATE_JWK } from './devContextKey.ts';
import { purposeToString } from './parseAccessPurpose.ts';
import type { AccessPurpose, Principal } from './Principal.ts';

/**
 * The signed user context (DESIGN.md "Jurisdiction and defence in depth"):
 * the header and claims subgraphs verify with
 * subgraphs/shared/security/createContextVerifier.ts. Repeated here because
 * the gateway imports no subgraph code; a unit test checks both sides agree.
 */
export const CONTEXT_HEADER = 'x-onewindow-context';
export const CONTEXT_ISSUER = 'onewindow-gateway';
export const CONTEXT_AUDIENCE = 'onewindow-subgraph';
/** Subgraphs refuse contexts older than 60 s: a captured header is of little use. */
export const CONTEXT_LIFETIME_SECONDS = 60;
/** A context is reused while at least this much of its life is left, then signed anew. */
export const CONTEXT_MIN_SECONDS_LEFT = 20;
/** Contexts kept for reuse (LRU by user and purpose); each is worth at most 40 s. */
export const CONTEXT_CACHE_ENTRIES = 10_000;

export interface ContextInput {
  readonly principal: Principal;
  readonly purpose: AccessPurpose | string | null | undefined;
}

/**
 * The signed context of a user and purpose: a compact JWS (EdDSA). The same
 * token while it has CONTEXT_MIN_SECONDS_LEFT or more of its life left.
 */
export type ContextSigner = (input: ContextInput) => string;

// base64url of {"alg":"EdDSA","typ":"JWT"}: the protected header never changes.
const PROTECTED_HEADER = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'JWT' })).toString('base64url');

interface Signed {
  readonly token: string;
  readonly iat: number;
  readonly exp: number;
}

/**
 * A signer under the gateway's Ed25519 private key (JWK JSON or PKCS8 PEM
 * text, or a JWK object). Rejects when the key is not an Ed25519 private key,
 * so a misconfigured gateway does not start; in production also when it is
 * the development key.
 *
 * The context carries who is asking and why (`sub`, `name`, `agency`,
 * `roles`, `scopes`, `jurisdiction`, `purpose`; `iss`, `aud`, `iat`, `exp` =
 * `iat` + 60 s) and nothing about the request (its id travels as
 * `x-request-id`), so one signature serves every request of that user and
 * purpose: it is reused while CONTEXT_MIN_SECONDS_LEFT or more of its life
 * are left (and never before its `iat`, should the clock go back), then
 * signed anew. Replaying a captured context within its life was possible
 * before reuse too; reuse does not lengthen that life (README "Security").
 * Signed with node:crypto (Ed25519, RFC 8037), the compact JWS built here;
 * subgraphs verify with jose.
 */
export async function createContextSigner(
  privateKey: string | JWK,
  options: { production?: boolean; now?: () => Date; cacheEntries?: number } = {},
): Promise<ContextSigner> {
  const key = importPrivateKey(privateKey);
  const publicX = (createPublicKey(key).export({ format: 'jwk' }) as JsonWebKey).x;
  if (options.production && publicX === DEV_CONTEXT_PRIVATE_JWK.x) {
    throw new Error('GATEWAY_CONTEXT_PRIVATE_KEY is the development key (it is in the repository): production needs its own.');
  }
  const now = options.now ?? (() => new Date());
  const reused = new LruCache<string, Signed>(options.cacheEntries ?? CONTEXT_CACHE_ENTRIES);
  return ({ principal, purpose }) => {
    const second = Math.floor(now().getTime() / 1000);
    // Every claim but the times, in the order they are signed: the reuse key is the claims themselves.
    const claims = `${principalClaims(principal)},"purpose":${JSON.stringify(typeof purpose === 'string' ? purpose : purposeToString(purpose ?? undefined))}}`;
    const cached = reused.get(claims);
    if (cached !== undefined && cached.iat <= second && cached.exp - second >= CONTEXT_MIN_SECONDS_LEFT) return cached.token;
    const exp = second + CONTEXT_LIFETIME_SECONDS;
    const payload = Buffer.from(`${claims.slice(0, -1)},"iat":${second},"exp":${exp}}`).toString('base64url');
    const input = `${PROTECTED_HEADER}.${payload}`;
    const token = `${input}.${signBytes(null, Buffer.from(input), key).toString('base64url')}`;
    reused.set(claims, { token, iat: second, exp });
    return token;
  };
}

// The principal's part of the claims as JSON text without its closing brace,
// kept for frozen principals (authenticate() hands the same frozen one back
// for a token it remembers); an unfrozen one is serialised every time.
const principalJson = new WeakMap<Principal, string>();

function principalClaims(principal: Principal): string {
  let json = principalJson.get(principal);
  if (json !== undefined) return json;
  json = JSON.stringify({
    iss: CONTEXT_ISSUER,
    aud: CONTEXT_AUDIENCE,
    sub: principal.userId,
    name: principal.name,
    agency: principal.agency,
    roles: principal.roles,
    scopes: principal.scopes,
    jurisdiction: principal.jurisdiction,
  }).slice(0, -1);
  if (Object.isFrozen(principal)) principalJson.set(principal, json);
  return json;
}

function importPrivateKey(privateKey: string | JWK): KeyObject {
  let key: KeyObject;
  try {
    if (typeof privateKey !== 'string') key = createPrivateKey({ key: privateKey as JsonWebKey, format: 'jwk' });
    else if (privateKey.trim().startsWith('{')) key = createPrivateKey({ key: JSON.parse(privateKey) as JsonWebKey, format: 'jwk' });
    else key = createPrivateKey(privateKey.trim());
  } catch (error) {
    throw new Error(`GATEWAY_CONTEXT_PRIVATE_KEY is not a usable Ed25519 private key (subgraphs hold the public half): ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`GATEWAY_CONTEXT_PRIVATE_KEY is not a usable Ed25519 private key: it is ${key.asymmetricKeyType ?? 'not an asymmetric key'}.`);
  }
  return key;
}
