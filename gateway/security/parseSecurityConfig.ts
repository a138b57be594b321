import { ConfigError } from '../errors.ts';
import { DEV_CONTEXT_PRIVATE_JWK } from './devContextKey.ts';
import { DEV_JWT } from './devJwt.ts';

/** Where the keys that verify user tokens come from (exactly one). */
export type JwtKeySource =
  | { kind: 'secret'; secret: string }
  | { kind: 'jwks-file'; path: string }
  | { kind: 'jwks-url'; url: string };

export interface JwtConfig {
  keys: JwtKeySource;
  /** Required `iss` / `aud` when set. */
  issuer?: string;
  audience?: string;
  /** Leeway for `exp` / `nbf` between clocks. */
  clockToleranceSeconds: number;
}

/** `filter`: remove what the user may not see and serve the rest (Apollo Router's default); `reject`: refuse the whole operation. */
export type AuthorizationMode = 'filter' | 'reject';

export interface SecurityConfig {
  /**
   * Authentication, authorization, purpose and the signed context. Off only
   * with GATEWAY_AUTH=off outside production (serving a foreign supergraph):
   * then the authorization directives are served unenforced, as before.
   */
  enabled: boolean;
  jwt: JwtConfig;
  authorizationMode: AuthorizationMode;
  /** The context signing key: JWK JSON or PKCS8 PEM text of an Ed25519 private key. */
  contextPrivateKey: string;
  /** The development JWT secret or context key is in use (never in production). */
  developmentKeys: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

const MIN_SECRET_LENGTH = 32;

/**
 * The security settings (README "Security"): GATEWAY_AUTH, GATEWAY_JWT_SECRET
 * | GATEWAY_JWKS_FILE | GATEWAY_JWKS_URL, GATEWAY_JWT_ISSUER,
 * GATEWAY_JWT_AUDIENCE, GATEWAY_JWT_CLOCK_TOLERANCE_S, GATEWAY_AUTHZ_MODE,
 * GATEWAY_CONTEXT_PRIVATE_KEY. Outside production, missing keys fall back to
 * the development ones; production refuses to start without its own.
 */
export function parseSecurityConfig(production: boolean, env: Env): SecurityConfig {
  const enabled = parseSwitch(env.GATEWAY_AUTH);
  if (!enabled && production) {
    throw new ConfigError('GATEWAY_AUTH=off is refused in production: every request must carry a verified token.');
  }
  const sources = [
    env.GATEWAY_JWT_SECRET ? 'GATEWAY_JWT_SECRET' : undefined,
    env.GATEWAY_JWKS_FILE ? 'GATEWAY_JWKS_FILE' : undefined,
    env.GATEWAY_JWKS_URL ? 'GATEWAY_JWKS_URL' : undefined,
  ].filter((s) => s !== undefined);
  if (sources.length > 1) throw new ConfigError(`Set only one of ${sources.join(', ')}: the gateway verifies tokens against one key source.`);

  let keys: JwtKeySource;
  let developmentKeys = false;
  if (env.GATEWAY_JWT_SECRET) {
    if (production && env.GATEWAY_JWT_SECRET === DEV_JWT.secret) {
      throw new ConfigError('GATEWAY_JWT_SECRET is the development secret (it is in the repository): production needs its own.');
    }
    if (env.GATEWAY_JWT_SECRET.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(`GATEWAY_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters (HS256 needs a 256-bit secret).`);
    }
    keys = { kind: 'secret', secret: env.GATEWAY_JWT_SECRET };
  } else if (env.GATEWAY_JWKS_FILE) {
    keys = { kind: 'jwks-file', path: env.GATEWAY_JWKS_FILE };
  } else if (env.GATEWAY_JWKS_URL) {
    keys = { kind: 'jwks-url', url: jwksUrl(env.GATEWAY_JWKS_URL, production) };
  } else if (production) {
    throw new ConfigError(
      'Production needs the keys that verify user tokens: set GATEWAY_JWT_SECRET (HS256), GATEWAY_JWKS_FILE or GATEWAY_JWKS_URL (RS256, ES256, EdDSA).',
    );
  } else {
    keys = { kind: 'secret', secret: DEV_JWT.secret };
    developmentKeys = true;
  }

  const usesDevSecret = keys.kind === 'secret' && keys.secret === DEV_JWT.secret;
  const issuer = env.GATEWAY_JWT_ISSUER || (usesDevSecret ? DEV_JWT.issuer : undefined);
  const audience = env.GATEWAY_JWT_AUDIENCE || (usesDevSecret ? DEV_JWT.audience : undefined);

  let contextPrivateKey = env.GATEWAY_CONTEXT_PRIVATE_KEY;
  if (contextPrivateKey) {
    checkContextKey(contextPrivateKey, production);
  } else if (production && enabled) {
    throw new ConfigError(
      'Production needs GATEWAY_CONTEXT_PRIVATE_KEY (an Ed25519 private key, JWK JSON or PKCS8 PEM) to sign the user context it forwards to subgraphs.',
    );
  } else {
    contextPrivateKey = JSON.stringify(DEV_CONTEXT_PRIVATE_JWK);
    developmentKeys = true;
  }

  return {
    enabled,
    jwt: {
      keys,
      ...(issuer ? { issuer } : {}),
      ...(audience ? { audience } : {}),
      clockToleranceSeconds: wholeNumber('GATEWAY_JWT_CLOCK_TOLERANCE_S', env.GATEWAY_JWT_CLOCK_TOLERANCE_S, 10, 0, 300),
    },
    authorizationMode: authorizationMode(env.GATEWAY_AUTHZ_MODE),
    contextPrivateKey,
    developmentKeys,
  };
}

function parseSwitch(value: string | undefined): boolean {
  if (value === undefined || value === '') return true;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`GATEWAY_AUTH must be on or off, not "${value}".`);
}

