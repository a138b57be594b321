import type { Clock } from '../clock.ts';
import type { SubgraphConfig } from '../config/readSubgraphConfig.ts';

/** What every subgraph's `build()` takes; a subgraph may add its own options. */
export interface SubgraphBuildOptions {
  config: SubgraphConfig;
  /** The federation secret person tokens are derived under. */
  federationSecret: string;
  clock?: Clock;
  /** Pino options, or false for silence. */
  logger?: boolean | Record<string, unknown>;
  /** Sees every SQL statement run (tests count them to prove batching). */
  onStatement?: (sql: string) => void;
  /** Whether to run the outbox relay (agency subgraphs); default true. */
  relay?: boolean;
}
