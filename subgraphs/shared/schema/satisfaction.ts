import { registerEnumType } from 'type-graphql';
import { labels } from '../world/labels.ts';
import type { Satisfaction as SatisfactionRecord } from '../world/records.ts';

/**
 * A rating of how a matter was handled: the centre's return visit (回访) and
 * a petitioner's rating of the answer use the same scale, and composition
 * merges the two subgraphs' enum, so it is declared once. Importing this
 * file registers it, once per subgraph process.
 */
export const Satisfaction = {
  SATISFIED: 'SATISFIED',
  BASICALLY_SATISFIED: 'BASICALLY_SATISFIED',
  DISSATISFIED: 'DISSATISFIED',
} as const satisfies { [K in SatisfactionRecord]: K };
export type Satisfaction = (typeof Satisfaction)[keyof typeof Satisfaction];
registerEnumType(Satisfaction, {
  name: 'Satisfaction',
  description: '回访满意度',
  valuesConfig: Object.fromEntries(Object.values(Satisfaction).map((s) => [s, { description: labels.satisfaction[s] }])),
});
