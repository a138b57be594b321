import { SignJWT } from 'jose';
import type { ContextClaims } from './contextSigner.ts';

/**
 * The Authorization token of the bench's demo user, HS256 under the secret
 * the bench gives its gateways (variants.ts), valid for the whole run.
 */
export async function demoToken(secret: string, user: ContextClaims, validSeconds = 12 * 3600): Promise<string> {
  const { sub, purpose: _purpose, scopes, ...claims } = user;
  const now = Math.floor(Date.now() / 1000);
  // Scopes in the OAuth `scope` claim, space-separated (gateway/security/mintToken.ts).
  return new SignJWT({ ...claims, scope: scopes.join(' ') })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt(now)
    .setExpirationTime(now + validSeconds)
    .sign(new TextEncoder().encode(secret));
}
