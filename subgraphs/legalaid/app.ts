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
  let relay: OutboxRelay | null = null;
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
    config: options.config,
    clock,
    logger: options.logger,
    context: (user) => createLegalAidContext(services, user),
  });
  relay = startOutboxRelay(app, { db, config: options.config, clock, enabled: options.relay !== false });
  return app;
}
