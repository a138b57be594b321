import { exportJWK, importJWK, importSPKI, jwtVerify, type CryptoKey, type JWK } from 'jose';
import { LruCache } from '../cache/LruCache.ts';
import type { Clock } from '../clock.ts';
import { DEV_CONTEXT_PUBLIC_JWK } from './devContextPublicKey.ts';
import { USER_CONTEXT_AUDIENCE, USER_CONTEXT_ISSUER, USER_CONTEXT_MAX_AGE_SECONDS, type UserContext } from './userContext.ts';

export interface ContextVerifier {
  (token: string): Promise<UserContext>;
  /** The context of a token verified before and still fresh, at once (no promise); undefined otherwise. */
  known(token: string): UserContext | undefined;
}

/** Verified contexts remembered (LRU): the gateway reuses one per user and purpose for 40 s. */
export const VERIFIED_CONTEXT_CACHE_ENTRIES = 10_000;

const asStrings = (v: unknown): string[] => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : []);

/**
 * Verifies the gateway's signed user context: EdDSA signature under the
 * gateway's public key (subgraphs never hold the private key), issuer,
 * audience, and freshness. Throws on anything else; the caller answers 401.
 * Verified tokens are remembered (bounded LRU) until they expire or pass the
 * maximum age, whichever comes first: the gateway sends the same token on
 * every fetch of a request, and on the requests of one user and purpose for
 * a while.
 *
 * The key is a JWK (object or JSON text) or SPKI PEM text. Rejects a key
 * that is not an Ed25519 public key, and in production the development key
 * (its private half is in the repository), so a misconfigured subgraph does
 * not start.
 */
export async function createContextVerifier(
  publicKey: JWK | string,
  clock: Clock,
  options: { production?: boolean; cacheEntries?: number } = {},
): Promise<ContextVerifier> {
  const key = await importPublicKey(publicKey);
  if (options.production && (await exportJWK(key)).x === DEV_CONTEXT_PUBLIC_JWK.x) {
    throw new Error('ONEWINDOW_CONTEXT_PUBLIC_KEY is the development key (its private half is in the repository): production needs the gateway\'s own.');
  }
  const cacheEntries = options.cacheEntries ?? VERIFIED_CONTEXT_CACHE_ENTRIES;
  const verified = new LruCache<string, { context: UserContext; expiresAt: number }>(cacheEntries);
  // The context of the last request, before the LRU: the gateway sends one per user and purpose
  // again and again, and a hit here skips the LRU's hashing of the whole token and its reordering.
  let last: { token: string; context: UserContext; expiresAt: number } | undefined;

  const known = (token: string): UserContext | undefined => {
    const now = clock.now().getTime();
    if (last !== undefined && last.token === token && last.expiresAt > now) return last.context;
    const cached = verified.get(token);
    if (!cached) return undefined;
    if (cached.expiresAt > now) {
      last = { token, ...cached };
      return cached.context;
    }
    verified.delete(token);
    return undefined;
  };

  const verify = async (token: string): Promise<UserContext> => {
    const remembered = known(token);
    if (remembered) return remembered;
    const now = clock.now();
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
    };
    const expiresAt = Math.min((payload.exp ?? 0) * 1000, (payload.iat ?? 0) * 1000 + USER_CONTEXT_MAX_AGE_SECONDS * 1000);
    verified.set(token, { context, expiresAt });
    if (cacheEntries > 0) last = { token, context, expiresAt };
    return context;
  };
  return Object.assign(verify, { known });
}

async function importPublicKey(publicKey: JWK | string): Promise<CryptoKey> {
  let key: CryptoKey | Uint8Array;
  try {
    if (typeof publicKey !== 'string') key = await importJWK(publicKey, 'EdDSA', { extractable: true });
    else if (publicKey.trim().startsWith('{')) key = await importJWK(JSON.parse(publicKey) as JWK, 'EdDSA', { extractable: true });
    else key = await importSPKI(publicKey.trim(), 'EdDSA', { extractable: true });
  } catch (error) {
    throw new Error(`ONEWINDOW_CONTEXT_PUBLIC_KEY is not a usable Ed25519 public key (JWK JSON or SPKI PEM): ${(error as Error).message}`);
  }
  // A private key here means the gateway's signing key was copied to a subgraph: refuse it.
  if (key instanceof Uint8Array || key.type !== 'public') {
    throw new Error('ONEWINDOW_CONTEXT_PUBLIC_KEY must be the gateway\'s Ed25519 PUBLIC key: a subgraph never holds the private half.');
  }
  return key;
}
