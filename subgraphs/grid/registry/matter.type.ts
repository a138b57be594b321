import { Directive, Field, ID, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { Agency } from '../../shared/schema/enums.ts';
import { MatterCategory } from '../../shared/schema/matterCategory.ts';
import { DateTimeScalar } from '../../shared/schema/scalars.ts';
import type { DisputeCategory } from '../../shared/world/records.ts';
import { listSize } from '../../shared/schema/cost.ts';
import type { MatterSummaryRow } from './registry.store.ts';

export const MatterStatus = {
  OPEN: 'OPEN',
  IN_PROGRESS: 'IN_PROGRESS',
  RESOLVED: 'RESOLVED',
  UNRESOLVED: 'UNRESOLVED',
  TRANSFERRED: 'TRANSFERRED',
  REFUSED: 'REFUSED',
} as const;
export type MatterStatus = (typeof MatterStatus)[keyof typeof MatterStatus];
registerEnumType(MatterStatus, {
  name: 'MatterStatus',
  description: '各机构事项的统一状态',
  valuesConfig: {
    OPEN: { description: '已受理，尚未办理' },
    IN_PROGRESS: { description: '办理中' },
    RESOLVED: { description: '已化解（调解协议、判决、决定、裁决等办结）' },
    UNRESOLVED: { description: '未化解即终结（调解不成等，未移交）' },
    TRANSFERRED: { description: '已移交其他机构或程序办理' },
    REFUSED: { description: '不予受理（信访不予受理、法律援助不予援助、不予立案）' },
  },
});

/**
 * What every Matter root value carries: its type and code; the rest is
 * loaded, unless the row came with it (a timeline page's matters: their
 * summary needs no loader round).
 */
export interface MatterRef {
  __typename: string;
  caseCode: string;
  row?: MatterSummaryRow;
}

// Plain data: graphql reads each field as a property, without a type-graphql wrapper per field.
@ObjectType('MatterSummary', { description: '综治中心登记的事项摘要（一案一码索引）', simpleResolvers: true })
export class MatterSummary {
  @Field(() => String, { description: '标题' })
  title!: string;

  @Field(() => MatterCategory, { description: '类别' })
  category!: DisputeCategory;

  @Field(() => MatterStatus, { description: '统一状态' })
  status!: MatterStatus;

  @Field(() => DateTimeScalar, { description: '受理时间' })
  openedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '办结时间' })
  closedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '办理期限' })
  dueAt!: string | null;

  @Field(() => Boolean, { description: '是否超期：已过办理期限仍未办结，或办结晚于期限' })
  overdue!: boolean;
}

@InterfaceType('Matter', {
  description: '任一机构的事项。案件编码（一案一码）标明所属机构：ZZ 综治中心、XF 信访、GA 公安、FY 法院、SF 司法行政。',
  resolveType: (value: MatterRef) => value.__typename,
})
@Directive('@key(fields: "caseCode")')
export abstract class Matter {
  @Field(() => ID, { description: '案件编码，如 420923-XF-2025-000123', simple: true })
  caseCode!: string;

  @Field(() => Agency, { description: '所属机构' })
  agency!: Agency;

  @Field(() => MatterSummary, { description: '综治中心登记的摘要' })
  summary!: MatterSummary;

  @Field(() => [Matter], { description: '关联事项（双向）' })
  @Directive(listSize({ assumedSize: 5 }))
  related!: Matter[];
}

// Other agencies' matter types as the registry knows them: the interface
// fields only, all answered from the registry; each owner adds the rest.

@ObjectType('Petition', { implements: Matter, description: '信访事项' })
@Directive('@key(fields: "caseCode")')
export class PetitionEntry extends Matter {}

@ObjectType('PoliceIncident', { implements: Matter, description: '110 警情' })
@Directive('@key(fields: "caseCode")')
export class PoliceIncidentEntry extends Matter {}

@ObjectType('CourtCase', { implements: Matter, description: '法院案件' })
@Directive('@key(fields: "caseCode")')
export class CourtCaseEntry extends Matter {}

@ObjectType('LegalAidCase', { implements: Matter, description: '法律援助、人民调解与劳动仲裁事项' })
@Directive('@key(fields: "caseCode")')
export class LegalAidCaseEntry extends Matter {}
