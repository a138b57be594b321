import { readFile } from 'node:fs/promises';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { LruCache } from '../cache/LruCache.ts';
import type { JwtConfig } from './parseSecurityConfig.ts';

/**
 * Verifies a compact JWT (signature, algorithm, exp/nbf, iss/aud) and returns
 * its claims (frozen: a remembered token's claims are shared by every request
 * that sends it); throws jose's errors.
 */
export type TokenVerifier = (token: string) => Promise<JWTPayload>;

/**
 * Asymmetric algorithms accepted from a key set. Never `none`, never HS256
 * under a key set (an attacker who knows a public key could otherwise sign
 * with it as an HMAC secret).
 */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'ES256', 'EdDSA', 'Ed25519'] as const;

export interface TokenVerifierOptions {
  /** Milliseconds since the epoch (tests move it); jose is given the same time. */
  now?: () => number;
  /** Verified tokens remembered (LRU); 0 verifies every time. */
  cacheEntries?: number;
}

/** Verified tokens remembered: a user sends the same token on every request of a shift. */
export const VERIFIED_TOKEN_CACHE_ENTRIES = 10_000;
/** Longer tokens are verified every time (bounds the cache's memory; real tokens are well under 2 KB). */
const MAX_CACHED_TOKEN_LENGTH = 4096;
/**
 * A token verified under a key fetched from a JWKS URL is reused for at most
 * this long: a key the identity provider rotated out (or revoked) stops
 * being accepted within a minute, as it would once jose refetched the set.
 */
export const REMOTE_KEY_REUSE_SECONDS = 60;

interface Verified {
  readonly payload: JWTPayload;
  /** Reusable while the current second is below this (jose's own `exp` rule: refused once `exp <= now - tolerance`). */
  readonly until: number;
}

/**
 * The verifier of user tokens from the configured key source: an HS256
 * shared secret, a JWKS file (read once at start), or a JWKS URL (jose's
 * remote key set: fetched on first use, cached, refetched on an unknown `kid`
 * at most every 30 s). Rejects at start when the secret or file is unusable,
 * so a misconfigured gateway does not start.
 *
 * A token that verified is remembered by its exact text (bounded LRU) and
 * accepted again without cryptography for as long as jose would accept it:
 * until `exp` plus the configured clock tolerance, exactly jose's rule, and
 * never longer; under a JWKS URL also at most REMOTE_KEY_REUSE_SECONDS after
 * it was verified. A changed byte is another text, so a tampered token is
 * always verified by jose; a refusal is never remembered.
 */
export async function createTokenVerifier(config: JwtConfig, options: TokenVerifierOptions = {}): Promise<TokenVerifier> {
  const claims = {
    ...(config.issuer ? { issuer: config.issuer } : {}),
    ...(config.audience ? { audience: config.audience } : {}),
    clockTolerance: config.clockToleranceSeconds,
    requiredClaims: ['sub', 'exp'],
  };
  const { keys } = config;
  let verify: (token: string, currentDate: Date) => Promise<JWTPayload>;
  switch (keys.kind) {
    case 'secret': {
      const secret = new TextEncoder().encode(keys.secret);
      verify = async (token, currentDate) => (await jwtVerify(token, secret, { ...claims, currentDate, algorithms: ['HS256'] })).payload;
      break;
    }
    case 'jwks-file': {
      let set: JSONWebKeySet;
      try {
        set = JSON.parse(await readFile(keys.path, 'utf8')) as JSONWebKeySet;
      } catch (error) {
        throw new Error(`GATEWAY_JWKS_FILE ${keys.path} is not a readable JSON key set: ${(error as Error).message}`);
      }
      if (!set || !Array.isArray(set.keys) || set.keys.length === 0) throw new Error(`GATEWAY_JWKS_FILE ${keys.path} has no "keys".`);
      if (set.keys.some((k) => 'd' in k || k.kty === 'oct')) {
        throw new Error(`GATEWAY_JWKS_FILE ${keys.path} holds private or symmetric keys: it must hold public keys only.`);
      }
      const keySet = createLocalJWKSet(set);
      verify = async (token, currentDate) => (await jwtVerify(token, keySet, { ...claims, currentDate, algorithms: [...ASYMMETRIC_ALGORITHMS] })).payload;
      break;
    }
    case 'jwks-url': {
      const keySet = createRemoteJWKSet(new URL(keys.url), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
      verify = async (token, currentDate) => (await jwtVerify(token, keySet, { ...claims, currentDate, algorithms: [...ASYMMETRIC_ALGORITHMS] })).payload;
      break;
    }
  }

  const now = options.now ?? Date.now;
  const tolerance = config.clockToleranceSeconds;
  const reuseCap = keys.kind === 'jwks-url' ? REMOTE_KEY_REUSE_SECONDS : Infinity;
  const verified = new LruCache<string, Verified>(options.cacheEntries ?? VERIFIED_TOKEN_CACHE_ENTRIES);
  return async (token) => {
    const ms = now();
    // jose's clock: whole seconds since the epoch.
    const second = Math.floor(ms / 1000);
    const cached = verified.get(token);
    if (cached !== undefined) {
      if (second < cached.until) return cached.payload;
      verified.delete(token);
    }
    const payload = frozen(await verify(token, new Date(ms)));
    // requiredClaims makes jose refuse a token without a numeric exp; checked again so nothing unbounded is remembered.
    if (typeof payload.exp === 'number' && Number.isFinite(payload.exp) && token.length <= MAX_CACHED_TOKEN_LENGTH) {
      verified.set(token, { payload, until: Math.min(payload.exp + tolerance, second + reuseCap) });
    }
    return payload;
  };
}

/** The claims, frozen one level down (arrays included): shared by every request that sends the token. */
function frozen(payload: JWTPayload): JWTPayload {
  for (const value of Object.values(payload)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(payload);
}
