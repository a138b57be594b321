import type { SubgraphPools } from '../transport/SubgraphPools.ts';

export interface ProbeResult {
  reachable: boolean;
  /** HTTP status when there was an answer. */
  status?: number;
  latencyMs: number;
  /** Why it is not reachable (error code), for operators. */
  error?: string;
  checkedAt: string;
}

export interface SubgraphProbeOptions {
  pools: SubgraphPools;
  /** How long a result is reused: /ready may be polled often, subgraphs should not feel it. */
  cacheMs: number;
  timeoutMs: number;
  /** Our subgraphs serve GET /health; a foreign subgraph gets a `{ __typename }` query. */
  hasHealthRoute: (subgraphName: string) => boolean;
}

/**
 * Cheap reachability checks for /ready, cached for a few seconds and shared
 * by concurrent callers. They do not go through the circuit breaker and do
 * not change it: the breaker judges real traffic.
 */
export class SubgraphProbe {
  private readonly cache = new Map<string, { at: number; result: Promise<ProbeResult> }>();

  constructor(private readonly options: SubgraphProbeOptions) {}

  probe(name: string, url: string): Promise<ProbeResult> {
    const key = `${name} ${url}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < this.options.cacheMs) return cached.result;
    const result = this.check(name, url);
    this.cache.set(key, { at: Date.now(), result });
    return result;
  }

  private async check(name: string, url: string): Promise<ProbeResult> {
    const started = performance.now();
    const target = new URL(url);
    const health = this.options.hasHealthRoute(name);
    const done = (fields: Omit<ProbeResult, 'latencyMs' | 'checkedAt'>): ProbeResult => ({
      ...fields,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      checkedAt: new Date().toISOString(),
    });
    try {
      const response = await this.options.pools.for(target.origin).request({
        method: health ? 'GET' : 'POST',
        path: health ? '/health' : `${target.pathname}${target.search}`,
        headers: health ? {} : { 'content-type': 'application/json', accept: 'application/json' },
        ...(health ? {} : { body: JSON.stringify({ query: '{ __typename }' }) }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.body.dump();
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      return done({ reachable: ok, status: response.statusCode, ...(ok ? {} : { error: `HTTP ${response.statusCode}` }) });
    } catch (error) {
      const code = (error as { code?: string; name?: string }).code ?? (error as Error).name ?? 'ERROR';
      return done({ reachable: false, error: code });
    }
  }
}
