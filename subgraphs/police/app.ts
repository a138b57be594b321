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
import { createPoliceContext, type PoliceServices } from './context.ts';
import { importPoliceWorld } from './importPoliceWorld.ts';
import { createIncidentNumberAllocator } from './incident/incidentNumber.ts';
import { createIncidentStore } from './incident/incident.store.ts';
import { POLICE_MIGRATIONS } from './migrations.ts';
import { buildPoliceSchema } from './schema.ts';

export type PoliceOptions = SubgraphBuildOptions;

/**
 * The police subgraph, built but not listening: opens its database, imports
 * its slice of the world on first start, serves the schema, and relays its
 * outbox to the centre's registry.
 */
export async function build(options: PoliceOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const { config } = options;
  const db = openDatabase(config.databaseFile, { onStatement: options.onStatement });
  migrate(db, POLICE_MIGRATIONS);
  let relay: OutboxRelay | null = null;
  const services: PoliceServices = {
    db,
    clock,
    tokenize: createPersonTokenizer(options.federationSecret),
    incidents: createIncidentStore(db),
    allocator: createCaseCodeAllocator(db, 'POLICE'),
    incidentNumbers: createIncidentNumberAllocator(db),
    notifyFeed: () => relay?.notify(),
  };
  await importPoliceWorld(db, config.worldDir, services);

  const { schema } = await buildPoliceSchema();
  const app = await createSubgraphServer({
    name: 'police',
    schema,
    config,
    clock,
    logger: options.logger,
    context: (user) => createPoliceContext(services, user),
  });
  relay = startOutboxRelay(app, { db, config, clock, enabled: options.relay !== false });
  return app;
}
