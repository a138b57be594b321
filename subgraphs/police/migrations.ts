import { OUTBOX_MIGRATION } from '../shared/feed/outbox.ts';
import { WORLD_IMPORT_MIGRATION } from '../shared/world/importWorldFile.ts';
import { INCIDENT_NUMBER_MIGRATION } from './incident/incidentNumber.ts';
import { INCIDENT_ACTOR_ID_MIGRATION, INCIDENT_MIGRATION } from './incident/incident.store.ts';

/** The police database's migrations, applied in order; append, never edit. */
export const POLICE_MIGRATIONS: readonly string[] = [
  WORLD_IMPORT_MIGRATION,
  OUTBOX_MIGRATION,
  INCIDENT_MIGRATION,
  INCIDENT_NUMBER_MIGRATION,
  INCIDENT_ACTOR_ID_MIGRATION,
];
