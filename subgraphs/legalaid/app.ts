import 'reflect-metadata';
import type { FastifyInstance } from 'fastify';
import { systemClock } from '../shared/clock.ts';
import { createCaseCodeAllocator } from '../shared/codes/caseCodeAllocator.ts';
import { createOutboxRelay, type OutboxRelay } from '../shared/feed/createOutboxRelay.ts';
import { createPersonTokenizer } from '../shared/identity/personToken.ts';
import { createSubgraphServer } from '../shared/server/createSubgraphServer.ts';
import type { SubgraphBuildOptions } from '../shared/server/SubgraphBuildOptions.ts';
import { migrate } from '../shared/store/migrate.ts';
import { openDatabase } from '../shared/store/openDatabase.ts';
import { createLegalAidContext, type LegalAidServices } from './context.ts';
import { importLegalAidWorld } from './importLegalAidWorld.ts';
import { createLegalAidCaseStore } from './legalAidCase/legalAidCase.store.ts';
import { DEFAULT_LEGAL_AID_RULES, type LegalAidRules } from './legalAidCase/legalAidRules.ts';
import { LEGAL_AID_MIGRATIONS } from './migrations.ts';
import { buildLegalAidSchema } from './schema.ts';

export interface LegalAidOptions extends SubgraphBuildOptions {
  rules?: LegalAidRules;
}

/**
 * The legal-aid subgraph (the justice bureau's legal-services system),
 * built but not listening: opens its database, imports its slice of the
 * world on first start, serves the schema, and relays its outbox to the
 * centre's registry.
 */
export async function build(options: LegalAidOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const db = openDatabase(options.config.databaseFile, { onStatement: options.onStatement });
  migrate(db, LEGAL_AID_MIGRATIONS);
  let relay: OutboxRelay | undefined;
  const services: LegalAidServices = {
    db,
    clock,
    tokenize: createPersonTokenizer(options.federationSecret),
    cases: createLegalAidCaseStore(db),
    allocator: createCaseCodeAllocator(db, 'LEGAL_AID'),
    rules: options.rules ?? DEFAULT_LEGAL_AID_RULES,
    notify: () => relay?.notify(),
  };
  await importLegalAidWorld(db, options.config.worldDir, services);

  const { schema } = await buildLegalAidSchema();
  const app = await createSubgraphServer({
    name: 'legalaid',
    schema,
    logger: options.logger,
    // Until the signed user context lands (issue 6), the actor is taken as given.
    context: (request) => createLegalAidContext(services, String(request.headers['x-onewindow-user'] ?? 'anonymous')),
  });
  if (options.relay !== false) {
    relay = createOutboxRelay({
      db,
      caller: 'legalaid',
      url: options.config.registryUrl,
      secret: options.config.serviceSecret,
      clock,
      log: (message, details) => app.log.warn(details ?? {}, message),
    });
    relay.start();
  }
  app.addHook('onClose', async () => {
    // Stop delivering before the database goes away under the relay.
    await relay?.stop();
    db.close();
  });
  return app;
}
