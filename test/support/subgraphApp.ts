// Builds a real subgraph over a temporary data directory and talks to it
// through its HTTP endpoint (Fastify inject): tests never call resolvers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { SubgraphName } from '../../schema/subgraphList.ts';
import { ManualClock } from '../../subgraphs/shared/clock.ts';
import { readSubgraphConfig } from '../../subgraphs/shared/config/readSubgraphConfig.ts';
import { DEV_FEDERATION_SECRET } from '../../subgraphs/shared/identity/personToken.ts';
import type { SubgraphBuildOptions } from '../../subgraphs/shared/server/SubgraphBuildOptions.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface SubgraphHarness {
  app: FastifyInstance;
  clock: ManualClock;
  dataDir: string;
  /** Every SQL statement the subgraph ran since the last reset (`statements.length = 0`). */
  statements: string[];
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, actor?: string): Promise<GraphQLResponse<T>>;
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
    statements,
    async gql(query, variables, actor = 'tester') {
      const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables }, headers: { 'x-onewindow-user': actor } });
      return res.json();
    },
    async close() {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
