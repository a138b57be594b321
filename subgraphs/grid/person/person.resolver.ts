import { Arg, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Person } from '../../shared/schema/Person.ts';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: '按人员标识查询人员' })
  person(@Arg('id', () => ID) id: string): Person | null {
    return id ? { id } : null;
  }

  @FieldResolver(() => String, { description: '姓名' })
  name(@Root() person: Person): string {
    return person.id;
  }
}
