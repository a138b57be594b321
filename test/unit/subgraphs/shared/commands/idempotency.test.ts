import { describe, expect, it } from 'vitest';
import { checkIdempotencyKey, replayedCaseCode, requestHash } from '../../../../../subgraphs/shared/commands/idempotency.ts';
import { thrown } from '../../../../support/thrown.ts';

describe('idempotent creation', () => {
  it('takes keys of 1 to 200 characters', () => {
    expect(() => checkIdempotencyKey('k')).not.toThrow();
    expect(() => checkIdempotencyKey('k'.repeat(200))).not.toThrow();
    expect(thrown(() => checkIdempotencyKey(''))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'idempotencyKey' });
    expect(thrown(() => checkIdempotencyKey('k'.repeat(201)))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('hashes the request as its JSON', () => {
    expect(requestHash({ a: 1 })).toBe(requestHash({ a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
    expect(requestHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('returns what a retry made, refuses the key for another request, and lets a new key through', () => {
    const hash = requestHash({ title: '邻里纠纷' });
    expect(replayedCaseCode(undefined, 'k1', hash, 'intake')).toBeNull();
    expect(replayedCaseCode({ caseCode: '420923-ZZ-2026-000001', requestHash: hash }, 'k1', hash, 'intake')).toBe('420923-ZZ-2026-000001');
    const conflict = () => replayedCaseCode({ caseCode: '420923-ZZ-2026-000001', requestHash: hash }, 'k1', requestHash({ title: '别的' }), 'intake');
    expect(thrown(conflict)?.extensions).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    // A row stored without a hash matches no request.
    expect(thrown(() => replayedCaseCode({ caseCode: '420923-ZZ-2026-000001', requestHash: null }, 'k1', hash, 'intake'))?.extensions).toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
    });
  });
});
