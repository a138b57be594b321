import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../../gateway/cache/LruCache.ts';
import { TokenBuckets } from '../../../../gateway/limits/TokenBuckets.ts';

describe('TokenBuckets', () => {
  it('allows a burst, then refuses with the seconds until the next token', () => {
    const buckets = new TokenBuckets(3, 60); // one token a second
    expect([1, 2, 3].map(() => buckets.take('u', 0).ok)).toEqual([true, true, true]);
    expect(buckets.take('u', 0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.take('u', 1000)).toMatchObject({ ok: true });
    expect(buckets.take('other', 1000)).toMatchObject({ ok: true, remaining: 2 });
  });

  it('refills continuously up to the capacity', () => {
    const buckets = new TokenBuckets(2, 6); // one token per 10 s
    buckets.take('u', 0);
    buckets.take('u', 0);
    expect(buckets.take('u', 4000)).toEqual({ ok: false, retryAfterSeconds: 6 });
    expect(buckets.take('u', 1_000_000)).toEqual({ ok: true, remaining: 1 });
  });

  it('keeps a bounded number of buckets', () => {
    const buckets = new TokenBuckets(1, 1, 2);
    buckets.take('a', 0);
    buckets.take('b', 0);
    buckets.take('c', 0); // drops a
    expect(buckets.take('a', 0).ok).toBe(true);
    expect(buckets.take('c', 0).ok).toBe(false);
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });
});
