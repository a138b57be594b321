import { Pool } from 'undici';

export interface SubgraphPoolsOptions {
  /** Keep-alive connections per origin. */
  connections: number;
  /** Connect timeout; the fetch deadline bounds it too. */
  connectTimeoutMs: number;
}

/**
 * One undici `Pool` per subgraph origin, created on first use and kept
 * alive (keep-alive connections, no per-request agent work). Whoever creates
 * the pools closes them: the composition root, at shutdown.
 */
export class SubgraphPools {
  private readonly pools = new Map<string, Pool>();
  private closed = false;

  constructor(private readonly options: SubgraphPoolsOptions) {}

  /** The pool for a URL's origin. */
  for(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      if (this.closed) throw new Error('SubgraphPools is closed');
      pool = new Pool(origin, {
        connections: this.options.connections,
        pipelining: 1,
        keepAliveTimeout: 4_000,
        keepAliveMaxTimeout: 60_000,
        connect: { timeout: this.options.connectTimeoutMs },
        // A whole fetch is bounded by its deadline (one timer per fetch that
        // aborts the attempt in flight: sendWhole.ts), not by undici's timers.
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  origins(): string[] {
    return [...this.pools.keys()];
  }

  /**
   * Closes the pools of origins no longer in use (after a supergraph reload
   * moved a subgraph). `close()` lets requests in flight on them finish.
   */
  async retainOnly(origins: ReadonlySet<string>): Promise<void> {
    const stale = [...this.pools].filter(([origin]) => !origins.has(origin));
    for (const [origin] of stale) this.pools.delete(origin);
    await Promise.allSettled(stale.map(([, pool]) => pool.close()));
  }

  /** Closes every pool once its requests in flight have finished. */
  async close(): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.allSettled(pools.map((pool) => pool.close()));
  }
}
