import { describe, expect, it } from 'vitest';
import { PlanCache } from '../../../../gateway/supergraph/PlanCache.ts';

describe('PlanCache', () => {
  it('counts hits and misses and evicts the least recently used plan', async () => {
    let hits = 0;
    let misses = 0;
    const cache = new PlanCache({ maxEntries: 2, onHit: () => hits++, onMiss: () => misses++ });
    const plan = (n: number) => ({ kind: 'QueryPlan', node: undefined, n }) as never;
    expect(await cache.get('a')).toBeUndefined();
    await cache.set('a', plan(1));
    await cache.set('b', plan(2));
    expect(await cache.get('a')).toEqual(plan(1)); // a is now the most recent
    await cache.set('c', plan(3)); // evicts b
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBeDefined();
    expect(await cache.get('c')).toBeDefined();
    expect({ hits, misses, size: cache.size }).toEqual({ hits: 3, misses: 2, size: 2 });
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
