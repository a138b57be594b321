import { join, resolve } from 'node:path';
import { SUBGRAPHS, type SubgraphName } from '../../../schema/subgraphList.ts';
import { DEV_CONTEXT_PUBLIC_JWK } from '../security/devContextPublicKey.ts';

/** A fixed secret for development only; production must configure its own. */
export const DEV_SERVICE_SECRET = 'onewindow-dev-service-secret-not-for-production-use';

export interface SubgraphConfig {
  name: SubgraphName;
  host: string;
  port: number;
  production: boolean;
  /** This subgraph's own SQLite file. */
  databaseFile: string;
  /** Where the synthetic world's import files are. */
  worldDir: string;
  /** Shared secret of the signed service calls of the feed. */
  serviceSecret: string;
  /** The registry's ingest endpoint the outbox relay delivers to. */
  registryUrl: string;
  /**
   * The gateway's public key that signs the user context of every GraphQL
   * request (`x-onewindow-context`): an Ed25519 JWK as JSON, or SPKI PEM.
   */
  contextPublicKey: string;
}

type Env = Record<string, string | undefined>;

/**
 * Reads a subgraph's settings from the environment (only main.ts passes
 * process.env): `<NAME>_PORT`, `HOST`, `DATA_DIR`, `ONEWINDOW_SERVICE_SECRET`,
 * `REGISTRY_URL`, `ONEWINDOW_CONTEXT_PUBLIC_KEY`. Production refuses to
 * start without its secrets and the gateway's public key; elsewhere the
 * development ones stand in.
 */
export function readSubgraphConfig(name: SubgraphName, env: Env): SubgraphConfig {
  const entry = SUBGRAPHS.find((s) => s.name === name)!;
  const production = env.NODE_ENV === 'production';
  const port = parsePort(env[entry.portVariable], entry.port, entry.portVariable);
  const gridPort = parsePort(env.GRID_PORT, 4001, 'GRID_PORT');
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  const serviceSecret = env.ONEWINDOW_SERVICE_SECRET ?? (production ? undefined : DEV_SERVICE_SECRET);
  if (!serviceSecret) {
    throw new Error('ONEWINDOW_SERVICE_SECRET must be set in production (the secret of signed service calls)');
  }
  const contextPublicKey = env.ONEWINDOW_CONTEXT_PUBLIC_KEY?.trim() || (production ? undefined : JSON.stringify(DEV_CONTEXT_PUBLIC_JWK));
  if (!contextPublicKey) {
    throw new Error('ONEWINDOW_CONTEXT_PUBLIC_KEY must be set in production (the gateway\'s Ed25519 public key, JWK JSON or SPKI PEM, that signs the user context)');
  }
  if (!contextPublicKey.startsWith('{') && !contextPublicKey.startsWith('-----BEGIN PUBLIC KEY-----')) {
    throw new Error('ONEWINDOW_CONTEXT_PUBLIC_KEY must be an Ed25519 public key as JWK JSON ({"kty":"OKP","crv":"Ed25519","x":…}) or SPKI PEM ("-----BEGIN PUBLIC KEY-----")');
  }
  return {
    name,
    host: env.HOST ?? '127.0.0.1',
    port,
    production,
    databaseFile: join(dataDir, name, `${name}.db`),
    worldDir: join(dataDir, 'world'),
    serviceSecret,
    registryUrl: env.REGISTRY_URL ?? `http://127.0.0.1:${gridPort}/ingest/matter-events`,
    contextPublicKey,
  };
}

function parsePort(value: string | undefined, fallback: number, variable: string): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${variable} must be a port number, got ${JSON.stringify(value)}`);
  return port;
}
