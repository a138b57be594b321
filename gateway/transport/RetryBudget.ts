export interface RetryBudgetOptions {
  /** Each original call earns this fraction of a retry (0.2: retries add at most 20% load). */
  ratio: number;
  /** Retries always allowed per second, so that low traffic can still retry. */
  minPerSecond: number;
  /** Most retries that can be saved up. */
  maxTokens?: number;
  now?: () => number;
}

/**
 * A retry budget (as in Finagle and Envoy): retries are paid from a bucket
 * that original calls fill, so that when a subgraph struggles the gateway's
 * retries cannot multiply its load. A fixed number of retries per call would
 * double the traffic on a subgraph that is already failing.
 */
export class RetryBudget {
  private tokens: number;
  private lastRefill: number;
  private readonly maxTokens: number;
  private readonly now: () => number;

  constructor(private readonly options: RetryBudgetOptions) {
    this.now = options.now ?? Date.now;
    this.maxTokens = options.maxTokens ?? Math.max(10, options.minPerSecond * 2);
    this.tokens = Math.min(this.maxTokens, options.minPerSecond);
    this.lastRefill = this.now();
  }

  /** Called once per original (non-retry) call. */
  recordCall(): void {
    this.refill();
    this.tokens = Math.min(this.maxTokens, this.tokens + this.options.ratio);
  }

  /** Takes one retry from the budget; false when it is spent. */
  tryRetry(): boolean {
    this.refill();
    if (this.tokens < 1 - 1e-9) return false;
    this.tokens -= 1;
    return true;
  }

  private refill(): void {
    const now = this.now();
    const elapsed = now - this.lastRefill;
    if (elapsed <= 0) return;
    this.lastRefill = now;
    this.tokens = Math.min(this.maxTokens, this.tokens + (elapsed / 1000) * this.options.minPerSecond);
  }
}
