import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { MatterCategory } from '../../../../../subgraphs/shared/schema/matterCategory.ts';
import { Satisfaction } from '../../../../../subgraphs/shared/schema/satisfaction.ts';
import { labels } from '../../../../../subgraphs/shared/world/labels.ts';
import { DISPUTE_CATEGORIES } from '../../../../../subgraphs/shared/world/records.ts';

describe('enums every subgraph serves', () => {
  it('takes MatterCategory from the world contract, in its order', () => {
    expect(Object.values(MatterCategory)).toEqual([...DISPUTE_CATEGORIES]);
    expect(Object.keys(labels.category)).toEqual([...DISPUTE_CATEGORIES]);
  });

  it('has a label for every satisfaction value', () => {
    expect(Object.values(Satisfaction)).toEqual(['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED']);
    expect(Object.keys(labels.satisfaction)).toEqual(Object.values(Satisfaction));
  });
});
