import { SignJWT } from 'jose';
import { DEV_JWT } from './devJwt.ts';

/** The claims of a user token (README "Security", Claims). */
export interface TokenSubject {
  readonly sub: string;
  readonly name?: string;
  readonly agency?: string;
  readonly roles?: readonly string[];
  readonly scopes?: readonly string[];
  readonly jurisdiction?: readonly string[];
}

export interface MintTokenOptions {
  /** HS256 shared secret (default: the development secret). */
  secret?: string;
  /** `iss`, `aud` (default: the development ones when the development secret is used, else none). */
  issuer?: string;
  audience?: string;
  /** Lifetime (default 8 hours: one shift). */
  expiresInSeconds?: number;
  now?: Date;
}

/**
 * Mints an HS256 user token: `npm run token` (demo users) and tests. The
 * scopes go in the OAuth `scope` claim (space-separated); the gateway also
 * accepts a `scopes` array.
 */
export async function mintToken(subject: TokenSubject, options: MintTokenOptions = {}): Promise<string> {
  const secret = options.secret ?? DEV_JWT.secret;
  const dev = options.secret === undefined;
  const issuer = options.issuer ?? (dev ? DEV_JWT.issuer : undefined);
  const audience = options.audience ?? (dev ? DEV_JWT.audience : undefined);
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const jwt = new SignJWT({
    ...(subject.name !== undefined ? { name: subject.name } : {}),
    ...(subject.agency !== undefined ? { agency: subject.agency } : {}),
    roles: [...(subject.roles ?? [])],
    scope: (subject.scopes ?? []).join(' '),
    jurisdiction: [...(subject.jurisdiction ?? [])],
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.expiresInSeconds ?? 8 * 3600));
  if (issuer !== undefined) jwt.setIssuer(issuer);
  if (audience !== undefined) jwt.setAudience(audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
