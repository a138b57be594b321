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
