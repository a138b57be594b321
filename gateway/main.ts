// The gateway process: the only file that touches the process (argv, env,
// listen, signals, exit). Everything else is built by createGateway.ts.
//
//   node --import tsx gateway/main.ts [--supergraph <file>] [--port <n>]
//
// Settings (env): GATEWAY_PORT (4000), GATEWAY_HOST (127.0.0.1),
// GATEWAY_SUPERGRAPH, SUBGRAPH_URL_<NAME> or SUBGRAPH_URLS (JSON),
// GATEWAY_SUBGRAPH_TIMEOUT_MS (5000), SUBGRAPH_TIMEOUT_MS_<NAME>,
// GATEWAY_SUBGRAPH_CONNECTIONS, GATEWAY_RETRY_MAX, GATEWAY_BREAKER_FAILURES,
// GATEWAY_BREAKER_COOLDOWN_MS, NODE_ENV, LOG_LEVEL; security: GATEWAY_AUTH,
// GATEWAY_JWT_SECRET | GATEWAY_JWKS_FILE | GATEWAY_JWKS_URL, GATEWAY_JWT_ISSUER,
// GATEWAY_JWT_AUDIENCE, GATEWAY_AUTHZ_MODE, GATEWAY_CONTEXT_PRIVATE_KEY: see
// gateway/README.md.
import { ConfigError } from './errors.ts';
import { parseGatewayConfig, type GatewayConfig } from './config/parseGatewayConfig.ts';
import { build } from './createGateway.ts';
import type { FastifyInstance } from 'fastify';

// @apollo/gateway otherwise reports usage to Apollo's servers (and probes
// cloud metadata endpoints) from every instance: the network is isolated and
// the data is sensitive.
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

let config: GatewayConfig;
try {
  config = parseGatewayConfig(process.argv.slice(2), process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`gateway: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

let app: FastifyInstance;
try {
  app = await build({ config });
} catch (error) {
  console.error(`gateway: not started: ${(error as Error).message}`);
  process.exit(1);
}

process.on('uncaughtException', (error) => {
  app.log.fatal({ err: error }, 'uncaught exception; exiting');
  process.exit(1);
});
process.on('unhandledRejection', (reason) => {
  app.log.error({ err: reason }, 'unhandled promise rejection');
});

let shuttingDown = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (shuttingDown) {
    app.log.warn({ signal }, 'second signal: exiting without waiting');
    process.exit(1);
  }
  shuttingDown = true;
  app.log.info({ signal }, 'shutting down: no new connections; finishing requests in flight');
  const force = setTimeout(() => {
    app.log.error({ timeoutMs: config.shutdownTimeoutMs }, 'requests still in flight after the grace period; exiting');
    process.exit(1);
  }, config.shutdownTimeoutMs);
  force.unref();
  try {
    await app.close();
    app.log.info('stopped');
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'error while shutting down');
    process.exit(1);
  }
}
process.on('SIGTERM', (signal) => void shutdown(signal));
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGHUP', () => app.gateway.reloadSupergraph());

try {
  await app.listen({ host: config.host, port: config.port });
} catch (error) {
  app.log.fatal({ err: error }, `cannot listen on ${config.host}:${config.port}`);
  process.exit(1);
}
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
app.log.info(
  { graphql: `${base}/graphql`, ...(config.graphiql ? { graphiql: `${base}/graphiql` } : {}), supergraph: config.supergraphPath },
  'gateway ready',
);