function authorizationMode(value: string | undefined): AuthorizationMode {
  if (value === undefined || value === '' || value === 'filter') return 'filter';
  if (value === 'reject') return 'reject';
  throw new ConfigError(`GATEWAY_AUTHZ_MODE must be filter or reject, not "${value}".`);
}

function jwksUrl(value: string, production: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`GATEWAY_JWKS_URL is not a URL: "${value}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('GATEWAY_JWKS_URL must be an http(s) URL.');
  // Keys fetched in clear text could be swapped on the way.
  if (production && url.protocol !== 'https:') throw new ConfigError('GATEWAY_JWKS_URL must be https in production.');
  return value;
}

function checkContextKey(text: string, production: boolean): void {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let jwk: Record<string, unknown>;
    try {
      jwk = JSON.parse(trimmed) as Record<string, unknown>;
    } catch {
      throw new ConfigError('GATEWAY_CONTEXT_PRIVATE_KEY is not valid JSON (expected an Ed25519 private JWK or a PKCS8 PEM).');
    }
    if (jwk === null || typeof jwk !== 'object' || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string') {
      throw new ConfigError('GATEWAY_CONTEXT_PRIVATE_KEY must be an Ed25519 private JWK ({"kty":"OKP","crv":"Ed25519","d":…,"x":…}).');
    }
    if (production && jwk.d === DEV_CONTEXT_PRIVATE_JWK.d) {
      throw new ConfigError('GATEWAY_CONTEXT_PRIVATE_KEY is the development key (it is in the repository): production needs its own.');
    }
    return;
  }
  if (!/-----BEGIN PRIVATE KEY-----/.test(trimmed)) {
    throw new ConfigError('GATEWAY_CONTEXT_PRIVATE_KEY must be an Ed25519 private key as JWK JSON or PKCS8 PEM ("-----BEGIN PRIVATE KEY-----").');
  }
}

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(`${name} must be a whole number, not "${value}".`);
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, not ${n}.`);
  return n;
}
