import type { GatewayConfig } from '@apollo/gateway';

// Types from @apollo/gateway's own config (the cache it hands its query planner).
type QueryPlanCache = NonNullable<NonNullable<GatewayConfig['queryPlannerConfig']>['cache']>;
type QueryPlan = NonNullable<Awaited<ReturnType<QueryPlanCache['get']>>>;

export interface PlanCacheOptions {
  /** Most plans kept; the least recently used goes first. */
  maxEntries: number;
  onHit?: () => void;
  onMiss?: () => void;
}

/**
 * The query-plan cache of one supergraph generation (@apollo/gateway's
 * `queryPlannerConfig.cache`), counting hits and misses for the metrics. It
 * bounds plans by count: the stock cache sizes every plan by serialising it
 * to JSON on each store, which costs more than the bound is worth.
 */
export class PlanCache implements QueryPlanCache {
  private readonly plans = new Map<string, QueryPlan>();

  constructor(private readonly options: PlanCacheOptions) {}

  async get(key: string): Promise<QueryPlan | undefined> {
    const plan = this.plans.get(key);
    if (plan === undefined) {
      this.options.onMiss?.();
      return undefined;
    }
    // Map keeps insertion order: re-inserting marks it most recently used.
    this.plans.delete(key);
    this.plans.set(key, plan);
    this.options.onHit?.();
    return plan;
  }

  async set(key: string, plan: QueryPlan): Promise<void> {
    this.plans.delete(key);
    this.plans.set(key, plan);
    while (this.plans.size > this.options.maxEntries) {
      const oldest = this.plans.keys().next().value;
      if (oldest === undefined) break;
      this.plans.delete(oldest);
    }
  }

  async delete(key: string): Promise<boolean> {
    return this.plans.delete(key);
  }

  clear(): void {
    this.plans.clear();
  }

  get size(): number {
    return this.plans.size;
  }
}
