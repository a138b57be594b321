import { describe, expect, it } from 'vitest';
import { countTokens } from '../../../../gateway/limits/countTokens.ts';

describe('countTokens', () => {
  it('counts lexical tokens, not comments', () => {
    expect(countTokens('{ a b(c: 1) }', 100)).toEqual({ count: 9, unreadable: false });
    expect(countTokens('# just a comment\n{ a }', 100).count).toBe(3);
  });

  it('stops one token past the limit: a 100k-token bomb costs no more than the limit', () => {
    const bomb = `{ ${'a '.repeat(100_000)}}`;
    const started = performance.now();
    expect(countTokens(bomb, 1000)).toEqual({ count: 1001, unreadable: false });
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('reports an unreadable document instead of throwing', () => {
    expect(countTokens('{ a \u0007 }', 100)).toEqual({ count: 2, unreadable: true });
  });
});
