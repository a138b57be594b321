/**
 * The answer's cache policy, as Apollo Server keeps it for a gateway
 * (`newCachePolicy`): every subgraph fetch restricts it with its
 * Cache-Control (transport/SubgraphDataSource.ts), and the answer is
 * cacheable only when every fetch said so.
 */
export class CachePolicy {
  maxAge: number | undefined = undefined;
  scope: 'PUBLIC' | 'PRIVATE' | undefined = undefined;

  restrict(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void {
    if (hint.maxAge !== undefined && (this.maxAge === undefined || hint.maxAge < this.maxAge)) this.maxAge = hint.maxAge;
    if (hint.scope !== undefined && this.scope !== 'PRIVATE') this.scope = hint.scope;
  }

  replace(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void {
    if (hint.maxAge !== undefined) this.maxAge = hint.maxAge;
    if (hint.scope !== undefined) this.scope = hint.scope;
  }

  policyIfCacheable(): { maxAge: number; scope: 'PUBLIC' | 'PRIVATE' } | null {
    if (this.maxAge === undefined || this.maxAge === 0) return null;
    return { maxAge: this.maxAge, scope: this.scope ?? 'PUBLIC' };
  }

  /** Apollo Server's cache-control plugin: `max-age=N, public|private` for a cacheable answer without errors, else `no-store`. */
  header(hasErrors: boolean): string {
    const policy = this.policyIfCacheable();
    return policy && !hasErrors ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store';
  }
}
