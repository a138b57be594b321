import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAuditConfig, type AuditConfig } from '../audit/parseAuditConfig.ts';
import { ConfigError } from '../errors.ts';
import { parseLimitsConfig, type LimitsConfig } from '../limits/parseLimitsConfig.ts';
import { parseSecurityConfig, type SecurityConfig } from '../security/parseSecurityConfig.ts';

export type NodeEnv = 'development' | 'test' | 'production';

/** Who executes query plans: the gateway's own executor (gateway/execution) or @apollo/gateway's. */
export type ExecutorKind = 'onewindow' | 'apollo';

export interface BreakerConfig {
  /** Consecutive failed fetches that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit stays open before one probe request is let through. */
  cooldownMs: number;
}

export interface RetryConfig {
  /** Retries per fetch (queries only; mutations are never retried). */
  maxRetries: number;
  /** Retries may add at most this fraction of extra fetches per subgraph (a retry budget). */
  budgetRatio: number;
  /** Retries always allowed per second per subgraph, whatever the ratio (low traffic). */
  budgetMinPerSecond: number;
}

export interface TransportConfig {
  /** Per-subgraph fetch timeout in ms, covering every attempt of one fetch. */
  timeoutMs: number;
  /** Per-subgraph timeout overrides, keyed by `envSuffix(name)`: read them with `overrideFor`. */
  timeoutMsBySubgraph: Record<string, number>;
  /** Keep-alive connections per subgraph origin. */
  connections: number;
  retry: RetryConfig;
  breaker: BreakerConfig;
}

export interface GatewayConfig {
  supergraphPath: string;
  host: string;
  port: number;
  nodeEnv: NodeEnv;
  /** Subgraph URL overrides, keyed by `envSuffix(name)`: read them with `overrideFor` (the supergraph's URLs otherwise). */
  subgraphUrls: Record<string, string>;
  transport: TransportConfig;
  /** Re-read the supergraph file when it changes. */
  watchSupergraph: boolean;
  /** How long a /ready reachability probe is reused, and its own timeout. */
  probe: { cacheMs: number; timeoutMs: number };
  graphiql: boolean;
  /** Ordinary requests skip Apollo Server's pipeline (pipeline/createFastPath.ts); off: every request goes through it. */
  fastPath: boolean;
  /**
   * Serve a supergraph whose @authenticated / @requiresScopes / @policy no
   * plugin enforces (the fields are served to anyone). Development and test
   * only: refused in production.
   */
  allowUnenforcedAuthorization: boolean;
  /** `GATEWAY_EXECUTOR`: who executes query plans (both plan alike, with @apollo/query-planner). */
  executor: ExecutorKind;
  /**
   * @apollo/gateway's planner switches, read from its own variables
   * (`APOLLO_DISABLE_SECURITY_RECURSIVE_SELECTIONS_CHECK`,
   * `APOLLO_DISABLE_SECURITY_NON_LOCAL_SELECTIONS_CHECK`, `true` disables),
   * so that both executors plan with the same options.
   */
  queryPlanner: { recursiveSelectionsLimitDisabled: boolean; nonLocalSelectionsLimitDisabled: boolean };
  /** Stack traces and internal details in client errors (development and test only). */
  exposeErrorDetails: boolean;
  logLevel: string;
  /** Grace period for in-flight requests on SIGTERM before the process gives up. */
  shutdownTimeoutMs: number;
  /** Authentication, authorization, purpose, signed context (README "Security"). */
  security: SecurityConfig;
  /** Depth, aliases, tokens, cost, body size, rate limit, trusted documents (README "Limits"). */
  limits: LimitsConfig;
  /** The audit log of reads of person data (gateway/audit/README.md). */
  audit: AuditConfig;
}

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_SUPERGRAPH_PATH = resolve(repositoryRoot, 'schema/supergraph.graphql');

