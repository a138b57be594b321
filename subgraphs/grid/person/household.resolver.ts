import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Person } from '../../shared/schema/Person.ts';
import type { GridContext } from '../context.ts';
import { Household } from './person.type.ts';

@Resolver(() => Household)
export class HouseholdResolver {
  @FieldResolver(() => [Person])
  async members(@Root() household: Household, @Ctx() ctx: GridContext): Promise<Person[]> {
    const members = await ctx.loaders.members.load(household.id);
    for (const m of members) ctx.loaders.person.prime(m.id, m);
    return members.map((m) => ({ id: m.id }));
  }
}
