import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MatterRef } from '../../shared/schema/matterReferences.ts';
import { Person } from '../../shared/schema/Person.ts';
import type { LegalAidContext } from '../context.ts';
import { legalAidCaseRef } from '../legalAidCase/legalAidCase.resolver.ts';
import { LegalAidCase } from '../legalAidCase/legalAidCase.type.ts';
import { listSize } from '../../shared/schema/cost.ts';

/** The legal-services slice of a person: always fresh, straight from this system. */
@Resolver(() => Person)
export class PersonLegalAidCasesResolver {
  // Nullable: the gateway can still return the rest of the person if legal aid fails.
  @FieldResolver(() => [LegalAidCase], { nullable: true, description: '此人作为当事人的司法行政事项（法律援助、人民调解、咨询、劳动仲裁；辖区内），新的在前' })
  @Directive(listSize({ assumedSize: 20 }))
  async legalAidCases(@Root() person: Person, @Ctx() ctx: LegalAidContext): Promise<MatterRef[]> {
    return (await ctx.loaders.casesOfPerson.load(person.id)).map(legalAidCaseRef);
  }
}
