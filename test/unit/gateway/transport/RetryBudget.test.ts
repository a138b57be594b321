import { describe, expect, it } from 'vitest';
import { RetryBudget } from '../../../../gateway/transport/RetryBudget.ts';

describe('RetryBudget', () => {
  it('allows the minimum per second even without traffic, then refills with time', () => {
    let now = 0;
    const budget = new RetryBudget({ ratio: 0.2, minPerSecond: 2, now: () => now });
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(false);
    now += 500;
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(false);
  });

  it('earns retries from calls: at most `ratio` extra load', () => {
    const now = 0;
    const budget = new RetryBudget({ ratio: 0.2, minPerSecond: 0, now: () => now });
    for (let i = 0; i < 100; i++) budget.recordCall();
    let retries = 0;
    while (budget.tryRetry()) retries++;
    // 100 calls at 20% earn 20 retries, capped by the bucket (10 by default).
    expect(retries).toBe(10);
    for (let i = 0; i < 10; i++) budget.recordCall();
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(false);
  });
});
