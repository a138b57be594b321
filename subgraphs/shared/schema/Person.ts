import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The Person entity as every subgraph declares it: the key and nothing else.
 * Each agency adds its own slice with field resolvers (`person.resolver.ts`),
 * so the five subgraphs declare Person the same way and no two agencies
 * share a field. `id` is the pseudonymous token, never the raw ID number.
 */
@ObjectType('Person')
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID)
  id!: string;
}

/**
 * `_entities` for Person, the same in every subgraph: every token is a
 * Person (another agency may name people this one does not hold), and the
 * subgraph's slice loads later, batched by the request's loaders.
 */
export function resolvePersonReference(ref: { id: string }): Person {
  return { id: ref.id };
}
