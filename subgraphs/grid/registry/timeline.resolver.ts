import { Arg, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { decodeAfter, pageSize } from '../../shared/paging/cursor.ts';
import { PageInfo } from '../../shared/paging/PageInfo.ts';
import { toConnection } from '../../shared/paging/toConnection.ts';
import { Agency } from '../../shared/schema/enums.ts';
import { Person } from '../../shared/schema/Person.ts';
import type { GridContext } from '../context.ts';
import { matterRef } from './matter.resolver.ts';
import { Matter, type MatterRef } from './matter.type.ts';
import { CONNECTION_LIST_SIZE, cost } from '../../shared/schema/cost.ts';

@ObjectType('MatterConnection', { description: '事项列表（分页）', simpleResolvers: true })
export class MatterConnection {
  @Field(() => [Matter], { description: '本页事项' })
  nodes!: MatterRef[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: '符合条件的总数' })
  totalCount!: number;
}

@Resolver(() => Person)
export class TimelineResolver {
  // Nullable: the gateway can still return the rest of the person if grid fails.
  @FieldResolver(() => MatterConnection, { nullable: true, description: '此人在各机构的全部事项（辖区内），按受理时间由新到旧，可按机构筛选' })
  @Directive(CONNECTION_LIST_SIZE)
  @Directive(cost(5))
  timeline(
    @Root() person: Person,
    @Ctx() ctx: GridContext,
    @Arg('agencies', () => [Agency], { nullable: true, description: '只看这些机构的事项' }) agencies?: Agency[] | null,
    @Arg('first', () => Int, { nullable: true, description: '每页条数，1–100，默认 20' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '上一页的 endCursor' }) after?: string | null,
  ): MatterConnection {
    const page = ctx.registry.timeline(person.id, agencies ?? null, ctx.jurisdiction, pageSize(first), decodeAfter(after));
    for (const row of page.rows) ctx.loaders.matter.prime(row.caseCode, row);
    return toConnection(page, (r) => [r.openedAt, r.caseCode], (r) => matterRef(r.caseCode, r));
  }
}
