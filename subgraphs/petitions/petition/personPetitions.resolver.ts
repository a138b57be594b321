import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Person } from '../../shared/schema/Person.ts';
import { Scope, requiresScope } from '../../shared/schema/scopes.ts';
import type { PetitionsContext } from '../context.ts';
import type { PetitionRow } from './petition.store.ts';
import { Petition } from './petition.type.ts';
import { listSize } from '../../shared/schema/cost.ts';

async function rows(ctx: PetitionsContext, codes: string[]): Promise<PetitionRow[]> {
  return (await ctx.loaders.petition.loadMany(codes)).filter((r): r is PetitionRow => r !== undefined && !(r instanceof Error));
}

/** The petitions slice of Person, always fresh from this agency's own records. */
@Resolver(() => Person)
export class PersonPetitionsResolver {
  // Nullable: the gateway can still return the rest of the person if petitions fails.
  @FieldResolver(() => [Petition], { nullable: true, description: '此人作为信访人或被反映人的信访事项（辖区内），新的在前（不含其作为控告人的检举控告）' })
  @Directive(listSize({ assumedSize: 20 }))
  async petitions(@Root() person: Person, @Ctx() ctx: PetitionsContext): Promise<PetitionRow[]> {
    return rows(ctx, await ctx.loaders.petitionsOfPerson.load(person.id));
  }

  @FieldResolver(() => [Petition], { nullable: true, description: '此人作为控告人提出的检举控告（控告人身份保密，需 petitions:accuser 权限）' })
  @Directive(requiresScope(Scope.PETITION_ACCUSER))
  @Directive(listSize({ assumedSize: 20 }))
  async petitionAccusations(@Root() person: Person, @Ctx() ctx: PetitionsContext): Promise<PetitionRow[]> {
    return rows(ctx, await ctx.loaders.accusationsOfPerson.load(person.id));
  }
}
