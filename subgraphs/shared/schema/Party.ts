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

/** A party as an agency stores it, shown as `Party`: linked to a Person only when the party gave an ID number (then it has a token). */
export function partyOf(row: { role: PartyRole; name: string; personId: string | null }): Party {
  return { role: row.role, displayName: row.name, person: row.personId ? { id: row.personId } : null };
}
