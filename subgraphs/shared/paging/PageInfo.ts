import { Directive, Field, ObjectType } from 'type-graphql';

// Every subgraph defines it identically: shareable, like the shared SDL's value types.
@ObjectType('PageInfo', { description: '分页信息' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean, { description: '是否还有下一页' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: '本页最后一条的游标，传给 after 取下一页' })
  endCursor!: string | null;
}
