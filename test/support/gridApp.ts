// Builds the real grid subgraph over a temporary data directory and talks to
// it through its HTTP endpoint (Fastify inject): tests never call resolvers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { build } from '../../subgraphs/grid/app.ts';
import { ManualClock } from '../../subgraphs/shared/clock.ts';
import { DEV_SERVICE_SECRET, readSubgraphConfig } from '../../subgraphs/shared/config/readSubgraphConfig.ts';
import { signServiceCall } from '../../subgraphs/shared/feed/serviceSignature.ts';
import type { MatterEvent } from '../../subgraphs/shared/feed/matterEvent.ts';
import { DEV_FEDERATION_SECRET } from '../../subgraphs/shared/identity/personToken.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface GridHarness {
  app: FastifyInstance;
  clock: ManualClock;
  dataDir: string;
  statements: string[];
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, actor?: string): Promise<GraphQLResponse<T>>;
  ingest(caller: string, events: MatterEvent[], secret?: string): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function startGrid(options: { now: string; seedWorld?: (dataDir: string) => void }): Promise<GridHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-grid-'));
  options.seedWorld?.(dataDir);
  const clock = new ManualClock(options.now);
  const statements: string[] = [];
  const app = await build({
    config: readSubgraphConfig('grid', { DATA_DIR: dataDir }),
    federationSecret: DEV_FEDERATION_SECRET,
    clock,
    onStatement: (sql) => statements.push(sql),
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
    async ingest(caller, events, secret = DEV_SERVICE_SECRET) {
      const body = JSON.stringify({ events });
      const res = await app.inject({
        method: 'POST',
        url: '/ingest/matter-events',
        payload: body,
        headers: { 'content-type': 'application/json', ...signServiceCall(secret, caller, body, clock.now()) },
      });
      return { status: res.statusCode, body: res.json() };
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
