import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import mercurius from 'mercurius';

export interface SubgraphServerOptions<Context extends object> {
  /** The subgraph's name (`grid`, `petitions`, ...), used in logs. */
  name: string;
  schema: GraphQLSchema;
  /** Builds the per-request context (dataloaders, user); called once per request. */
  context: (request: FastifyRequest, reply: FastifyReply) => Context | Promise<Context>;
  /** Pino options or `false` for silence (tests). */
  logger?: boolean | Record<string, unknown>;
}

/**
 * The one HTTP shape of every subgraph: Fastify with mercurius serving the
 * federated schema at POST /graphql, and GET /health. Building does not
 * listen: `main.ts` does, tests use `inject`.
 */
export async function createSubgraphServer<Context extends object>(
  options: SubgraphServerOptions<Context>,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // A subgraph answers only the gateway; large bodies are a bug or an attack.
    bodyLimit: 2 * 1024 * 1024,
  });
  await app.register(mercurius, {
    schema: options.schema,
    graphiql: false,
    context: options.context,
    path: '/graphql',
  });
  app.get('/health', async () => ({ status: 'ok', subgraph: options.name }));
  return app;
}
