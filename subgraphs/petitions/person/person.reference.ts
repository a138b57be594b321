import type { Person } from '../../shared/schema/Person.ts';

/** `_entities` for Person: every token is a Person here; its petitions load in one batch. */
export function resolvePersonReference(ref: { id: string }): Person {
  return { id: ref.id };
}
