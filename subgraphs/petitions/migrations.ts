import { OUTBOX_MIGRATION } from '../shared/feed/outbox.ts';
import { WORLD_IMPORT_MIGRATION } from '../shared/world/importWorldFile.ts';
import { PETITION_ACTOR_ID_MIGRATION, PETITION_MIGRATION } from './petition/petition.store.ts';

/** The petitions database's migrations, applied in order; append, never edit. */
export const PETITIONS_MIGRATIONS: readonly string[] = [WORLD_IMPORT_MIGRATION, OUTBOX_MIGRATION, PETITION_MIGRATION, PETITION_ACTOR_ID_MIGRATION];
