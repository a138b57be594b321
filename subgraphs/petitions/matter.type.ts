import { registerEnumType } from 'type-graphql';
import { createMatterReferenceTypes } from '../shared/schema/matterReferences.ts';
import { labels } from '../shared/world/labels.ts';
import { DISPUTE_CATEGORIES, type DisputeCategory } from '../shared/world/records.ts';

/**
 * The key-only `Matter` interface a petition implements, and the other four
 * agencies' types as key-only stubs, so `origin`, `repeatOf` and a
 * diversion's follow-up can point at any agency's matter by case code.
 */
export const { Matter, stubs: OTHER_AGENCY_MATTERS } = createMatterReferenceTypes('Petition');

/**
 * The centre's category, the same enum (same values) as every agency's:
 * composition merges the declarations, so they must not drift; the values
 * come from the world contract.
 */
export const MatterCategory = Object.fromEntries(DISPUTE_CATEGORIES.map((c) => [c, c])) as { [K in DisputeCategory]: K };
registerEnumType(MatterCategory, {
  name: 'MatterCategory',
  description: '矛盾纠纷类别（各机构事项统一分类）',
  valuesConfig: Object.fromEntries(DISPUTE_CATEGORIES.map((c) => [c, { description: labels.category[c] }])),
});
