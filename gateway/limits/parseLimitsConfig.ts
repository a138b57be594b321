import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.ts';

export interface RateLimitConfig {
  /** Requests a user (or an unauthenticated IP address) may make in a burst: the bucket's capacity. 0 turns rate limiting off. */
  burst: number;
  /** Sustained requests per minute: the bucket refills at this rate. */
  perMinute: number;
}

export interface TrustedDocumentsConfig {
  /** The persisted-operations manifest (`npm run persist`). */
  manifestPath: string;
  /** Only the manifest's operations run (production): any other is OPERATION_NOT_REGISTERED, and a missing manifest stops the gateway. */
  enforce: boolean;
}

/** Limits on every GraphQL request, checked before execution (README "Limits"). */
export interface LimitsConfig {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxTokens: number;
  maxDirectives: number;
  /** Largest request body on /graphql, in bytes. */
  maxBodyBytes: number;
  /** The estimated-cost budget of one operation. */
  maxCost: number;
  /** The size assumed for a list without `@listSize` or slicing argument. */
  defaultListSize: number;
  rateLimit: RateLimitConfig;
  /** Operation texts whose analysis is kept (LRU). */
  analysisCacheEntries: number;
  trustedDocuments: TrustedDocumentsConfig;
}

type Env = Readonly<Record<string, string | undefined>>;

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The checked-in manifest `npm run persist` writes. */
export const DEFAULT_MANIFEST_PATH = resolve(repositoryRoot, 'gateway/production/persisted-operations.json');

/**
 * The defaults, and where each comes from:
 * GraphQL Armor's defaults for depth (6), aliases (15), directives (50),
 * tokens (1000) and its cost budget (5000, applied here to the demand-control
 * estimate); Apollo Router's `limits.http_max_request_bytes` for the body
 * (2,000,000 bytes) and the `list_size` of its demand-control documentation
 * (10). Root fields (10) and the rate limit (burst 60, 300 per minute) are
 * ours: neither source sets a default.
 */
export const DEFAULT_LIMITS = {
  maxDepth: 6,
  maxAliases: 15,
  maxRootFields: 10,
  maxTokens: 1000,
  maxDirectives: 50,
  maxBodyBytes: 2_000_000,
  maxCost: 5000,
  defaultListSize: 10,
  rateLimit: { burst: 60, perMinute: 300 },
  analysisCacheEntries: 1000,
} as const satisfies Omit<LimitsConfig, 'trustedDocuments'>;

/**
 * Reads the limits from env (names in README "Limits"). Production enforces
 * the trusted-documents manifest; there is deliberately no switch to run
 * arbitrary operations in production.
 */
export function parseLimitsConfig(production: boolean, env: Env): LimitsConfig {
  const d = DEFAULT_LIMITS;
  return {
    maxDepth: whole('GATEWAY_MAX_DEPTH', env.GATEWAY_MAX_DEPTH, d.maxDepth, 1),
    maxAliases: whole('GATEWAY_MAX_ALIASES', env.GATEWAY_MAX_ALIASES, d.maxAliases, 0),
    maxRootFields: whole('GATEWAY_MAX_ROOT_FIELDS', env.GATEWAY_MAX_ROOT_FIELDS, d.maxRootFields, 1),
    maxTokens: whole('GATEWAY_MAX_TOKENS', env.GATEWAY_MAX_TOKENS, d.maxTokens, 1, 1_000_000),
    maxDirectives: whole('GATEWAY_MAX_DIRECTIVES', env.GATEWAY_MAX_DIRECTIVES, d.maxDirectives, 0),
    maxBodyBytes: whole('GATEWAY_MAX_BODY_BYTES', env.GATEWAY_MAX_BODY_BYTES, d.maxBodyBytes, 1024, 1024 * 1024 * 1024),
    maxCost: whole('GATEWAY_MAX_COST', env.GATEWAY_MAX_COST, d.maxCost, 1),
    defaultListSize: whole('GATEWAY_COST_LIST_SIZE', env.GATEWAY_COST_LIST_SIZE, d.defaultListSize, 0),
    rateLimit: {
      burst: whole('GATEWAY_RATE_LIMIT_BURST', env.GATEWAY_RATE_LIMIT_BURST, d.rateLimit.burst, 0),
      perMinute: whole('GATEWAY_RATE_LIMIT_PER_MINUTE', env.GATEWAY_RATE_LIMIT_PER_MINUTE, d.rateLimit.perMinute, 1),
    },
    analysisCacheEntries: whole('GATEWAY_OPERATION_CACHE_ENTRIES', env.GATEWAY_OPERATION_CACHE_ENTRIES, d.analysisCacheEntries, 0),
    trustedDocuments: {
      manifestPath: resolve(env.GATEWAY_PERSISTED_OPERATIONS || DEFAULT_MANIFEST_PATH),
      enforce: production,
    },
  };
}

function whole(name: string, value: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(`${name} must be a whole number, not "${value}".`);
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, not ${n}.`);
  return n;
}
