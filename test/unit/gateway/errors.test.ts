import { describe, expect, it } from 'vitest';
import { ErrorCode, PassThroughErrorCode, SubgraphFailureReason, subgraphError } from '../../../gateway/errors.ts';

describe('the error catalogue', () => {
  it('has unique codes, each equal to its key', () => {
    const all = [...Object.entries(ErrorCode), ...Object.entries(PassThroughErrorCode)];
    for (const [key, value] of all) expect(value).toBe(key);
    expect(new Set(all.map(([, v]) => v)).size).toBe(all.length);
  });

  it('a subgraph failure names the agency and the subgraph, never a URL', () => {
    const error = subgraphError({ code: ErrorCode.SUBGRAPH_TIMEOUT, reason: SubgraphFailureReason.TIMEOUT, subgraph: 'police', agency: 'POLICE' });
    expect(error.extensions).toEqual({ code: 'SUBGRAPH_TIMEOUT', reason: 'TIMEOUT', agency: 'POLICE', subgraph: 'police' });
    expect(error.message).toContain('POLICE');
    expect(error.message).not.toMatch(/https?:/);
  });

  it('a failed mutation says it may have been applied', () => {
    const error = subgraphError({
      code: ErrorCode.SUBGRAPH_UNAVAILABLE,
      reason: SubgraphFailureReason.CONNECTION_FAILED,
      subgraph: 'petitions',
      agency: 'PETITIONS',
      mutation: true,
    });
    expect(error.message).toMatch(/may or may not have been applied/);
  });
});
