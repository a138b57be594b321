import type { Person } from '../../shared/schema/Person.ts';

/** `_entities` for Person: any token is a person; `courtCases` loads in one batch. */
export function resolvePersonReference(ref: { id: string }): Person {
  return { id: ref.id };
}
