import { join, resolve } from 'node:path';
import { ConfigError } from '../errors.ts';

/** 网络安全法 art 21: network logs kept at least six months. */
export const MIN_RETENTION_DAYS = 183;

export interface AuditConfig {
  /** Off only outside production (GATEWAY_AUDIT=off): for benchmarks and foreign supergraphs. */
  enabled: boolean;
  /** The SQLite file. */
  file: string;
  /** Records older than this are pruned (under a checkpoint that keeps the chain verifiable). */
  retentionDays: number;
  /** How often pruning runs (it also runs at start). */
  pruneIntervalMs: number;
  /** How long a commit waits for another writer's lock. */
  busyTimeoutMs: number;
  /** How long an answer waits for its record before it is withheld. */
  writeTimeoutMs: number;
  /** Under load, how long a record waits for others to share its commit (AuditLog `commitDelayMs`). */
  commitDelayMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The audit settings (gateway/audit/README.md): GATEWAY_AUDIT,
 * GATEWAY_AUDIT_DB (default `$DATA_DIR/gateway/audit.db`, DATA_DIR default
 * `./data`), GATEWAY_AUDIT_RETENTION_DAYS (default and, in production,
 * minimum 183), GATEWAY_AUDIT_PRUNE_INTERVAL_MS (1 h),
 * GATEWAY_AUDIT_BUSY_TIMEOUT_MS (5000), GATEWAY_AUDIT_WRITE_TIMEOUT_MS
 * (busy timeout + 5000), GATEWAY_AUDIT_COMMIT_DELAY_MS (1; 0 commits at
 * once). Throws ConfigError naming a malformed value.
 */
export function parseAuditConfig(env: Env, production: boolean): AuditConfig {
  const enabled = parseSwitch('GATEWAY_AUDIT', env.GATEWAY_AUDIT);
  if (!enabled && production) throw new ConfigError('GATEWAY_AUDIT=off is refused in production: every read of person data must be recorded.');
  const retentionDays = integer('GATEWAY_AUDIT_RETENTION_DAYS', env.GATEWAY_AUDIT_RETENTION_DAYS, MIN_RETENTION_DAYS, production ? MIN_RETENTION_DAYS : 1, 36_500);
  const busyTimeoutMs = integer('GATEWAY_AUDIT_BUSY_TIMEOUT_MS', env.GATEWAY_AUDIT_BUSY_TIMEOUT_MS, 5000, 0, 600_000);
  return {
    enabled,
    file: resolve(env.GATEWAY_AUDIT_DB || join(env.DATA_DIR || 'data', 'gateway', 'audit.db')),
    retentionDays,
    pruneIntervalMs: integer('GATEWAY_AUDIT_PRUNE_INTERVAL_MS', env.GATEWAY_AUDIT_PRUNE_INTERVAL_MS, 3_600_000, 1000),
    busyTimeoutMs,
    writeTimeoutMs: integer('GATEWAY_AUDIT_WRITE_TIMEOUT_MS', env.GATEWAY_AUDIT_WRITE_TIMEOUT_MS, busyTimeoutMs + 5000, 100, 600_000),
    commitDelayMs: integer('GATEWAY_AUDIT_COMMIT_DELAY_MS', env.GATEWAY_AUDIT_COMMIT_DELAY_MS, 1, 0, 100),
  };
}

function parseSwitch(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '' || /^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be on or off, not "${value}".`);
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(`${name} must be a whole number, not "${value}".`);
  const n = Number(value);
  if (n < min || n > max) {
    const why = name === 'GATEWAY_AUDIT_RETENTION_DAYS' && min === MIN_RETENTION_DAYS ? ' (network logs are kept at least six months)' : '';
    throw new ConfigError(`${name} must be between ${min} and ${max}${why}, not ${n}.`);
  }
  return n;
}
