import { OUTBOX_MIGRATION } from '../shared/feed/outbox.ts';
import { WORLD_IMPORT_MIGRATION } from '../shared/world/importWorldFile.ts';
import { LEGAL_AID_ACTOR_ID_MIGRATION, LEGAL_AID_CASE_MIGRATION } from './legalAidCase/legalAidCase.store.ts';

/** The legal-services database's migrations, applied in order; append, never edit. */
export const LEGAL_AID_MIGRATIONS: readonly string[] = [WORLD_IMPORT_MIGRATION, OUTBOX_MIGRATION, LEGAL_AID_CASE_MIGRATION, LEGAL_AID_ACTOR_ID_MIGRATION];
