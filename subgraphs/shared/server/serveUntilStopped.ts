import type { FastifyInstance } from 'fastify';
import type { SubgraphConfig } from '../config/readSubgraphConfig.ts';

/**
 * Listens on the configured address; on SIGINT or SIGTERM closes the app
 * (its onClose hooks stop the relay and close the database) and exits.
 */
export async function serveUntilStopped(app: FastifyInstance, config: Pick<SubgraphConfig, 'host' | 'port'>): Promise<void> {
  await app.listen({ host: config.host, port: config.port });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
}
