export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one probe is let through. */
  cooldownMs: number;
  /** Clock, for tests. */
  now?: () => number;
  onStateChange?: (state: CircuitState, previous: CircuitState) => void;
}

/**
 * One subgraph's circuit breaker. Closed: every call goes through and
 * consecutive failures are counted; at the threshold it opens. Open: calls are
 * refused at once (they would only pile up on a subgraph that is down) until
 * the cool-down has passed; then it is half-open and lets exactly one call
 * through as a probe. The probe's success closes the circuit, its failure
 * opens it again for another cool-down.
 *
 * Usage: `const permit = breaker.tryAcquire(); if (!permit) fail fast;`
 * then `permit.success()` or `permit.failure()` exactly once. A permit that is
 * neither (the caller gave up for a reason that says nothing about the
 * subgraph) is released with `permit.release()`.
 */
export class CircuitBreaker {
  private currentState: CircuitState = 'closed';
  private consecutiveFailures = 0;
  private openedAt = 0;
  private probeInFlight = false;
  /** Bumped whenever the circuit opens: outcomes of calls let through before are stale. */
  private epoch = 0;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The state as a caller would see it now (an expired open circuit reads as half-open). */
  get state(): CircuitState {
    if (this.currentState === 'open' && this.now() - this.openedAt >= this.options.cooldownMs) return 'half-open';
    return this.currentState;
  }

  get failures(): number {
    return this.consecutiveFailures;
  }

  tryAcquire(): CircuitPermit | undefined {
    if (this.currentState === 'open') {
      if (this.now() - this.openedAt < this.options.cooldownMs) return undefined;
      this.transition('half-open');
    }
    if (this.currentState === 'half-open') {
      if (this.probeInFlight) return undefined;
      this.probeInFlight = true;
      return this.permit(true);
    }
    return this.permit(false);
  }

  private permit(isProbe: boolean): CircuitPermit {
    return new Permit(this, isProbe, this.epoch);
  }

  /** A permit's outcome (Permit calls this once): a call that started before the circuit opened says nothing about now. */
  settle(permit: Permit, outcome: 'success' | 'failure' | 'release'): void {
    if (permit.isProbe) this.probeInFlight = false;
    if (permit.epoch !== this.epoch) return;
    if (outcome === 'success') this.onSuccess();
    else if (outcome === 'failure') this.onFailure(permit.isProbe);
  }

  private onSuccess(): void {
    this.consecutiveFailures = 0;
    if (this.currentState !== 'closed') this.transition('closed');
  }

  private onFailure(isProbe: boolean): void {
    this.consecutiveFailures++;
    if (isProbe || (this.currentState === 'closed' && this.consecutiveFailures >= this.options.failureThreshold)) {
      this.openedAt = this.now();
      this.epoch++;
      this.transition('open');
    }
  }

  private transition(next: CircuitState): void {
    const previous = this.currentState;
    if (previous === next) return;
    this.currentState = next;
    this.options.onStateChange?.(next, previous);
  }
}

export interface CircuitPermit {
  readonly isProbe: boolean;
  success(): void;
  failure(): void;
  release(): void;
}

/** One call's permit: an object, not closures, since every subgraph fetch takes one. */
class Permit implements CircuitPermit {
  private settled = false;

  constructor(
    private readonly breaker: CircuitBreaker,
    readonly isProbe: boolean,
    /** The breaker's epoch when the call started. */
    readonly epoch: number,
  ) {}

  success(): void {
    this.once('success');
  }

  failure(): void {
    this.once('failure');
  }

  release(): void {
    this.once('release');
  }

  private once(outcome: 'success' | 'failure' | 'release'): void {
    if (this.settled) return;
    this.settled = true;
    this.breaker.settle(this, outcome);
  }
}
