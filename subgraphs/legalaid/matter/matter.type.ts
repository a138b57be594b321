import { registerEnumType } from 'type-graphql';
import { createMatterReferenceTypes } from '../../shared/schema/matterReferences.ts';
import { labels } from '../../shared/world/labels.ts';
import { DISPUTE_CATEGORIES, type DisputeCategory } from '../../shared/world/records.ts';

/**
 * The key-only `Matter` interface this subgraph's `LegalAidCase` implements,
 * and the other agencies' types as key-only stubs: `origin` and
 * `confirmedBy` return references the owners resolve.
 */
export const { Matter, stubs: OtherAgencyMatters } = createMatterReferenceTypes('LegalAidCase');
export type Matter = InstanceType<typeof Matter>;

/**
 * The centre's normalised category, the same enum (name, values) as grid's:
 * composition merges the two, and grid uses it in inputs too, so the values
 * must match exactly (both come from DISPUTE_CATEGORIES).
 */
export const MatterCategory = Object.fromEntries(DISPUTE_CATEGORIES.map((c) => [c, c])) as { [K in DisputeCategory]: K };
registerEnumType(MatterCategory, {
  name: 'MatterCategory',
  description: '矛盾纠纷类别（各机构事项统一分类）',
  valuesConfig: Object.fromEntries(DISPUTE_CATEGORIES.map((c) => [c, { description: labels.category[c] }])),
});
