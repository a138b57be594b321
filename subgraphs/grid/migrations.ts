import { WORLD_IMPORT_MIGRATION } from '../shared/world/importWorldFile.ts';
import { DISPUTE_ACTOR_ID_MIGRATION, DISPUTE_MIGRATION } from './dispute/dispute.store.ts';
import { PERSON_MIGRATION } from './person/person.store.ts';
import { PERSON_MATTER_MIGRATION, REGISTRY_MIGRATION } from './registry/registry.store.ts';

/** The grid database's migrations, applied in order; append, never edit. */
export const GRID_MIGRATIONS: readonly string[] = [
  WORLD_IMPORT_MIGRATION,
  PERSON_MIGRATION,
  REGISTRY_MIGRATION,
  DISPUTE_MIGRATION,
  DISPUTE_ACTOR_ID_MIGRATION,
  PERSON_MATTER_MIGRATION,
];
