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
import { createPetitionsContext, type PetitionsServices } from './context.ts';
import { importPetitionsWorld } from './importPetitionsWorld.ts';
import { PETITIONS_MIGRATIONS } from './migrations.ts';
import { createPetitionStore } from './petition/petition.store.ts';
import { buildPetitionsSchema } from './schema.ts';

export type PetitionsOptions = SubgraphBuildOptions;

/**
 * The petitions subgraph, built but not listening: opens its database,
 * imports its slice of the world on first start, serves the schema, and
 * (unless `relay: false`) delivers its outbox to the centre's registry.
 */
export async function build(options: PetitionsOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const db = openDatabase(options.config.databaseFile, { onStatement: options.onStatement });
  migrate(db, PETITIONS_MIGRATIONS);
  let relay: OutboxRelay | null = null;
  const services: PetitionsServices = {
    db,
    clock,
    tokenize: createPersonTokenizer(options.federationSecret),
    petitions: createPetitionStore(db),
    allocator: createCaseCodeAllocator(db, 'PETITIONS'),
    notifyFeed: () => relay?.notify(),
  };
  await importPetitionsWorld(db, options.config.worldDir, services);

  const { schema } = await buildPetitionsSchema();
  const app = await createSubgraphServer({
    name: 'petitions',
    schema,
    config: options.config,
    clock,
    logger: options.logger,
    context: (user) => createPetitionsContext(services, user),
  });
  relay = startOutboxRelay(app, { db, config: options.config, clock, enabled: options.relay !== false });
  return app;
}
