import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../shared/paging/PageInfo.ts';
import { Person } from '../../shared/schema/Person.ts';
import { listSize } from '../../shared/schema/cost.ts';

export const Gender = { MALE: 'MALE', FEMALE: 'FEMALE' } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];
registerEnumType(Gender, {
  name: 'Gender',
  description: '性别（由身份证号码第 17 位确定）',
  valuesConfig: { MALE: { description: '男' }, FEMALE: { description: '女' } },
});

@ObjectType('Division', { description: '行政区划' })
export class Division {
  @Field(() => ID, { description: '区划代码（县级 6 位，乡镇 9 位）' })
  code!: string;

  @Field(() => String, { nullable: true, description: '名称' })
  name!: string | null;
}

@ObjectType('GridCell', { description: '网格及其网格员' })
export class GridCell {
  @Field(() => ID, { description: '网格编码' })
  code!: string;

  @Field(() => String, { description: '网格名称' })
  name!: string;

  @Field(() => Division, { description: '所属乡镇（街道）' })
  town!: Division;

  @Field(() => String, { description: '网格员姓名' })
  workerName!: string;

  @Field(() => String, { description: '网格员联系电话' })
  workerPhone!: string;
}

@ObjectType('Household', { description: '户（网格员入户走访、建档立卡）' })
export class Household {
  @Field(() => ID, { description: '户编号' })
  id!: string;

  @Field(() => String, { description: '住址' })
  address!: string;

  @Field(() => [Person], { description: '户内成员' })
  @Directive(listSize({ assumedSize: 8 }))
  members!: Person[];
}

@ObjectType('PersonConnection', { description: '人员查询结果（分页）' })
export class PersonConnection {
  @Field(() => [Person], { description: '本页人员' })
  nodes!: Person[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: '符合条件的总数' })
  totalCount!: number;
}
