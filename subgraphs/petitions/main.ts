// Starts the petitions subgraph: reads config from the environment, builds, listens.
import { readSubgraphConfig } from '../shared/config/readSubgraphConfig.ts';
import { resolveFederationSecret } from '../shared/identity/personToken.ts';
import { serveUntilStopped } from '../shared/server/serveUntilStopped.ts';
import { build } from './app.ts';

const config = readSubgraphConfig('petitions', process.env);
const app = await build({
  config,
  federationSecret: resolveFederationSecret(process.env),
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
});
await serveUntilStopped(app, config);
