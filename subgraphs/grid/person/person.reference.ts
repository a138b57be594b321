import type { Person } from '../../shared/schema/Person.ts';

/**
 * `_entities` for Person: every token is a Person (other agencies reach
 * people this register may not hold); its fields load in one batch.
 */
export function resolvePersonReference(ref: { id: string }): Person {
  return { id: ref.id };
}
