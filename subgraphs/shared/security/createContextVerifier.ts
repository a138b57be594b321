import { type JWK, importJWK, jwtVerify } from 'jose';
import type { Clock } from '../clock.ts';
import { USER_CONTEXT_AUDIENCE, USER_CONTEXT_ISSUER, USER_CONTEXT_MAX_AGE_SECONDS, type UserContext } from './userContext.ts';

export type ContextVerifier = (token: string) => Promise<UserContext>;

const asStrings = (v: unknown): string[] => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : []);

/**
 * Verifies the gateway's signed user context: EdDSA signature under the
 * gateway's public key (subgraphs never hold the private key), issuer,
 * audience, and freshness. Throws on anything else; the caller answers 401.
 * Verified tokens are remembered until they expire: the gateway sends the
 * same token on every fetch of one request.
 */
export async function createContextVerifier(publicJwk: JWK, clock: Clock): Promise<ContextVerifier> {
  const key = await importJWK(publicJwk, 'EdDSA');
  const verified = new Map<string, { context: UserContext; expiresAt: number }>();

  return async (token) => {
    const now = clock.now();
    const cached = verified.get(token);
    if (cached && cached.expiresAt > now.getTime()) return cached.context;
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['EdDSA'],
      issuer: USER_CONTEXT_ISSUER,
      audience: USER_CONTEXT_AUDIENCE,
      maxTokenAge: USER_CONTEXT_MAX_AGE_SECONDS,
      currentDate: now,
      requiredClaims: ['sub', 'iat', 'exp'],
    });
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('context has no subject');
    const context: UserContext = {
      userId: payload.sub,
      name: typeof payload.name === 'string' ? payload.name : payload.sub,
      agency: typeof payload.agency === 'string' ? payload.agency : '',
      roles: asStrings(payload.roles),
      scopes: asStrings(payload.scopes),
      jurisdiction: asStrings(payload.jurisdiction),
      purpose: typeof payload.purpose === 'string' ? payload.purpose : null,
      requestId: typeof payload.rid === 'string' ? payload.rid : '',
    };
    if (verified.size > 10_000) verified.clear(); // bounded: tokens live a minute
    verified.set(token, { context, expiresAt: Math.min((payload.exp ?? 0) * 1000, (payload.iat ?? 0) * 1000 + USER_CONTEXT_MAX_AGE_SECONDS * 1000) });
    return context;
  };
}