/** `SUBGRAPH_URL_LEGALAID`, `SUBGRAPH_TIMEOUT_MS_GRID`: the variable suffix for a subgraph name. */
export function envSuffix(subgraphName: string): string {
  return subgraphName.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/**
 * Reads the gateway's settings from argv and env (passed in: only main.ts
 * touches the process). argv wins over env, env over defaults. Throws a
 * ConfigError naming the setting when a value is malformed.
 *
 * argv: `--supergraph <file>`, `--port <n>` (also `--name=value`).
 */
export function parseGatewayConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): GatewayConfig {
  const args = parseArgs(argv);
  const nodeEnv = parseNodeEnv(env.NODE_ENV);
  const supergraphPath = resolve(args.supergraph ?? env.GATEWAY_SUPERGRAPH ?? DEFAULT_SUPERGRAPH_PATH);
  const port = integer('--port / GATEWAY_PORT', args.port ?? env.GATEWAY_PORT, 4000, 0, 65535);

  return {
    supergraphPath,
    host: env.GATEWAY_HOST || '127.0.0.1',
    port,
    nodeEnv,
    subgraphUrls: parseSubgraphUrls(env),
    transport: {
      timeoutMs: integer('GATEWAY_SUBGRAPH_TIMEOUT_MS', env.GATEWAY_SUBGRAPH_TIMEOUT_MS, 5000, 1),
      timeoutMsBySubgraph: parsePerSubgraph(env, 'SUBGRAPH_TIMEOUT_MS_', (name, value) => integer(name, value, 0, 1)),
      connections: integer('GATEWAY_SUBGRAPH_CONNECTIONS', env.GATEWAY_SUBGRAPH_CONNECTIONS, 32, 1),
      retry: {
        maxRetries: integer('GATEWAY_RETRY_MAX', env.GATEWAY_RETRY_MAX, 1, 0, 5),
        budgetRatio: number('GATEWAY_RETRY_BUDGET_RATIO', env.GATEWAY_RETRY_BUDGET_RATIO, 0.2, 0, 1),
        budgetMinPerSecond: number('GATEWAY_RETRY_BUDGET_MIN_PER_SECOND', env.GATEWAY_RETRY_BUDGET_MIN_PER_SECOND, 5, 0),
      },
      breaker: {
        failureThreshold: integer('GATEWAY_BREAKER_FAILURES', env.GATEWAY_BREAKER_FAILURES, 5, 1),
        cooldownMs: integer('GATEWAY_BREAKER_COOLDOWN_MS', env.GATEWAY_BREAKER_COOLDOWN_MS, 10_000, 1),
      },
    },
    watchSupergraph: boolean('GATEWAY_WATCH_SUPERGRAPH', env.GATEWAY_WATCH_SUPERGRAPH, true),
    probe: {
      cacheMs: integer('GATEWAY_PROBE_CACHE_MS', env.GATEWAY_PROBE_CACHE_MS, 3000, 0),
      timeoutMs: integer('GATEWAY_PROBE_TIMEOUT_MS', env.GATEWAY_PROBE_TIMEOUT_MS, 1000, 1),
    },
    graphiql: nodeEnv !== 'production' && boolean('GATEWAY_GRAPHIQL', env.GATEWAY_GRAPHIQL, true),
    fastPath: boolean('GATEWAY_FAST_PATH', env.GATEWAY_FAST_PATH, true),
    allowUnenforcedAuthorization: unenforcedAuthorization(nodeEnv, env.GATEWAY_ALLOW_UNENFORCED_AUTHORIZATION),
    executor: executorKind(env.GATEWAY_EXECUTOR),
    queryPlanner: {
      recursiveSelectionsLimitDisabled: env.APOLLO_DISABLE_SECURITY_RECURSIVE_SELECTIONS_CHECK === 'true',
      nonLocalSelectionsLimitDisabled: env.APOLLO_DISABLE_SECURITY_NON_LOCAL_SELECTIONS_CHECK === 'true',
    },
    exposeErrorDetails: nodeEnv !== 'production',
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'warn' : 'info'),
    shutdownTimeoutMs: integer('GATEWAY_SHUTDOWN_TIMEOUT_MS', env.GATEWAY_SHUTDOWN_TIMEOUT_MS, 10_000, 0),
    security: parseSecurityConfig(nodeEnv === 'production', env),
    limits: parseLimitsConfig(nodeEnv === 'production', env),
    audit: parseAuditConfig(env, nodeEnv === 'production'),
  };
}

