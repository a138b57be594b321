import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type CircuitState } from '../../../../gateway/transport/CircuitBreaker.ts';

function breaker(failureThreshold = 3, cooldownMs = 1000) {
  let now = 0;
  const transitions: CircuitState[] = [];
  const b = new CircuitBreaker({ failureThreshold, cooldownMs, now: () => now, onStateChange: (s) => transitions.push(s) });
  return { b, transitions, advance: (ms: number) => (now += ms) };
}

const fail = (b: CircuitBreaker) => b.tryAcquire()!.failure();
const succeed = (b: CircuitBreaker) => b.tryAcquire()!.success();

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures and then refuses calls', () => {
    const { b, transitions } = breaker(3);
    fail(b);
    fail(b);
    expect(b.state).toBe('closed');
    fail(b);
    expect(b.state).toBe('open');
    expect(b.tryAcquire()).toBeUndefined();
    expect(transitions).toEqual(['open']);
  });

  it('counts only consecutive failures: a success resets the count', () => {
    const { b } = breaker(3);
    fail(b);
    fail(b);
    succeed(b);
    fail(b);
    fail(b);
    expect(b.state).toBe('closed');
  });

  it('lets exactly one probe through after the cool-down; its success closes the circuit', () => {
    const { b, transitions, advance } = breaker(1, 1000);
    fail(b);
    advance(999);
    expect(b.tryAcquire()).toBeUndefined();
    advance(1);
    expect(b.state).toBe('half-open');
    const probe = b.tryAcquire()!;
    expect(probe.isProbe).toBe(true);
    expect(b.tryAcquire()).toBeUndefined();
    probe.success();
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBeDefined();
    expect(transitions).toEqual(['open', 'half-open', 'closed']);
  });

  it('a failed probe opens the circuit for another cool-down', () => {
    const { b, advance } = breaker(1, 1000);
    fail(b);
    advance(1000);
    b.tryAcquire()!.failure();
    expect(b.state).toBe('open');
    advance(500);
    expect(b.tryAcquire()).toBeUndefined();
    advance(500);
    expect(b.tryAcquire()?.isProbe).toBe(true);
  });

  it('a released probe frees the probe slot without changing the state', () => {
    const { b, advance } = breaker(1, 10);
    fail(b);
    advance(10);
    b.tryAcquire()!.release();
    expect(b.tryAcquire()?.isProbe).toBe(true);
  });

  it('ignores the outcome of calls that started before the circuit opened', () => {
    const { b } = breaker(2);
    const early = b.tryAcquire()!;
    fail(b);
    fail(b);
    expect(b.state).toBe('open');
    early.success();
    expect(b.state).toBe('open');
  });

  it('settles a permit once', () => {
    const { b } = breaker(2);
    const permit = b.tryAcquire()!;
    permit.failure();
    permit.failure();
    expect(b.failures).toBe(1);
  });
});
