// Starts the grid subgraph: reads config from the environment, builds, listens.
import { readSubgraphConfig } from '../shared/config/readSubgraphConfig.ts';
import { resolveFederationSecret } from '../shared/identity/personToken.ts';
import { serveUntilStopped } from '../shared/server/serveUntilStopped.ts';
import { build } from './app.ts';
import { parseDueDateRules } from './dispute/dueDateRules.ts';

const config = readSubgraphConfig('grid', process.env);
const app = await build({
  config,
  federationSecret: resolveFederationSecret(process.env),
  dueRules: parseDueDateRules(process.env.GRID_DUE_RULES),
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
});
await serveUntilStopped(app, config);
