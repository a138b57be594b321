import 'reflect-metadata';
import type { FastifyInstance } from 'fastify';
import { systemClock } from '../shared/clock.ts';
import { createCaseCodeAllocator } from '../shared/codes/caseCodeAllocator.ts';
import type { OutboxRelay } from '../shared/feed/createOutboxRelay.ts';
import { startOutboxRelay } from '../shared/feed/startOutboxRelay.ts';
import { createPersonTokenizer } from '../shared/identity/personToken.ts';
import { createSubgraphServer } from '../shared/server/createSubgraphServer.ts';
import type { SubgraphBuildOptions } from '../shared/server/SubgraphBuildOptions.ts';
import { migrate } from '../shared/store/migrate.ts';
import { openDatabase } from '../shared/store/openDatabase.ts';
import { createCourtsContext, type CourtsServices } from './context.ts';
import { createCaseNumberAllocator } from './courtCase/caseNumberAllocator.ts';
import { createCourtCaseStore } from './courtCase/courtCase.store.ts';
import { importCourtsWorld } from './importCourtsWorld.ts';
import { COURTS_MIGRATIONS } from './migrations.ts';
import { buildCourtsSchema } from './schema.ts';

export type CourtsOptions = SubgraphBuildOptions;

/**
 * The courts subgraph, built but not listening: opens its database, imports
 * its slice of the world on first start, serves the schema, and relays its
 * outbox to the centre's registry.
 */
export async function build(options: CourtsOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const { config } = options;
  const db = openDatabase(config.databaseFile, { onStatement: options.onStatement });
  migrate(db, COURTS_MIGRATIONS);
  let relay: OutboxRelay | null = null;
  const services: CourtsServices = {
    db,
    clock,
    tokenize: createPersonTokenizer(options.federationSecret),
    cases: createCourtCaseStore(db),
    allocator: createCaseCodeAllocator(db, 'COURTS'),
    caseNumbers: createCaseNumberAllocator(db),
    notify: () => relay?.notify(),
  };
  await importCourtsWorld(config.worldDir, services);

  const { schema } = await buildCourtsSchema();
  const app = await createSubgraphServer({
    name: 'courts',
    schema,
    config,
    clock,
    logger: options.logger,
    context: (user) => createCourtsContext(services, user),
  });
  relay = startOutboxRelay(app, { db, config, clock, enabled: options.relay !== false });
  return app;
}
