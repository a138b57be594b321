import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { MatterCategory } from '../../shared/schema/matterCategory.ts';
import type { DisputeCategory } from '../../shared/world/records.ts';
import { Tier } from '../dispute/dispute.enums.ts';
import { listSize } from '../../shared/schema/cost.ts';

@ObjectType('TierShare', { description: '各层级化解情况' })
export class TierShare {
  @Field(() => Tier, { description: '层级' })
  tier!: Tier;

  @Field(() => Int, { description: '在该层级化解的件数' })
  resolved!: number;

  @Field(() => Float, { nullable: true, description: '占化解总数的比例（0–1）' })
  share!: number | null;
}

@ObjectType('CategoryStats', { description: '分类别统计' })
export class CategoryStats {
  @Field(() => MatterCategory, { description: '类别' })
  category!: DisputeCategory;

  @Field(() => Int, { description: '受理数' })
  accepted!: number;

  @Field(() => Int, { description: '化解数' })
  resolved!: number;
}

@ObjectType('CenterStats', { description: '综治中心工作统计（按受理时间统计期内的工单）' })
export class CenterStats {
  @Field(() => Int, { description: '受理数' })
  accepted!: number;

  @Field(() => Int, { description: '办结数' })
  closed!: number;

  @Field(() => Int, { description: '化解数' })
  resolved!: number;

  @Field(() => Float, { nullable: true, description: '化解率 = 化解数 / 受理数' })
  resolutionRate!: number | null;

  @Field(() => Float, { nullable: true, description: '办结率 = 按期办结数 / 受理数' })
  onTimeClosureRate!: number | null;

  @Field(() => Float, { nullable: true, description: '满意率 = （满意 + 基本满意）/ 已回访数' })
  satisfactionRate!: number | null;

  @Field(() => [TierShare], { description: '村、乡镇、县各层级化解占比' })
  @Directive(listSize({ assumedSize: 3 }))
  byTier!: TierShare[];

  @Field(() => [CategoryStats], { description: '分类别受理与化解' })
  @Directive(listSize({ assumedSize: 11 }))
  byCategory!: CategoryStats[];

  @Field(() => Int, { description: '当前超期未办结工单数（不限统计期）' })
  overdueNow!: number;
}
