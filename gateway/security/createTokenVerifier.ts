import { readFile } from 'node:fs/promises';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { JwtConfig } from './parseSecurityConfig.ts';

/** Verifies a compact JWT (signature, algorithm, exp/nbf, iss/aud) and returns its claims; throws jose's errors. */
export type TokenVerifier = (token: string) => Promise<JWTPayload>;

/**
 * Asymmetric algorithms accepted from a key set. Never `none`, never HS256
 * under a key set (an attacker who knows a public key could otherwise sign
 * with it as an HMAC secret).
 */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'ES256', 'EdDSA', 'Ed25519'] as const;

/**
 * The verifier of user tokens from the configured key source: an HS256
 * shared secret, a JWKS file (read once at start), or a JWKS URL (jose's
 * remote key set: fetched on first use, cached, refetched on an unknown `kid`
 * at most every 30 s). Rejects at start when the secret or file is unusable,
 * so a misconfigured gateway does not start.
 */
export async function createTokenVerifier(config: JwtConfig): Promise<TokenVerifier> {
  const claims = {
    ...(config.issuer ? { issuer: config.issuer } : {}),
    ...(config.audience ? { audience: config.audience } : {}),
    clockTolerance: config.clockToleranceSeconds,
    requiredClaims: ['sub', 'exp'],
  };
  const { keys } = config;
  switch (keys.kind) {
    case 'secret': {
      const secret = new TextEncoder().encode(keys.secret);
      return async (token) => (await jwtVerify(token, secret, { ...claims, algorithms: ['HS256'] })).payload;
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
      return async (token) => (await jwtVerify(token, keySet, { ...claims, algorithms: [...ASYMMETRIC_ALGORITHMS] })).payload;
    }
    case 'jwks-url': {
      const keySet = createRemoteJWKSet(new URL(keys.url), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
      return async (token) => (await jwtVerify(token, keySet, { ...claims, algorithms: [...ASYMMETRIC_ALGORITHMS] })).payload;
    }
  }
}