function unenforcedAuthorization(nodeEnv: NodeEnv, value: string | undefined): boolean {
  const allowed = boolean('GATEWAY_ALLOW_UNENFORCED_AUTHORIZATION', value, nodeEnv !== 'production');
  if (allowed && nodeEnv === 'production') {
    throw new ConfigError('GATEWAY_ALLOW_UNENFORCED_AUTHORIZATION cannot be on in production: protected fields would be served to anyone.');
  }
  return allowed;
}

function executorKind(value: string | undefined): ExecutorKind {
  if (value === undefined || value === '') return 'onewindow';
  if (value === 'onewindow' || value === 'apollo') return value;
  throw new ConfigError(`GATEWAY_EXECUTOR must be onewindow or apollo, not "${value}".`);
}

function parseArgs(argv: readonly string[]): { supergraph?: string; port?: string } {
  const out: { supergraph?: string; port?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--(supergraph|port)(?:=(.*))?$/.exec(arg);
    if (!match) {
      if (arg.startsWith('--')) throw new ConfigError(`Unknown option ${arg}. Options: --supergraph <file>, --port <n>.`);
      throw new ConfigError(`Unexpected argument "${arg}". Options: --supergraph <file>, --port <n>.`);
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') throw new ConfigError(`--${match[1]} needs a value.`);
    out[match[1] as 'supergraph' | 'port'] = value;
  }
  return out;
}

function parseNodeEnv(value: string | undefined): NodeEnv {
  if (value === undefined || value === '') return 'development';
  if (value === 'development' || value === 'test' || value === 'production') return value;
  throw new ConfigError(`NODE_ENV must be development, test or production, not "${value}".`);
}

/** `SUBGRAPH_URLS` (a JSON object name → URL), then `SUBGRAPH_URL_<NAME>` per subgraph, which wins. */
function parseSubgraphUrls(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const urls: Record<string, string> = {};
  if (env.SUBGRAPH_URLS) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.SUBGRAPH_URLS);
    } catch {
      throw new ConfigError('SUBGRAPH_URLS must be a JSON object of subgraph name to URL.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ConfigError('SUBGRAPH_URLS must be a JSON object of subgraph name to URL.');
    }
    for (const [name, url] of Object.entries(parsed)) urls[envSuffix(name)] = httpUrl(`SUBGRAPH_URLS.${name}`, url);
  }
  Object.assign(urls, parsePerSubgraph(env, 'SUBGRAPH_URL_', httpUrl));
  return urls;
}

function parsePerSubgraph<T>(
  env: Readonly<Record<string, string | undefined>>,
  prefix: string,
  parse: (name: string, value: string) => T,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith(prefix) && key.length > prefix.length && value !== undefined && value !== '') {
      out[envSuffix(key.slice(prefix.length))] = parse(key, value);
    }
  }
  return out;
}

/** The override for a subgraph (`legal-aid` is found under `LEGAL_AID`). */
export function overrideFor<T>(overrides: Readonly<Record<string, T>>, subgraphName: string): T | undefined {
  return Object.hasOwn(overrides, envSuffix(subgraphName)) ? overrides[envSuffix(subgraphName)] : undefined;
}

function httpUrl(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new ConfigError(`${name} must be a URL string.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a URL: "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be an http(s) URL.`);
  return value;
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(`${name} must be a whole number, not "${value}".`);
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, not ${n}.`);
  return n;
}

function number(name: string, value: string | undefined, fallback: number, min: number, max = Number.MAX_VALUE): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new ConfigError(`${name} must be a number between ${min} and ${max}, not "${value}".`);
  return n;
}

function boolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, not "${value}".`);
}
