import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mintToken, type TokenSubject } from '../../../gateway/security/mintToken.ts';
import { loadWorld, type LoadedWorld } from '../../unit/world/loadWorld.ts';
import { freePort } from '../support/freePort.ts';
import { startProcess, repositoryRoot, type StartedProcess } from '../support/startProcess.ts';
import { startSubgraphs, type RunningSubgraphs } from '../support/startSubgraphs.ts';

export interface ConsoleStack {
  system: RunningSubgraphs;
  world: LoadedWorld;
  gateway: StartedProcess;
  /** http://127.0.0.1:<port> */
  base: string;
  graphql: string;
  stop(): Promise<void>;
}

/** Builds the console when it is missing or older than its sources (the same check as `npm start`). */
export function ensureConsoleBuilt(): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repositoryRoot, 'gateway/console/build.ts'), '--if-stale'], {
    cwd: repositoryRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the console did not build:\n${result.stdout}\n${result.stderr}`);
}

/**
 * The five subgraphs (a seeded world) and the gateway as real processes on
 * free loopback ports, with the gateway's default security (development keys:
 * demo users and tokens minted by the tests are accepted).
 */
export async function startConsoleStack(gatewayEnv: Record<string, string> = {}): Promise<ConsoleStack> {
  ensureConsoleBuilt();
  const system = await startSubgraphs({ people: 2_000, seed: 7 });
  try {
    const world = await loadWorld(system.worldDir);
    const port = await freePort();
    const gateway = await startProcess({
      name: 'gateway',
      args: ['gateway/main.ts'],
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATA_DIR: system.dataDir,
        GATEWAY_PORT: String(port),
        GATEWAY_WATCH_SUPERGRAPH: 'false',
        SUBGRAPH_URLS: JSON.stringify(system.urls),
        // A stopped subgraph is retried after a short cool-down (the police-down test restarts nothing, but keeps it quick).
        GATEWAY_BREAKER_COOLDOWN_MS: '1000',
        ...gatewayEnv,
      },
      readyUrl: `http://127.0.0.1:${port}/ready`,
      readyTimeoutMs: 60_000,
    });
    const base = `http://127.0.0.1:${port}`;
    return {
      system,
      world,
      gateway,
      base,
      graphql: `${base}/graphql`,
      async stop() {
        await gateway.stop();
        await system.close();
      },
    };
  } catch (error) {
    await system.close();
    throw error;
  }
}

/** A development token (the gateway verifies with the development secret outside production). */
export function tokenFor(subject: TokenSubject): Promise<string> {
  return mintToken(subject);
}
