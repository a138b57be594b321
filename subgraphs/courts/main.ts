// Starts the courts subgraph: reads config from the environment, builds, listens.
import { readSubgraphConfig } from '../shared/config/readSubgraphConfig.ts';
import { resolveFederationSecret } from '../shared/identity/personToken.ts';
import { build } from './app.ts';

const config = readSubgraphConfig('courts', process.env);
const app = await build({
  config,
  federationSecret: resolveFederationSecret(process.env),
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
});
await app.listen({ host: config.host, port: config.port });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
