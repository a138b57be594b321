import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPHS, type SubgraphName } from '../../../schema/subgraphList.ts';
import { generateWorld } from '../../../world/generateWorld.ts';
import type { Principal } from '../../../gateway/security/Principal.ts';
import { freePort } from './freePort.ts';
import { type GraphQLResult, postGraphQL } from './graphql.ts';
import { signedContextHeaders } from './signedContext.ts';
import { type StartedProcess, startProcess } from './startProcess.ts';

export interface RunningSubgraphs {
  dataDir: string;
  worldDir: string;
  ports: Record<SubgraphName, number>;
  urls: Record<SubgraphName, string>;
  processes: Map<SubgraphName, StartedProcess>;
  /** Starts (or restarts) one subgraph as a real process on its port. */
  start(name: SubgraphName): Promise<StartedProcess>;
  stop(name: SubgraphName): Promise<void>;
  /**
   * Calls one subgraph directly, as the gateway would: with a user context
   * signed for `user` (default: the e2e tester, all of Hubei). Subgraphs
   * refuse any GraphQL request without one (401 UNAUTHENTICATED).
   */
  query<T = Record<string, any>>(name: SubgraphName, query: string, options?: { variables?: Record<string, unknown>; user?: Principal }): Promise<GraphQLResult<T>>;
  /** Stops every process and removes the data directory. */
  close(): Promise<void>;
}

/**
 * Seeds a small deterministic world and starts the five subgraphs as real
 * processes on free loopback ports, each with its own database under one
 * data directory, their relays pointed at this grid. They trust the
 * gateway's development key (their default outside production): a gateway
 * started with its defaults, `query()` and the stock gateway of
 * stockGateway.ts sign contexts they accept.
 */
export async function startSubgraphs(options: { people?: number; seed?: number; env?: Record<string, string> } = {}): Promise<RunningSubgraphs> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-e2e-'));
  const worldDir = join(dataDir, 'world');
  await generateWorld({ people: options.people ?? 2_000, seed: options.seed ?? 7, out: worldDir });
  const ports = {} as Record<SubgraphName, number>;
  for (const s of SUBGRAPHS) ports[s.name] = await freePort();
  const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, `http://127.0.0.1:${ports[s.name]}/graphql`])) as Record<SubgraphName, string>;
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...Object.fromEntries(SUBGRAPHS.map((s) => [s.portVariable, String(ports[s.name])])),
    ...options.env,
  };
  const processes = new Map<SubgraphName, StartedProcess>();
  const running: RunningSubgraphs = {
    dataDir,
    worldDir,
    ports,
    urls,
    processes,
    async start(name) {
      const started = await startProcess({
        name,
        args: [`subgraphs/${name}/main.ts`],
        env,
        readyUrl: `http://127.0.0.1:${ports[name]}/health`,
        readyTimeoutMs: 60_000,
      });
      processes.set(name, started);
      return started;
    },
    async stop(name) {
      await processes.get(name)?.stop();
      processes.delete(name);
    },
    async query(name, query, options = {}) {
      return postGraphQL(urls[name], query, { variables: options.variables, headers: await signedContextHeaders(options.user) });
    },
    async close() {
      await Promise.all([...processes.values()].map((p) => p.stop()));
      processes.clear();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  // Wait for every start, not just the first failure: a subgraph still
  // starting when another fails would otherwise be left running.
  const started = await Promise.allSettled(SUBGRAPHS.map((s) => running.start(s.name)));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await running.close();
    throw failed.reason;
  }
  return running;
}
