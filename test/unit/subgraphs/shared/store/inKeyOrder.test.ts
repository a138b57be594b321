import { describe, expect, it } from 'vitest';
import { caseCodesByPerson, groupByCaseCode, groupInKeyOrder, inKeyOrder } from '../../../../../subgraphs/shared/store/inKeyOrder.ts';

describe('answers in key order (DataLoader batches)', () => {
  it('gives one row per key, undefined where there is none', () => {
    const rows = [{ id: 'b' }, { id: 'a' }];
    expect(inKeyOrder(['a', 'x', 'b'], rows, (r) => r.id)).toEqual([{ id: 'a' }, undefined, { id: 'b' }]);
  });

  it('groups rows per key in the order read, an empty list for a key without rows', () => {
    const rows = [
      { owner: 'b', n: 1 },
      { owner: 'a', n: 2 },
      { owner: 'b', n: 3 },
      { owner: 'z', n: 4 },
    ];
    expect(groupInKeyOrder(['a', 'b', 'c'], rows, (r) => r.owner)).toEqual([[{ owner: 'a', n: 2 }], [{ owner: 'b', n: 1 }, { owner: 'b', n: 3 }], []]);
  });

  it('drops the case code child rows were read with', () => {
    const rows = [
      { caseCode: 'C2', step: 'RECEIVE' },
      { caseCode: 'C1', step: 'RECEIVE' },
      { caseCode: 'C1', step: 'FILE' },
    ];
    expect(groupByCaseCode(['C1', 'C2', 'C3'], rows)).toEqual([[{ step: 'RECEIVE' }, { step: 'FILE' }], [{ step: 'RECEIVE' }], []]);
  });

  it("lists each person's case codes in the order read", () => {
    const rows = [
      { personId: 'p1', caseCode: 'new' },
      { personId: 'p2', caseCode: 'other' },
      { personId: 'p1', caseCode: 'old' },
    ];
    expect(caseCodesByPerson(['p1', 'p2', 'p3'], rows)).toEqual([['new', 'old'], ['other'], []]);
  });
});
