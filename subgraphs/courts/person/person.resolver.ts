import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MatterRef } from '../../shared/schema/matterReferences.ts';
import { Person } from '../../shared/schema/Person.ts';
import type { CourtsContext } from '../context.ts';
import { courtCaseRef } from '../courtCase/courtCase.resolver.ts';
import { CourtCase } from '../courtCase/courtCase.type.ts';
import { listSize } from '../../shared/schema/cost.ts';

/** The courts' slice of a person: straight from the court's own records. */
@Resolver(() => Person)
export class PersonCourtCasesResolver {
  // Nullable: the gateway can still return the rest of the person if courts fails.
  @FieldResolver(() => [CourtCase], { nullable: true, description: '此人作为诉讼参加人的法院案件（辖区内），按收案时间由新到旧' })
  @Directive(listSize({ assumedSize: 20 }))
  async courtCases(@Root() person: Person, @Ctx() ctx: CourtsContext): Promise<MatterRef[]> {
    return (await ctx.loaders.casesOfPerson.load(person.id)).map(courtCaseRef);
  }
}
