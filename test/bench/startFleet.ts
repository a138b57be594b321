import { SUBGRAPHS, type SubgraphName } from '../../schema/subgraphList.ts';
import { join } from 'node:path';
import { freePort } from '../e2e/support/freePort.ts';
import type { StartedProcess } from '../e2e/support/startProcess.ts';
import { DEV_FEDERATION_SECRET } from '../../subgraphs/shared/identity/personToken.ts';
import type { ProcessSet } from './ProcessSet.ts';
import { SERVICE_NODE_FLAGS } from '../../scripts/serviceNodeFlags.ts';

export interface Fleet {
  urls: Record<SubgraphName, string>;
  processes: Record<SubgraphName, StartedProcess>;
  /** Wall time from spawn until each subgraph answered /health (its world import included on a fresh store). */
  readyMs: Record<SubgraphName, number>;
  stop(): Promise<void>;
}

/**
 * The five real subgraphs as their own processes on free loopback ports over
 * one data directory (`<dataDir>/<name>/<name>.db`, `<dataDir>/world`), their
 * outbox relays pointed at this grid.
 */
export async function startFleet(processes: ProcessSet, dataDir: string, options: {
    readyTimeoutMs?: number;
    env?: Record<string, string>;
    /** Run each subgraph under `node --cpu-prof`, writing its profiles into `<profileDir>/<subgraph>/` when it stops. */
    profileDir?: string;
  } = {}): Promise<Fleet> {
  const ports = {} as Record<SubgraphName, number>;
  for (const s of SUBGRAPHS) ports[s.name] = await freePort();
  const env: Record<string, string> = {
    // Development secrets and keys: the bench measures, it serves no one.
    NODE_ENV: 'development',
    // Said explicitly: cached stores hold tokens made under it, and operations.ts derives one.
    ONEWINDOW_FEDERATION_SECRET: DEV_FEDERATION_SECRET,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...Object.fromEntries(SUBGRAPHS.map((s) => [s.portVariable, String(ports[s.name])])),
    ...options.env,
  };
  const started = await Promise.allSettled(
    SUBGRAPHS.map(async (s) => {
      const t0 = performance.now();
      const child = await processes.start({
        name: s.name,
        args: [...SERVICE_NODE_FLAGS, ...(options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', join(options.profileDir, s.name)] : []), `subgraphs/${s.name}/main.ts`],
        env,
        readyUrl: `http://127.0.0.1:${ports[s.name]}/health`,
        readyTimeoutMs: options.readyTimeoutMs ?? 120_000,
      });
      return { name: s.name, process: child, ms: performance.now() - t0 };
    }),
  );
  const up = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const stop = () => Promise.all(up.map((u) => processes.stop(u.process, 60_000))).then(() => undefined);
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return {
    urls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, `http://127.0.0.1:${ports[s.name]}/graphql`])) as Record<SubgraphName, string>,
    processes: Object.fromEntries(up.map((u) => [u.name, u.process])) as Record<SubgraphName, StartedProcess>,
    readyMs: Object.fromEntries(up.map((u) => [u.name, u.ms])) as Record<SubgraphName, number>,
    stop,
  };
}
