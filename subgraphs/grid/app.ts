import 'reflect-metadata';
import type { FastifyInstance } from 'fastify';
import { systemClock } from '../shared/clock.ts';
import type { SubgraphBuildOptions } from '../shared/server/SubgraphBuildOptions.ts';
import { createPersonTokenizer } from '../shared/identity/personToken.ts';
import { createSubgraphServer } from '../shared/server/createSubgraphServer.ts';
import { migrate } from '../shared/store/migrate.ts';
import { openDatabase } from '../shared/store/openDatabase.ts';
import { createGridContext, type GridServices } from './context.ts';
import { importGridWorld } from './importGridWorld.ts';
import { GRID_MIGRATIONS } from './migrations.ts';
import { createCaseCodeAllocator } from '../shared/codes/caseCodeAllocator.ts';
import { createDisputeStore } from './dispute/dispute.store.ts';
import { DEFAULT_DUE_DATE_RULES, type DueDateRules } from './dispute/dueDateRules.ts';
import { createPersonStore } from './person/person.store.ts';
import { createRiskStore, DEFAULT_RISK_RULES, type RiskRules } from './risk/risk.store.ts';
import { createStatsStore } from './stats/stats.store.ts';
import { ingestRoute } from './registry/ingestRoute.ts';
import { createRegistryStore } from './registry/registry.store.ts';
import { buildGridSchema } from './schema.ts';

export interface GridOptions extends SubgraphBuildOptions {
  dueRules?: DueDateRules;
  riskRules?: RiskRules;
}

/**
 * The grid subgraph, built but not listening: opens its database, imports
 * its slice of the world on first start, and serves the schema and the
 * registry's ingest endpoint.
 */
export async function build(options: GridOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const db = openDatabase(options.config.databaseFile, { onStatement: options.onStatement });
  migrate(db, GRID_MIGRATIONS);
  const services: GridServices = {
    db,
    clock,
    tokenize: createPersonTokenizer(options.federationSecret),
    persons: createPersonStore(db),
    registry: createRegistryStore(db),
    disputes: createDisputeStore(db),
    allocator: createCaseCodeAllocator(db, 'GRID'),
    dueRules: options.dueRules ?? DEFAULT_DUE_DATE_RULES,
    risk: createRiskStore(db),
    riskRules: options.riskRules ?? DEFAULT_RISK_RULES,
    stats: createStatsStore(db),
  };
  await importGridWorld(db, options.config.worldDir, services);

  const { schema } = await buildGridSchema();
  const app = await createSubgraphServer({
    name: 'grid',
    schema,
    config: options.config,
    clock,
    logger: options.logger,
    context: (user) => createGridContext(services, user),
  });
  await ingestRoute(app, { registry: services.registry, secret: options.config.serviceSecret, clock });
  app.addHook('onClose', async () => db.close());
  return app;
}
