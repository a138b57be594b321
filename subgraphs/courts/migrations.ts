import { OUTBOX_MIGRATION } from '../shared/feed/outbox.ts';
import { WORLD_IMPORT_MIGRATION } from '../shared/world/importWorldFile.ts';
import { CASE_NUMBER_MIGRATION } from './courtCase/caseNumberAllocator.ts';
import { COURT_CASE_ACTOR_ID_MIGRATION, COURT_CASE_MIGRATION } from './courtCase/courtCase.store.ts';

/** The courts database's migrations, applied in order; append, never edit. */
export const COURTS_MIGRATIONS: readonly string[] = [
  WORLD_IMPORT_MIGRATION,
  OUTBOX_MIGRATION,
  COURT_CASE_MIGRATION,
  CASE_NUMBER_MIGRATION,
  COURT_CASE_ACTOR_ID_MIGRATION,
];
