import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportJWK, generateKeyPair, type JWK, importJWK, SignJWT } from 'jose';
import { DEV_CONTEXT_PUBLIC_JWK } from '../../subgraphs/shared/security/devContextPublicKey.ts';
import { USER_CONTEXT_AUDIENCE, USER_CONTEXT_HEADER, USER_CONTEXT_ISSUER, USER_CONTEXT_MAX_AGE_SECONDS } from '../../subgraphs/shared/security/userContext.ts';
import { repositoryRoot } from '../e2e/support/startProcess.ts';

/** The user a signed context speaks for (the claims subgraphs read; see createContextVerifier). */
export interface ContextClaims {
  sub: string;
  name: string;
  agency: string;
  roles: string[];
  scopes: string[];
  jurisdiction: string[];
  purpose: string | null;
}

export interface ContextSigner {
  readonly header: typeof USER_CONTEXT_HEADER;
  /** A fresh signed context; the same one for a while (subgraphs refuse one older than a minute). */
  token(): Promise<string>;
}

/** Where DESIGN.md and subgraphs/shared/security/devContextPublicKey.ts say the gateway's development key lives. */
const DEV_KEY_MODULE = join(repositoryRoot, 'gateway/security/devContextKey.ts');

const isDevPrivateJwk = (value: unknown): value is JWK => {
  const jwk = typeof value === 'string' && value.startsWith('{') ? (JSON.parse(value) as unknown) : value;
  return typeof jwk === 'object' && jwk !== null && 'd' in jwk && (jwk as JWK).crv === 'Ed25519' && (jwk as JWK).x === DEV_CONTEXT_PUBLIC_JWK.x;
};

/**
 * The gateway's development signing key (the private half of the key every
 * subgraph trusts outside production), when gateway/security has it:
 * whatever the export is called, the one whose public half is the dev key.
 */
export async function findDevContextKey(): Promise<JWK | undefined> {
  if (!existsSync(DEV_KEY_MODULE)) return undefined;
  const module = (await import(pathToFileURL(DEV_KEY_MODULE).href)) as Record<string, unknown>;
  const found = Object.values(module).find(isDevPrivateJwk);
  return typeof found === 'string' ? (JSON.parse(found) as JWK) : found;
}

/**
 * Signs the user context as the gateway does (EdDSA compact JWS, issuer and
 * audience of userContext.ts), for the requests the bench sends around our
 * gateway: straight to a subgraph (the ceiling) and from stock
 * @apollo/gateway, which knows nothing of it.
 */
export function createContextSigner(privateJwk: JWK, claims: ContextClaims): ContextSigner {
  const key = importJWK(privateJwk, 'EdDSA');
  let current: { token: string; until: number } | undefined;
  return {
    header: USER_CONTEXT_HEADER,
    async token() {
      const now = Math.floor(Date.now() / 1000);
      if (current && current.until > now) return current.token;
      const { sub, ...rest } = claims;
      // The claims our gateway signs (gateway/security/createContextSigner.ts): no request id, so the same context serves many requests.
      const token = await new SignJWT({ ...rest })
        .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
        .setSubject(sub)
        .setIssuer(USER_CONTEXT_ISSUER)
        .setAudience(USER_CONTEXT_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + USER_CONTEXT_MAX_AGE_SECONDS)
        .sign(await key);
      // Renewed at half its life: a load of a few seconds never sends a stale one.
      current = { token, until: now + Math.floor(USER_CONTEXT_MAX_AGE_SECONDS / 2) };
      return token;
    },
  };
}

/**
 * A signing key of the bench's own: production refuses the development key
 * (it is in the repository), so the bench gives its gateways this one and
 * its subgraphs the public half (ONEWINDOW_CONTEXT_PUBLIC_KEY).
 */
export async function generateContextKey(): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
}
