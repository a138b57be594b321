import { registerEnumType } from 'type-graphql';
import { createMatterReferenceTypes } from '../../shared/schema/matterReferences.ts';
import { labels } from '../../shared/world/labels.ts';
import { DISPUTE_CATEGORIES, type DisputeCategory } from '../../shared/world/records.ts';

/**
 * `Matter` as this subgraph declares it (key-only, resolved by its owners)
 * and the other agencies' types as key-only stubs, so `origin` and
 * `confirms` can name any agency's matter. Made once per process.
 */
export const { Matter, stubs: MATTER_STUBS } = createMatterReferenceTypes('CourtCase');

/**
 * The centre's categories, the same enum every subgraph serves (values and
 * order from records.ts, so composition sees one definition).
 */
export const MatterCategory = Object.fromEntries(DISPUTE_CATEGORIES.map((c) => [c, c])) as { [K in DisputeCategory]: K };
registerEnumType(MatterCategory, {
  name: 'MatterCategory',
  description: '矛盾纠纷类别（各机构事项统一分类）',
  valuesConfig: Object.fromEntries(DISPUTE_CATEGORIES.map((c) => [c, { description: labels.category[c] }])),
});
