import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { partyOf } from '../../../../../subgraphs/shared/schema/Party.ts';

describe('parties', () => {
  it('links a party to a Person only through its token', () => {
    expect(partyOf({ role: 'APPLICANT', name: '张伟', personId: 'tok' })).toEqual({ role: 'APPLICANT', displayName: '张伟', person: { id: 'tok' } });
    expect(partyOf({ role: 'RESPONDENT', name: '某公司', personId: null })).toEqual({ role: 'RESPONDENT', displayName: '某公司', person: null });
  });
});
