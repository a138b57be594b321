import { Field, ObjectType } from 'type-graphql';
import { PartyRole } from './enums.ts';
import { Person } from './Person.ts';

/** A party to a matter; the SDL (with its descriptions) is schema/shared.graphql. */
@ObjectType('Party')
export class Party {
  @Field(() => PartyRole)
  role!: PartyRole;

  @Field(() => String)
  displayName!: string;

  @Field(() => Person, { nullable: true })
  person!: Person | null;
}
