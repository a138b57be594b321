import { registerEnumType } from 'type-graphql';
import { labels } from '../world/labels.ts';
import { DISPUTE_CATEGORIES, type DisputeCategory } from '../world/records.ts';

/**
 * The centre's normalised category of every agency's matter. Each subgraph
 * serves it, and composition requires an enum used in inputs to be the same
 * everywhere, so it is declared once: values (in order) from the world
 * contract, descriptions from its labels. Importing this file registers it,
 * once per subgraph process.
 */
export const MatterCategory = Object.fromEntries(DISPUTE_CATEGORIES.map((c) => [c, c])) as { [K in DisputeCategory]: K };
registerEnumType(MatterCategory, {
  name: 'MatterCategory',
  description: '矛盾纠纷类别（各机构事项统一分类）',
  valuesConfig: Object.fromEntries(DISPUTE_CATEGORIES.map((c) => [c, { description: labels.category[c] }])),
});
