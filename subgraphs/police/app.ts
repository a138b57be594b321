import 'reflect-metadata';
import type { FastifyInstance } from 'fastify';
import { systemClock } from '../shared/clock.ts';
import { createCaseCodeAllocator } from '../shared/codes/caseCodeAllocator.ts';
import { createOutboxRelay } from '../shared/feed/createOutboxRelay.ts';
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
  const relay =
    options.relay === false
      ? null
      : createOutboxRelay({ db, caller: config.name, url: config.registryUrl, secret: config.serviceSecret, clock });
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
    logger: options.logger,
    // Until the signed user context lands (issue 6), the actor is taken as given.
    context: (request) => createPoliceContext(services, String(request.headers['x-onewindow-user'] ?? 'anonymous')),
  });
  if (relay) {
    relay.start();
    // The relay reads the database: stop it before the database closes.
    app.addHook('onClose', async () => relay.stop());
  }
  app.addHook('onClose', async () => db.close());
  return app;
}
