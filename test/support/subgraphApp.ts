// Builds a real subgraph over a temporary data directory and talks to it
// through its HTTP endpoint (Fastify inject): tests never call resolvers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createContextSigner, type ContextSigner } from '../../gateway/security/createContextSigner.ts';
import { DEV_CONTEXT_PRIVATE_JWK } from '../../gateway/security/devContextKey.ts';
import type { Principal } from '../../gateway/security/Principal.ts';
import type { SubgraphName } from '../../schema/subgraphList.ts';
import { ManualClock } from '../../subgraphs/shared/clock.ts';
import { readSubgraphConfig } from '../../subgraphs/shared/config/readSubgraphConfig.ts';
import { DEV_FEDERATION_SECRET } from '../../subgraphs/shared/identity/personToken.ts';
import { USER_CONTEXT_HEADER } from '../../subgraphs/shared/security/userContext.ts';
import type { SubgraphBuildOptions } from '../../subgraphs/shared/server/SubgraphBuildOptions.ts';
import { testPrincipal } from './testPrincipal.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface SubgraphHarness {
  app: FastifyInstance;
  clock: ManualClock;
  dataDir: string;
  /** The subgraph's SQLite file. */
  databaseFile: string;
  /** Every SQL statement the subgraph ran since the last reset (`statements.length = 0`). */
  statements: string[];
  /**
   * Posts an operation as the gateway would: with a user context signed by
   * the gateway's signer (development key, the harness's clock). The user
   * is the default test user (`testPrincipal`: this subgraph's agency, all
   * of Hubei), that user under another name (a string: steps record it as
   * the actor), or any principal (a demo user, another jurisdiction).
   */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, user?: Principal | string): Promise<GraphQLResponse<T>>;
  /** The `x-onewindow-context` header value `gql` sends for that user. */
  contextFor(user?: Principal | string): Promise<string>;
  close(): Promise<void>;
}

export interface StartOptions<Extra> {
  now: string;
  /** Writes world files under `<dataDir>/world/` before the subgraph starts. */
  seedWorld?: (dataDir: string) => void;
  /** A data directory to reuse (a restart); default a new temporary one. */
  dataDir?: string;
  env?: Record<string, string>;
  extra?: Extra;
}

export async function startSubgraph<Extra extends object = object>(
  name: SubgraphName,
  build: (options: SubgraphBuildOptions & Extra) => Promise<FastifyInstance>,
  options: StartOptions<Extra>,
): Promise<SubgraphHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `onewindow-${name}-`));
  options.seedWorld?.(dataDir);
  const clock = new ManualClock(options.now);
  const statements: string[] = [];
  // The gateway's own signer, on the subgraph's clock: contexts are fresh whatever time the test set.
  const sign: ContextSigner = await createContextSigner({ ...DEV_CONTEXT_PRIVATE_JWK }, { now: () => clock.now() });
  const principal = (user: Principal | string | undefined): Principal =>
    typeof user === 'object' ? user : testPrincipal(name, user === undefined ? {} : { name: user });
  const contextFor = async (user?: Principal | string) => sign({ principal: principal(user), purpose: 'reason:subgraph test' });
  const app = await build({
    config: readSubgraphConfig(name, { DATA_DIR: dataDir, ...options.env }),
    federationSecret: DEV_FEDERATION_SECRET,
    clock,
    relay: false,
    onStatement: (sql) => statements.push(sql),
    ...(options.extra as Extra),
  });
  return {
    app,
    clock,
    dataDir,
    databaseFile: readSubgraphConfig(name, { DATA_DIR: dataDir, ...options.env }).databaseFile,
    statements,
    async gql(query, variables, user) {
      const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables }, headers: { [USER_CONTEXT_HEADER]: await contextFor(user) } });
      return res.json();
    },
    contextFor,
    async close() {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
