import { exportJWK, importJWK, importPKCS8, SignJWT, type CryptoKey, type JWK } from 'jose';
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

export interface ContextInput {
  readonly principal: Principal;
  readonly purpose: AccessPurpose | string | null | undefined;
  readonly requestId: string;
}

/** Signs one request's context: a compact JWS (EdDSA). */
export type ContextSigner = (input: ContextInput) => Promise<string>;

/**
 * A signer under the gateway's Ed25519 private key (JWK JSON or PKCS8 PEM
 * text, or a JWK object). Rejects when the key is not an Ed25519 private key,
 * so a misconfigured gateway does not start; in production also when it is
 * the development key.
 */
export async function createContextSigner(
  privateKey: string | JWK,
  options: { production?: boolean; now?: () => Date } = {},
): Promise<ContextSigner> {
  const key = await importPrivateKey(privateKey);
  const publicX = (await exportJWK(key)).x;
  if (options.production && publicX === DEV_CONTEXT_PRIVATE_JWK.x) {
    throw new Error('GATEWAY_CONTEXT_PRIVATE_KEY is the development key (it is in the repository): production needs its own.');
  }
  const now = options.now ?? (() => new Date());
  return async ({ principal, purpose, requestId }) => {
    const iat = Math.floor(now().getTime() / 1000);
    return new SignJWT({
      name: principal.name,
      agency: principal.agency,
      roles: principal.roles,
      scopes: principal.scopes,
      jurisdiction: principal.jurisdiction,
      purpose: typeof purpose === 'string' ? purpose : purposeToString(purpose ?? undefined),
      rid: requestId,
    })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setIssuer(CONTEXT_ISSUER)
      .setAudience(CONTEXT_AUDIENCE)
      .setSubject(principal.userId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + CONTEXT_LIFETIME_SECONDS)
      .sign(key);
  };
}

async function importPrivateKey(privateKey: string | JWK): Promise<CryptoKey> {
  let key: CryptoKey | Uint8Array;
  try {
    if (typeof privateKey !== 'string') key = await importJWK(privateKey, 'EdDSA', { extractable: true });
    else if (privateKey.trim().startsWith('{')) key = await importJWK(JSON.parse(privateKey) as JWK, 'EdDSA', { extractable: true });
    else key = await importPKCS8(privateKey.trim(), 'EdDSA', { extractable: true });
  } catch (error) {
    throw new Error(`GATEWAY_CONTEXT_PRIVATE_KEY is not a usable Ed25519 private key: ${(error as Error).message}`);
  }
  if (key instanceof Uint8Array || key.type !== 'private') {
    throw new Error('GATEWAY_CONTEXT_PRIVATE_KEY must be an Ed25519 PRIVATE key (subgraphs hold the public half).');
  }
  return key;
}
