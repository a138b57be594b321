import { describe, expect, it } from 'vitest';
import { checkTownDivision, optionalCaseCode, requireText } from '../../../../../subgraphs/shared/commands/arguments.ts';
import { thrown } from '../../../../support/thrown.ts';

describe('mutation arguments', () => {
  it('requires non-empty text and trims it', () => {
    expect(requireText('  调解室 ', 'place')).toBe('调解室');
    expect(thrown(() => requireText('  ', 'place'))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'place' });
    expect(thrown(() => requireText(null, 'reason', 'the reason for diverting'))?.message).toBe('the reason for diverting must not be empty');
    expect(thrown(() => requireText(undefined, 'title'))?.message).toBe('title must not be empty');
  });

  it('takes a known 9-digit town as a division', () => {
    expect(() => checkTownDivision('420923100')).not.toThrow();
    expect(thrown(() => checkTownDivision('420923'))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'division' });
    expect(thrown(() => checkTownDivision('999999999'))?.extensions).toMatchObject({ argumentName: 'division' });
  });

  it('takes an optional case code, trimmed', () => {
    expect(optionalCaseCode(null, 'origin')).toBeNull();
    expect(optionalCaseCode('', 'origin')).toBeNull();
    expect(optionalCaseCode(' 420923-ZZ-2026-000001 ', 'origin')).toBe('420923-ZZ-2026-000001');
    expect(thrown(() => optionalCaseCode('ZZ-1', 'followUp'))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'followUp' });
  });
});
