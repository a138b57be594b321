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
  let log: (message: string, details?: Record<string, unknown>) => void = () => {};
  const relay =
    options.relay === false
      ? null
      : createOutboxRelay({ db, caller: config.name, url: config.registryUrl, secret: config.serviceSecret, clock, log: (m, d) => log(m, d) });
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
    logger: options.logger,
    // Until the signed user context lands (issue 6), the actor is taken as given.
    context: (request) => createCourtsContext(services, String(request.headers['x-onewindow-user'] ?? 'anonymous')),
  });
  log = (message, details) => app.log.warn(details ?? {}, message);
  if (relay) {
    relay.start();
    // The relay reads the database: stop it before the database closes.
    app.addHook('onClose', async () => relay.stop());
  }
  app.addHook('onClose', async () => db.close());
  return app;
}
